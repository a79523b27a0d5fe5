// Builds the web pages served by the jar. `mvn` runs `npm ci` and `npm run build` (pom.xml): the bundle lands in
// target/web/static/, which the build puts on the classpath as static resources. Nothing is loaded from a CDN.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

/** `npx vite`: the users' pages answer their paths, as the service does (WebPagesController). */
const pagesInDev = {
  name: 'maillage-pages-in-dev',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const path = request.url.split('?')[0];
      if (request.method === 'GET' && /^\/($|carte|territoires\/|reseau\/|coordinateurs\/|candidatures|connexion)/.test(path)) {
        request.url = '/app/index.html';
      }
      next();
    });
  },
};

export default defineConfig({
  root: here('.'),
  plugins: [pagesInDev],
  // the dev server pre-bundles the pages' dependencies only (GraphiQL's workers are for the build)
  optimizeDeps: { entries: ['app/index.html'] },
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
        app: here('app/index.html'),
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
  // `npx vite` for working on the pages: the service runs apart (mvn spring-boot:run, port 8080, or $MAILLAGE_URL)
  server: {
    proxy: Object.fromEntries(['/graphql', '/exports', '/dev', '/api', '/pages/config.json', '/actuator']
      .map((path) => [path, process.env.MAILLAGE_URL || 'http://localhost:8080'])),
  },
});
