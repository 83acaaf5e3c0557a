// Haulcheck's language server (dist/server.js over stdio), timed as an editor would feel it.
//   node scripts/bench/lsp-haulcheck.mjs --dir DATASET [--edits 50]   start-up index, edits in one event file, memory
//   node scripts/bench/lsp-haulcheck.mjs --single FILE [--edits 10]   one large multi-document file, opened and edited
//   [--server PATH] another build of the server (default dist/server.js); [--max-heap MB] heap limit
//   [--index-heap MB] the heap limit of the server's indexing threads (initializationOptions.indexHeapMb)
//   [--cache-dir DIR] the facts cache folder an editor would give (initializationOptions.cacheDir): a second run starts warm
//   [--edit title|figure] what the edits change: the title (no fact of the dataset index) or a figure's value (a
//   fact: the files it is compared with are checked again in the background); default title
//   [--problems workspace|openFilesOnly] the diagnostic mode (default workspace: every file's problems, checked in
//   the background after indexing; edits are timed while that pass runs and again after it)
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

/** The dataset's `haulcheck/status` once every file not open is checked. */
const passDone = (c, root) => c.status?.datasets.find((d) => d.root === root && d.state === 'ready' && d.files > 0 && d.checked === d.files);

async function editLoop(c, uri, text, n, stopWhen = () => false) {
  // Alternately insert and delete one character: at the end of the title's line (line of "title:"),
  // or at the start of the first figure's value (`value: 1600000` → `value: 11600000`).
  const lines = text.split('\n');
  const figure = arg('--edit', 'title') === 'figure';
  const line = figure ? lines.findIndex((l) => /value: \d/.test(l)) : lines.findIndex((l) => l.startsWith('title:'));
  const ch = figure ? lines[line].indexOf('value: ') + 'value: '.length : lines[line].length;
  const times = [];
  for (let i = 0; i < n && !(i % 2 === 0 && stopWhen()); i++) {
    const insert = i % 2 === 0;
    const range = insert ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } };
    const t = performance.now();
    const v = c.change(uri, range, insert ? (figure ? '1' : 'x') : '');
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
    const mode = arg('--problems', 'workspace');
    out.mode = mode;
    await c.initialize(
      root,
      { window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      { statusNotifications: true, diagnosticMode: mode, ...(cacheDir ? { cacheDir: resolve(cacheDir) } : {}), ...(arg('--index-heap') ? { indexHeapMb: Number(arg('--index-heap')) } : {}) },
    );
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
    if (dir && mode === 'workspace') {
      // Edits while the files not open are checked in the background (when that pass is still running)…
      if (!passDone(c, root)) {
        out.editDuringPass = await editLoop(c, uri, text, edits, () => passDone(c, root));
        out.rssDuringPassMB = peakRss;
      }
      const done = await c.until(() => passDone(c, root), 600000, 'every file checked');
      out.problemsMs = performance.now() - t0;
      out.problems = { files: done.files, errors: done.errors, warnings: done.warnings, infos: done.infos, published: c.published, filesShown: [...c.diagnostics.values()].filter((d) => d.diagnostics.length).length };
      out.afterPass = memoryOf(c.proc.pid);
    }
    // …and after it.
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
    // The kernel's high-water mark of the server's resident memory (VmHWM): the peak between two samples too.
    out.peakMB = Math.max(peakRss, memoryOf(c.proc.pid)?.peakMB ?? 0);
    await c.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
