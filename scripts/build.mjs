// Bundles the extension client, the language server and the CLI with esbuild (node 20, CommonJS),
// after generating the schemas' validators (scripts/gen-validators.mjs) that the bundles include;
// and the extension's browser build (its client for the browser extension host, its language server
// for a web worker), which may import no Node API and compiles no code at run time.
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build } from 'esbuild';
import { writeGenerated } from './gen-validators.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  legalComments: 'none',
  // Some dependencies ship ESM that reads import.meta.url; give the CommonJS bundle a real one.
  define: { 'import.meta.url': '__haulcheckImportMetaUrl' },
  banner: { js: "const __haulcheckImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/** Node's modules, by every name they are imported by. */
const NODE_MODULES = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/**
 * The browser build: a Node module imported anywhere fails the build, naming who imports it (no
 * shims: the code that needs one belongs to the Node build); and the schemas' run-time compiler
 * (core/schema/compile.ts, ajv's code generation) is replaced by compile-none.ts, so that the
 * bundle never runs `new Function` (every schema is compiled at build time).
 */
const browserOnly = {
  name: 'browser-only',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (NODE_MODULES.has(args.path)) return { errors: [{ text: `the browser build imports the Node module "${args.path}" (from ${args.importer}); keep it out of the browser build` }] };
      if (args.path === './compile' && /core[\\/]schema[\\/]validate\.ts$/.test(args.importer)) return { path: join(args.resolveDir, 'compile-none.ts') };
      return undefined;
    });
  },
};

const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [browserOnly],
};

writeGenerated();

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  // The language server's start-up indexing thread.
  build({ ...common, entryPoints: ['server/src/lsp/index-worker.ts'], outfile: 'dist/server-index.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  // The worker threads of `haulcheck check --jobs N`.
  build({ ...common, entryPoints: ['server/src/cli/worker.ts'], outfile: 'dist/cli-worker.js' }),
  // The dataset overview's thread in the language server.
  build({ ...common, entryPoints: ['server/src/lsp/overview-worker.ts'], outfile: 'dist/server-overview.js' }),
  // The extension in the browser extension host, and its language server in a web worker (github.dev, vscode.dev).
  build({ ...web, entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser-client.js', format: 'cjs', external: ['vscode'] }),
  build({ ...web, entryPoints: ['server/src/lsp/browser-main.ts'], outfile: 'dist/browser-server.js', format: 'iife' }),
  // The report's page (charts, map, table) for `haulcheck report` and the editor's overview: a browser
  // bundle with Observable Plot and the world map inside, and its stylesheet (dist/report-app.css).
  build({
    entryPoints: ['client/report/main.ts'],
    outfile: 'dist/report-app.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: ['chrome100', 'firefox100', 'safari15'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  }),
]);
if (!watch) console.log('built dist/client.js, dist/server.js, dist/server-index.js, dist/server-overview.js, dist/cli.js, dist/cli-worker.js, dist/report-app.js, dist/browser-client.js, dist/browser-server.js');
