// Builds the web pages served by the jar. `mvn` runs `npm ci` and `npm run build` (pom.xml): the bundle lands in
// target/web/static/, which the build puts on the classpath as static resources. Nothing is loaded from a CDN.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  logLevel: 'warn',
  esbuild: {
    jsx: 'automatic',
  },
  build: {
    outDir: here('../target/web/static'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Monaco, the editor of GraphiQL, is large by nature
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
    rollupOptions: {
      input: {
        graphiql: here('graphiql/index.html'),
      },
      onwarn(warning, warn) {
        // React Server Components directives ("use client", "use no memo") mean nothing in a browser bundle
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') {
          return;
        }
        warn(warning);
      },
    },
  },
  worker: {
    format: 'es',
  },
});
