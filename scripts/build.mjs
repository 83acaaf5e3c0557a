// Bundles the extension client, the language server and the CLI with esbuild (node 20, CommonJS),
// after generating the schemas' validators (scripts/gen-validators.mjs) that the bundles include.
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
if (!watch) console.log('built dist/client.js, dist/server.js, dist/server-index.js, dist/server-overview.js, dist/cli.js, dist/cli-worker.js, dist/report-app.js');
