// Haulcheck's language server (dist/server.js over stdio), timed as an editor would feel it.
//   node scripts/bench/lsp-haulcheck.mjs --dir DATASET [--edits 50]   start-up index, edits in one event file, memory
//   node scripts/bench/lsp-haulcheck.mjs --single FILE [--edits 10]   one large multi-document file, opened and edited
//   [--server PATH] another build of the server (default dist/server.js); [--max-heap MB] heap limit
//   [--cache-dir DIR] the facts cache folder an editor would give (initializationOptions.cacheDir): a second run starts warm
// Prints one JSON object.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { glob } from 'tinyglobby';
import { Client, memoryOf, percentile } from './lsp.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (k, d) => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1] : d;
};
const edits = Number(arg('--edits', 50));
/** Heap limit for the server: the single-file run proves "heap < 200 MB" by surviving under it. */
const heapLimit = arg('--max-heap');

async function editLoop(c, uri, text, n) {
  // Alternately insert and delete one character at the end of the title's line (line of "title:").
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith('title:'));
  const ch = lines[line].length;
  const times = [];
  for (let i = 0; i < n; i++) {
    const insert = i % 2 === 0;
    const range = insert ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } };
    const t = performance.now();
    const v = c.change(uri, range, insert ? 'x' : '');
    await c.until(() => c.diagnostics.get(uri)?.version === v, 120000, `diagnostics v${v}`);
    times.push(c.diagnostics.get(uri).at - t);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), n: times.length };
}

async function main() {
  const dir = arg('--dir');
  const single = arg('--single');
  const root = dir ? resolve(dir) : dirname(dirname(resolve(single)));
  let indexEnd;
  const nodeArgs = heapLimit ? [`--max-old-space-size=${heapLimit}`] : [];
  const c = new Client(process.execPath, [...nodeArgs, resolve(arg('--server', join(REPO, 'dist', 'server.js'))), '--stdio'], { onProgressEnd: (t) => (indexEnd ??= t) });
  const out = { root };
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, memoryOf(c.proc.pid)?.rssMB ?? 0)), 100);
  try {
    const t0 = performance.now();
    const cacheDir = arg('--cache-dir');
    await c.initialize(root, { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } }, cacheDir ? { cacheDir: resolve(cacheDir) } : undefined);
    let file;
    if (dir) {
      const files = (await glob('events/**/*.yaml', { cwd: root, absolute: true })).sort();
      out.files = files.length;
      file = files[Math.floor(files.length / 2)];
      // Start-up: the index is built right after `initialized`, reported as work-done progress.
      await c.until(() => indexEnd, 600000, 'end of indexing progress');
      out.indexMs = indexEnd - t0;
      out.afterIndex = memoryOf(c.proc.pid);
    } else file = resolve(single);
    const text = readFileSync(file, 'utf8');
    out.fileBytes = Buffer.byteLength(text);
    const tOpen = performance.now();
    const uri = c.open(file, text);
    await c.until(() => c.countFor(uri) > 0, 600000, 'first diagnostics');
    out.openMs = c.diagnostics.get(uri).at - tOpen;
    out.firstDiagnosticsMs = c.diagnostics.get(uri).at - t0;
    if (single) {
      // A long stream is shown a part at a time: its first documents' findings, then all of them.
      out.firstMs = out.openMs;
      out.firstDiagnostics = c.diagnostics.get(uri).diagnostics.length;
      await c.until(() => c.countFor(uri) > 1, 600000, 'all diagnostics');
      out.openMs = c.diagnostics.get(uri).at - tOpen;
    }
    out.diagnostics = c.diagnostics.get(uri).diagnostics.length;
    out.edit = await editLoop(c, uri, text, edits);
    out.memory = memoryOf(c.proc.pid);
    out.maxRssMB = peakRss;
    out.heapLimitMB = heapLimit ? Number(heapLimit) : undefined;
    out.survived = c.proc.exitCode === null;
  } catch (e) {
    out.error = String(e.message ?? e);
    out.stderr = c.stderr.slice(-2000);
  } finally {
    clearInterval(sampler);
    out.maxRssMB = peakRss;
    await c.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
