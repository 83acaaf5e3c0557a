#!/usr/bin/env node
// `npm run bench`: Haulcheck against the tools users would otherwise pick, on the same generated
// datasets and the project's own event schema. Prints Markdown tables; --json FILE keeps the numbers.
//
//   node scripts/bench/run.mjs [--sizes 1000,10000] [--repeat 3] [--single 5000] [--only cli,cache,report,core,floor,ajv,spectral,yamlls,lsp]
//                              [--no-build] [--keep DIR] [--json FILE] [--spectral-limit-s 180]
//
// Every command runs cold (a new process each time); wall time, CPU time (user + system) and peak
// resident memory come from /usr/bin/time (installed with apt-get when missing and running as root),
// else from sampling /proc/<pid>/status (VmHWM). The machine is shared: each figure is the median of
// --repeat runs (one run when a run takes more than a minute).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDataset } from './generate.mjs';
import { writeSpectralRuleset } from './spectral-ruleset.mjs';
import { buildHarness } from './build-harness.mjs';
import { memoryOf } from './lsp.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (k, d) => {
  const i = argv.indexOf(k);
  return i >= 0 ? argv[i + 1] : d;
};
const SIZES = arg('--sizes', '1000,10000').split(',').map(Number);
const REPEAT = Number(arg('--repeat', 3));
const SINGLE = Number(arg('--single', 5000));
const ONLY = new Set(arg('--only', 'cli,cache,report,core,floor,ajv,spectral,yamlls,lsp').split(','));
const SPECTRAL_LIMIT_S = Number(arg('--spectral-limit-s', 180));
const keep = arg('--keep');
const work = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'haulcheck-bench-'));
const log = (m) => process.stderr.write(`[bench] ${m}\n`);
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

function timeTool() {
  if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  if (process.getuid?.() === 0) {
    log('installing GNU time (apt-get install -y time) for peak-memory readings');
    spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore' });
    if (existsSync('/usr/bin/time')) return '/usr/bin/time';
  }
  return undefined;
}
const TIME = timeTool();

/** Runs a command once: wall s, CPU s, peak RSS MB, exit code, stdout/stderr (to files). */
function runOnce(cmd, args, { stdoutFile, stderrFile } = {}) {
  return new Promise((done) => {
    const timeOut = join(work, 'time.txt');
    const full = TIME ? [TIME, ['-f', '%e %U %S %M', '-o', timeOut, cmd, ...args]] : [cmd, args];
    const out = stdoutFile ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'ignore', 'pipe'];
    const t0 = performance.now();
    const p = spawn(full[0], full[1], { stdio: out, cwd: REPO });
    const chunks = [];
    const errs = [];
    p.stdout?.on('data', (d) => chunks.push(d));
    p.stderr.on('data', (d) => errs.push(d));
    let peak = 0;
    const sampler = TIME ? undefined : setInterval(() => (peak = Math.max(peak, memoryOf(p.pid)?.peakMB ?? 0)), 50);
    p.on('exit', (code) => {
      const wall = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      if (stdoutFile) writeFileSync(stdoutFile, Buffer.concat(chunks));
      const stderr = Buffer.concat(errs).toString();
      if (stderrFile) writeFileSync(stderrFile, stderr);
      let r = { wall, cpu: NaN, peakMB: peak || NaN, code };
      if (TIME && existsSync(timeOut)) {
        const [e, u, s, m] = readFileSync(timeOut, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        r = { wall: e, cpu: u + s, peakMB: m / 1024, code };
      }
      r.stderrTail = stderr.slice(-400);
      done(r);
    });
  });
}

/** Median of up to REPEAT runs (one when a run takes over a minute). */
async function measure(name, cmd, args, opts = {}) {
  const runs = [];
  for (let i = 0; i < (opts.repeat ?? REPEAT); i++) {
    const r = await runOnce(cmd, args, opts);
    runs.push(r);
    log(`${name}: ${r.wall.toFixed(2)} s wall, ${r.cpu.toFixed(2)} s CPU, ${r.peakMB.toFixed(0)} MB (exit ${r.code})`);
    if (r.wall > 60) break;
  }
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)), peakMB: median(runs.map((r) => r.peakMB)), runs: runs.length, code: runs[0].code, stderrTail: runs[0].stderrTail };
}

function nodeJson(script, args, timeoutS = 1800) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: REPO, encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 26 });
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    return { error: `no result (exit ${r.status}${r.signal ? `, ${r.signal}` : ''}): ${(r.stderr ?? '').slice(-400)}` };
  }
}

const machine = {
  nproc: cpus().length,
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? cpus()[0]?.model,
  node: process.version,
  loadavg: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  memory: (readFileSync('/proc/meminfo', 'utf8').match(/MemTotal:\s*(\d+)/) ?? [])[1] / 1024 / 1024,
};

async function main() {
  log(`work folder ${work}; machine: ${machine.nproc} × ${machine.cpu}, node ${machine.node}, load ${machine.loadavg}`);
  if (!argv.includes('--no-build')) {
    log('building dist/ (npm run build)');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'ignore' });
  }
  const harness = await buildHarness(join(work, 'core-check.js'));
  const ruleset = writeSpectralRuleset(join(work, 'spectral-ruleset.json'));
  const results = { machine, rows: [], lsp: {} };

  for (const n of SIZES) {
    const dir = join(work, `d${n}`);
    if (!existsSync(join(dir, 'haulcheck.yaml'))) log(`generating ${n} events: ${JSON.stringify(writeDataset(dir, { events: n, seed: 1 }))}`);
    const row = (tool, m, extra = {}) => {
      const r = { tool, events: n, ...m, eventsPerS: n / m.wall, ...extra };
      results.rows.push(r);
      return r;
    };
    if (ONLY.has('cli')) {
      const out = join(work, `cli-${n}.json`);
      const m = await measure(`haulcheck check (${n})`, process.execPath, ['bin/haulcheck.js', 'check', dir, '--format', 'json'], { stdoutFile: out });
      let findings;
      try {
        findings = JSON.parse(readFileSync(out, 'utf8')).reduce((s, f) => s + f.messages.length, 0);
      } catch {}
      row('Haulcheck CLI (every rule)', m, { findings });
    }
    if (ONLY.has('report')) {
      // `haulcheck report`: every file read and checked, summed up, one HTML page written.
      const out = join(work, `report-${n}`);
      const m = await measure(`haulcheck report (${n})`, process.execPath, ['bin/haulcheck.js', 'report', dir, '--out', out]);
      let htmlMB;
      try {
        htmlMB = statSync(join(out, 'index.html')).size / 1e6;
      } catch {}
      row('Haulcheck report (HTML)', m, { htmlMB });
      const csv = join(work, `export-${n}.csv`);
      const e = await measure(`haulcheck export csv (${n})`, process.execPath, ['bin/haulcheck.js', 'export', dir, '--format', 'csv', '--output', csv]);
      row('Haulcheck export (CSV)', e, { csvMB: existsSync(csv) ? statSync(csv).size / 1e6 : undefined });
    }
    if (ONLY.has('core')) {
      const out = join(work, `core-${n}.json`);
      const m = await measure(`core, one thread (${n})`, process.execPath, [harness, dir, '--phases'], { stdoutFile: out });
      let extra = {};
      try {
        extra = JSON.parse(readFileSync(out, 'utf8'));
      } catch {}
      row('Haulcheck core, one thread', m, { findings: extra.findings, phases: extra });
    }
    if (ONLY.has('floor')) {
      const out = join(work, `floor-${n}.json`);
      const m = await measure(`floor (${n})`, process.execPath, ['scripts/bench/floor.mjs', dir], { stdoutFile: out });
      let extra = {};
      try {
        extra = JSON.parse(readFileSync(out, 'utf8'));
      } catch {}
      row('Floor: yaml parse + compiled ajv', m, { findings: extra.findings, parseMBps: extra.parseMBps });
    }
    if (ONLY.has('ajv')) {
      const err = join(work, `ajv-${n}.txt`);
      const m = await measure(`ajv-cli (${n})`, process.execPath, [
        'node_modules/ajv-cli/dist/index.js', 'validate', '--spec=draft2020', '-c', 'ajv-formats', '--all-errors', '--errors=json',
        '-s', 'schemas/event.schema.json', '-d', `${dir}/events/**/*.yaml`,
      ], { stderrFile: err });
      const text = readFileSync(err, 'utf8');
      row('ajv-cli (schema only)', m, { findings: (text.match(/"instancePath"/g) ?? []).length, invalidFiles: (text.match(/ invalid$/gm) ?? []).length });
    }
    if (ONLY.has('spectral')) {
      const small = Math.min(...SIZES);
      if (n === small) {
        const out = join(work, `spectral-${n}.json`);
        const m = await measure(`spectral (${n})`, process.execPath, ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', `${dir}/events/**/*.yaml`, '-r', ruleset, '-f', 'json', '-o', out, '--quiet'], { repeat: 1 });
        let findings;
        try {
          findings = JSON.parse(readFileSync(out, 'utf8')).length;
        } catch {}
        row('Spectral (schema ruleset)', m, { findings });
      } else {
        const base = results.rows.find((r) => r.tool.startsWith('Spectral') && r.events === small);
        if (base && base.wall * (n / small) > SPECTRAL_LIMIT_S) {
          row('Spectral (schema ruleset)', { wall: base.wall * (n / small), cpu: base.cpu * (n / small), peakMB: NaN, runs: 0 }, { extrapolated: `from ${small} events, linearly` });
        } else {
          const out = join(work, `spectral-${n}.json`);
          const m = await measure(`spectral (${n})`, process.execPath, ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', `${dir}/events/**/*.yaml`, '-r', ruleset, '-f', 'json', '-o', out, '--quiet'], { repeat: 1 });
          row('Spectral (schema ruleset)', m);
        }
      }
    }
    if (ONLY.has('yamlls')) {
      log(`yaml-language-server: opening ${n} files`);
      const r = nodeJson('scripts/bench/lsp-yamlls.mjs', ['--dir', dir, '--timeout-s', String(arg('--yamlls-timeout-s', 1500))], Number(arg('--yamlls-timeout-s', 1500)) + 120);
      row('yaml-language-server (LSP, open all)', { wall: r.allDiagnosticsMs / 1000, cpu: NaN, peakMB: r.peakMB, runs: 1 }, { findings: r.findings, note: r.timedOut ?? r.error });
      log(`yaml-language-server (${n}): ${JSON.stringify(r)}`);
    }
  }

  if (ONLY.has('cache')) results.cache = await measureCache(Math.max(...SIZES));

  if (ONLY.has('lsp') || ONLY.has('yamlls')) {
    const big = Math.max(...SIZES);
    const sdir = join(work, `single${SINGLE}`);
    if (!existsSync(join(sdir, 'haulcheck.yaml'))) log(`generating ${SINGLE} events in one file: ${JSON.stringify(writeDataset(sdir, { events: SINGLE, seed: 2, singleFile: true }))}`);
    const singleFile = join(sdir, 'events', 'events.yaml');
    if (ONLY.has('lsp')) {
      const runs = [];
      for (let i = 0; i < REPEAT; i++) {
        const r = nodeJson('scripts/bench/lsp-haulcheck.mjs', ['--dir', join(work, `d${big}`), '--edits', '50']);
        log(`haulcheck LSP (${big}): ${JSON.stringify(r)}`);
        runs.push(r);
      }
      results.lsp.workspace = { events: big, runs, indexMs: median(runs.map((r) => r.indexMs)), openMs: median(runs.map((r) => r.openMs)), editP50: median(runs.map((r) => r.edit?.p50)), editP95: median(runs.map((r) => r.edit?.p95)), rssAfterIndexMB: median(runs.map((r) => r.afterIndex?.rssMB)), rssMB: median(runs.map((r) => r.memory?.rssMB)), problemsMs: median(runs.map((r) => r.problemsMs)), editDuringPassP95: median(runs.map((r) => r.editDuringPass?.p95)), rssAfterPassMB: median(runs.map((r) => r.afterPass?.rssMB)), peakMB: median(runs.map((r) => r.peakMB ?? r.maxRssMB)), peakRange: [Math.min(...runs.map((r) => r.peakMB ?? r.maxRssMB)), Math.max(...runs.map((r) => r.peakMB ?? r.maxRssMB))] };
      const s = nodeJson('scripts/bench/lsp-haulcheck.mjs', ['--single', singleFile, '--edits', '20', '--max-heap', '200']);
      log(`haulcheck LSP single file: ${JSON.stringify(s)}`);
      results.lsp.single = { events: SINGLE, ...s };
    }
    if (ONLY.has('yamlls')) {
      const y = nodeJson('scripts/bench/lsp-yamlls.mjs', ['--single', singleFile, '--edits', '3']);
      log(`yaml-language-server single file: ${JSON.stringify(y)}`);
      results.lsp.yamllsSingle = { events: SINGLE, ...y };
    }
  }

  print(results);
  if (arg('--json')) writeFileSync(arg('--json'), JSON.stringify(results, null, 2));
  if (!keep) rmSync(work, { recursive: true, force: true });
}

/**
 * `check --cache` on a copy of the largest dataset: a cold run (no cache), second runs with nothing
 * changed, and second runs after one file's figure changed (a different file each time: its facts
 * change, so every file's dataset-wide questions are asked again); and the floor of a second run, a
 * Node process that only stats every file (stat-floor.mjs).
 */
async function measureCache(n) {
  const dir = join(work, `cache${n}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(work, `d${n}`), dir, { recursive: true });
  const location = join(work, `cache-store-${n}`) + '/';
  rmSync(location, { recursive: true, force: true });
  const args = ['bin/haulcheck.js', 'check', dir, '--format', 'json', '--cache', '--cache-location', location];
  // Files written less than two seconds before they are read are read again next time (their stat
  // is too recent to trust, cache.ts RACY_MS): the copy is left to age first, as a dataset's files are.
  await new Promise((r) => setTimeout(r, 2500));
  const cold = await measure(`check --cache, cold (${n})`, process.execPath, args, { repeat: 1 });
  const warm = await measure(`check --cache, nothing changed (${n})`, process.execPath, args);
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) (e.isDirectory() ? walk(join(d, e.name)) : files.push(join(d, e.name)));
  };
  walk(join(dir, 'events'));
  files.sort();
  const changedRuns = [];
  for (let i = 0; i < REPEAT; i++) {
    const f = files[Math.floor(((i + 1) * files.length) / (REPEAT + 2))];
    writeFileSync(f, readFileSync(f, 'utf8').replace(/value: (\d+)/, (_m, v) => `value: ${Number(v) + 1}`));
    changedRuns.push(await runOnce(process.execPath, args));
    log(`check --cache, one file changed (${n}): ${changedRuns.at(-1).wall.toFixed(2)} s wall`);
  }
  const floor = await measure(`stat floor (${n})`, process.execPath, ['scripts/bench/stat-floor.mjs', dir]);
  const oneChanged = { wall: median(changedRuns.map((r) => r.wall)), cpu: median(changedRuns.map((r) => r.cpu)), peakMB: median(changedRuns.map((r) => r.peakMB)), runs: changedRuns.length };
  let cacheMB;
  try {
    cacheMB = statSync(join(location, 'haulcheck-cache.json')).size / 1e6;
  } catch {}
  return { events: n, cold, warm, oneChanged, floor, cacheMB, warmRuns: warm.runs };
}

function print(results) {
  const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const m = results.machine;
  console.log(`\nMachine: ${m.nproc} × ${m.cpu}, ${f(m.memory)} GB, node ${m.node}, load average at start ${m.loadavg}\n`);
  console.log('| Tool | Events | Wall s (median) | CPU s | Events/s | Peak RSS MB | Findings | Haulcheck CLI is … faster |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results.rows) {
    const hc = results.rows.find((x) => x.tool.startsWith('Haulcheck CLI') && x.events === r.events);
    const ratio = hc && !r.tool.startsWith('Haulcheck CLI') ? `${f(r.wall / hc.wall, 2)}×` : '';
    const note = r.extrapolated ? ` (extrapolated ${r.extrapolated})` : r.note ? ` (${r.note})` : r.htmlMB ? ` (${f(r.htmlMB, 2)} MB page)` : r.csvMB ? ` (${f(r.csvMB, 2)} MB)` : '';
    console.log(`| ${r.tool}${note} | ${r.events} | ${f(r.wall, 2)} | ${f(r.cpu, 2)} | ${f(r.eventsPerS, 0)} | ${f(r.peakMB, 0)} | ${r.findings ?? '–'} | ${ratio} |`);
  }
  const c = results.cache;
  if (c) {
    console.log(`\n\`check --cache\`, ${c.events} events (cache file ${f(c.cacheMB)} MB): cold ${f(c.cold.wall, 2)} s; nothing changed ${f(c.warm.wall, 2)} s (median of ${c.warmRuns}, ${f(c.cold.wall / c.warm.wall, 1)}× faster than cold, ${f(c.warm.wall / c.floor.wall, 1)}× the stat floor's ${f(c.floor.wall, 2)} s), ${f(c.warm.peakMB, 0)} MB; one file changed ${f(c.oneChanged.wall, 2)} s (median of ${c.oneChanged.runs}, ${f(c.cold.wall / c.oneChanged.wall, 1)}× faster than cold).`);
  }
  const w = results.lsp.workspace;
  if (w) {
    console.log(`\nHaulcheck language server, ${w.events}-event workspace (median of ${w.runs.length}): index ${f(w.indexMs, 0)} ms, open of one event file to its diagnostics ${f(w.openMs, 0)} ms, every file's problems published ${f(w.problemsMs, 0)} ms after start (edit p95 meanwhile ${f(w.editDuringPassP95, 0)} ms), one-character edit p50 ${f(w.editP50, 0)} ms / p95 ${f(w.editP95, 0)} ms (debounce 30 ms included), RSS once every problem is published ${f(w.rssAfterPassMB, 0)} MB, after the edits ${f(w.rssMB, 0)} MB, peak (VmHWM) ${f(w.peakMB, 0)} MB (${f(w.peakRange[0], 0)}–${f(w.peakRange[1], 0)}).`);
  }
  const s = results.lsp.single;
  if (s) console.log(`Haulcheck language server, one ${s.events}-event file (${f(s.fileBytes / 1e6)} MB, heap limited to ${s.heapLimitMB ?? 200} MB): open ${f(s.openMs, 0)} ms, edit p50 ${f(s.edit?.p50, 0)} ms / max ${f(s.edit?.max, 0)} ms, RSS ${f(s.memory?.rssMB, 0)} MB, ${s.survived ? 'ran within the heap limit' : `failed: ${s.error ?? 'server exited'}`}.`);
  const y = results.lsp.yamllsSingle;
  if (y) console.log(`yaml-language-server, the same file: first diagnostics ${f(y.allDiagnosticsMs, 0)} ms, edit p50 ${f(y.edit?.p50, 0)} ms, peak RSS ${f(y.peakMB, 0)} MB${y.error ? ` (${y.error})` : ''}.`);
  printBudgets(results);
}

/**
 * The budgets of docs/performance.md, each with what this run measured, its ratio to the budget and,
 * where one was measured in the same run, to the floor or peer it is stated against.
 */
function printBudgets(results) {
  const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
  const rows = [];
  const add = (budget, figure, limit, lower, peer = '') => {
    const ratio = figure / limit;
    rows.push(`| ${budget} | ${f(figure, figure < 10 ? 3 : 0)} | ${f(ratio)} | ${peer} | ${Number.isFinite(ratio) ? ((lower ? ratio <= 1 : ratio >= 1) ? 'yes' : 'no') : '–'} |`);
  };
  const big = Math.max(...SIZES);
  const core = results.rows.find((r) => r.tool.startsWith('Haulcheck core') && r.events === big);
  if (core?.phases?.checkMs) add(`check phase, ms an event (${big} events, one thread) ≤ 0.25`, core.phases.checkMs / big, 0.25, true);
  const cli = results.rows.find((r) => r.tool.startsWith('Haulcheck CLI') && r.events === big);
  const floor = results.rows.find((r) => r.tool.startsWith('Floor') && r.events === big);
  if (cli) add(`cold CLI, events/s (${big} events, one thread) ≥ 2,500`, big / cli.wall, 2500, false, floor ? `CLI / yaml+ajv floor: ${f(cli.wall / floor.wall)} (≤ 0.3)` : '');
  const c = results.cache;
  if (c) {
    add(`check --cache, nothing changed, s ≤ 0.5`, c.warm.wall, 0.5, true, `cold / warm ${f(c.cold.wall / c.warm.wall, 1)} (≥ 15); warm / stat floor ${f(c.warm.wall / c.floor.wall, 1)}`);
    add(`check --cache, one file changed, s ≤ 0.7`, c.oneChanged.wall, 0.7, true, `cold / warm ${f(c.cold.wall / c.oneChanged.wall, 1)} (≥ 15)`);
  }
  const s = results.lsp.single;
  if (s) {
    add(`5,000-event file: edit in its first document, p95 ms ≤ 100`, s.edit?.p95, 100, true);
    add(`5,000-event file: open to first diagnostics, ms ≤ 1,000`, s.firstMs ?? s.openMs, 1000, true, s.firstMs !== undefined ? `all diagnostics ${f(s.openMs, 0)} ms` : '');
  }
  const w = results.lsp.workspace;
  if (w) {
    add(`language server, first start on ${w.events} events: index ms ≤ 2,000`, w.indexMs, 2000, true);
    add(`… RSS after indexing, MB ≤ 150`, w.rssAfterIndexMB, 150, true);
    add(`… edit p95, ms ≤ 50`, w.editP95, 50, true);
  }
  if (!rows.length) return;
  console.log('\n| Budget | Measured | Ratio to budget | Against a floor or peer (same run) | Met? |\n|---|---:|---:|---|---|');
  for (const r of rows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
