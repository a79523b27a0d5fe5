// The example operations of graphql/examples/ (each one run by the Java test suite), bundled at build time.
const files = import.meta.glob('../../graphql/examples/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

function describe(path, text) {
  const file = path.split('/').pop();
  const comments = text.split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) => line.replace(/^#\s?/, ''));
  // the first comment line says what the operation does, in French; the next ones, how to use it
  const title = comments[0] || file;
  const description = comments.slice(1).join(' ');
  return { file, title, description, query: text };
}

export const examples = Object.entries(files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => describe(path, text));
