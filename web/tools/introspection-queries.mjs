// Writes the introspection queries of graphql-js (the package GraphiQL bundles) into the Java tests' resources:
// the default one that most GraphQL tools send, and the fullest one (every option this schema can answer).
//   cd web && node tools/introspection-queries.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getIntrospectionQuery, version } from 'graphql';

const target = (name) => fileURLToPath(new URL(`../../src/test/resources/introspection/${name}`, import.meta.url));
const header = (options) => `# getIntrospectionQuery(${options}) of graphql ${version}, written by web/tools/introspection-queries.mjs\n`;

writeFileSync(target('default.graphql'), header('') + getIntrospectionQuery());
const full = {
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
};
writeFileSync(target('full.graphql'), header(JSON.stringify(full)) + getIntrospectionQuery(full));
