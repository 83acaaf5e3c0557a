// Bundles scripts/bench/core-check.ts (the core on one thread, for timing and profiling) like
// scripts/build.mjs bundles the shells.
import { build } from 'esbuild';

export async function buildHarness(outfile) {
  await build({
    entryPoints: [new URL('./core-check.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: false,
    logLevel: 'warning',
    define: { 'import.meta.url': '__haulcheckImportMetaUrl' },
    banner: { js: "const __haulcheckImportMetaUrl = require('url').pathToFileURL(__filename).href;" },
  });
  return outfile;
}

// Run directly: `node scripts/bench/build-harness.mjs OUTFILE` (not when imported by run.mjs).
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1] && process.argv[2]) await buildHarness(process.argv[2]);
