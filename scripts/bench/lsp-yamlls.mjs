// yaml-language-server (Red Hat's YAML extension's server) over stdio, given the event schema.
//   node scripts/bench/lsp-yamlls.mjs --dir DATASET [--timeout-s 900]   open every event file, wait for every file's diagnostics
//   node scripts/bench/lsp-yamlls.mjs --single FILE [--edits 5]          one large multi-document file, opened and edited
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

async function main() {
  const dir = arg('--dir');
  const single = arg('--single');
  const timeout = Number(arg('--timeout-s', 900)) * 1000;
  const root = dir ? resolve(dir) : dirname(dirname(resolve(single)));
  const schema = join(REPO, 'schemas', 'event.schema.json');
  const settings = {
    validate: true,
    hover: false,
    completion: false,
    format: { enable: false },
    schemaStore: { enable: false },
    schemas: { [schema]: ['**/events/**/*.yaml'] },
  };
  const server = join(REPO, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const c = new Client(process.execPath, [server, '--stdio'], { configuration: (section) => (section === 'yaml' ? settings : section ? null : { yaml: settings }) });
  const out = { root };
  let peak = 0;
  const sampler = setInterval(() => {
    const m = memoryOf(c.proc.pid);
    if (m) peak = Math.max(peak, m.peakMB);
  }, 200);
  try {
    const t0 = performance.now();
    await c.initialize(root, { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: {} } });
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { yaml: settings } });
    const files = dir ? (await glob('events/**/*.yaml', { cwd: root, absolute: true })).sort() : [resolve(single)];
    out.files = files.length;
    const uris = files.map((f) => c.open(f, readFileSync(f, 'utf8')));
    let pending = new Set(uris);
    await c.until(
      () => {
        for (const u of pending) if (c.countFor(u) > 0) pending.delete(u);
        return pending.size === 0;
      },
      timeout,
      `diagnostics of ${uris.length} files`,
    ).catch((e) => {
      out.timedOut = `${e.message}; ${pending.size} files without diagnostics`;
    });
    out.allDiagnosticsMs = performance.now() - t0;
    out.findings = uris.reduce((n, u) => n + (c.diagnostics.get(u)?.diagnostics.length ?? 0), 0);
    out.filesWithFindings = uris.filter((u) => c.diagnostics.get(u)?.diagnostics.length).length;
    if (single) {
      const text = readFileSync(files[0], 'utf8');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('title:'));
      const ch = lines[line].length;
      const times = [];
      for (let i = 0; i < Number(arg('--edits', 5)); i++) {
        const before = c.countFor(uris[0]);
        const t = performance.now();
        const insert = i % 2 === 0;
        c.change(uris[0], insert ? { start: { line, character: ch }, end: { line, character: ch } } : { start: { line, character: ch }, end: { line, character: ch + 1 } }, insert ? 'x' : '');
        await c.until(() => c.countFor(uris[0]) > before, timeout, 'diagnostics after the edit');
        times.push(c.diagnostics.get(uris[0]).at - t);
      }
      out.edit = { p50: percentile(times, 50), max: Math.max(...times), n: times.length };
    }
    out.memory = memoryOf(c.proc.pid);
    out.peakMB = Math.max(peak, out.memory?.peakMB ?? 0);
  } catch (e) {
    out.error = String(e.message ?? e);
    out.stderr = c.stderr.slice(-2000);
  } finally {
    clearInterval(sampler);
    await c.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

main();
