/**
 * The fuzzer (not run in CI): runs the robustness properties of test/property/props.ts for as long as
 * asked, and saves every failing input as a regression fixture under
 * test/fixtures/hostile/regressions/, which test/hostile/regressions.test.ts replays.
 *
 *   npm run fuzz -- --minutes 30 [--seed 42] [--batch 50]
 *
 * The properties run in a worker thread watched by the main thread: an input that hangs (no progress
 * for --hang-seconds) or exhausts the worker's heap (--max-heap-mb) is saved too, and the worker is
 * restarted.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { PROPERTIES, datasetOptions, propCheck, seeds } from '../test/property/props';

interface Options {
  minutes: number;
  seed: number;
  batch: number;
  hangSeconds: number;
  maxHeapMb: number;
}

type FromWorker =
  | { type: 'input'; property: string; input: unknown }
  | { type: 'batch'; property: string; runs: number }
  | { type: 'failure'; property: string; seed: number; path?: string; input: unknown; error: string };

interface ToWorker {
  seed: number;
  batch: number;
  deadline: number;
}

const REGRESSIONS = join(__dirname, '..', 'test', 'fixtures', 'hostile', 'regressions');

function saveRegression(property: string, input: unknown, error: string, extra: Record<string, unknown>): string {
  mkdirSync(REGRESSIONS, { recursive: true });
  const body = JSON.stringify(input);
  const hash = createHash('sha256').update(property + '\0' + body).digest('hex').slice(0, 12);
  const file = join(REGRESSIONS, `${property}-${hash}.json`);
  const fixture = { property, input, error: error.slice(0, 2000), ...extra };
  writeFileSync(file, JSON.stringify(fixture, null, 2) + '\n');
  return file;
}

async function workerMain(): Promise<void> {
  const { seed, batch, deadline } = workerData as ToWorker;
  // Warm up (schema compilation, JIT) so the time bounds measure steady state.
  datasetOptions();
  for (const s of seeds()) propCheck({ seed: s.name, kind: s.kind, path: s.path, text: s.text });
  const post = (m: FromWorker) => parentPort!.postMessage(m);
  let round = 0;
  while (Date.now() < deadline) {
    for (const p of PROPERTIES) {
      if (Date.now() >= deadline) break;
      const runSeed = (seed + round * 7919 + PROPERTIES.indexOf(p) * 104729) | 0;
      const details = fc.check(
        fc.property(p.arb(), (v: unknown) => {
          post({ type: 'input', property: p.name, input: v });
          p.check(v);
        }),
        { seed: runSeed, numRuns: batch, endOnFailure: false },
      );
      post({ type: 'batch', property: p.name, runs: details.numRuns });
      if (details.failed && details.counterexample) {
        const err = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        post({ type: 'failure', property: p.name, seed: runSeed, path: details.counterexamplePath ?? undefined, input: details.counterexample[0], error: err });
      }
    }
    round++;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '1' },
      seed: { type: 'string' },
      batch: { type: 'string', default: '50' },
      'hang-seconds': { type: 'string', default: '60' },
      'max-heap-mb': { type: 'string', default: '1536' },
    },
  });
  const opts: Options = {
    minutes: Number(values.minutes),
    seed: values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31,
    batch: Number(values.batch),
    hangSeconds: Number(values['hang-seconds']),
    maxHeapMb: Number(values['max-heap-mb']),
  };
  if (!(opts.minutes > 0) || !Number.isFinite(opts.seed)) {
    process.stderr.write('usage: npm run fuzz -- --minutes N [--seed S] [--batch B]\n');
    process.exit(2);
  }
  const started = Date.now();
  const deadline = started + opts.minutes * 60_000;
  const runs = new Map<string, number>();
  const failures = new Map<string, number>();
  const saved: string[] = [];
  const seen = new Set<string>();
  const signatures = new Map<string, number>();
  console.log(`fuzzing for ${opts.minutes} min, seed ${opts.seed}, batches of ${opts.batch}`);

  const record = (property: string, input: unknown, error: string, extra: Record<string, unknown>) => {
    failures.set(property, (failures.get(property) ?? 0) + 1);
    // The same failure (its message without numbers and quoted text) is kept at most twice.
    const signature = property + '\0' + error.split('\n')[0].replace(/"[^"]*"|\d+/g, '#');
    const n = signatures.get(signature) ?? 0;
    const key = property + JSON.stringify(input);
    if (seen.has(key) || n >= 2) return;
    seen.add(key);
    signatures.set(signature, n + 1);
    const file = saveRegression(property, input, error, extra);
    saved.push(file);
    console.log(`FAIL ${property}: ${error.split('\n')[0]}\n  saved ${file}`);
  };

  let restarts = 0;
  let lastReport = Date.now();
  const report = (final = false) => {
    const mins = ((Date.now() - started) / 60000).toFixed(1);
    const total = [...runs.values()].reduce((a, b) => a + b, 0);
    const per = [...runs.entries()].map(([k, v]) => `${k}=${v}`).join(' ');
    console.log(`${final ? 'DONE' : 'progress'} ${mins} min: ${total} inputs (${per}); failures ${[...failures.values()].reduce((a, b) => a + b, 0)}${restarts ? `; worker restarts ${restarts}` : ''}`);
  };

  while (Date.now() < deadline) {
    const seed = (opts.seed + restarts * 1_000_003) | 0;
    await new Promise<void>((resolve) => {
      // The worker runs this same TypeScript file, through tsx's CommonJS hook.
      const boot = `require('tsx/cjs'); require(${JSON.stringify(__filename)});`;
      const worker = new Worker(boot, {
        eval: true,
        workerData: { seed, batch: opts.batch, deadline } satisfies ToWorker,
        resourceLimits: { maxOldGenerationSizeMb: opts.maxHeapMb },
      });
      let current: { property: string; input: unknown } | undefined;
      let lastProgress = Date.now();
      let pending = 0;
      const watchdog = setInterval(() => {
        if (Date.now() - lastProgress > opts.hangSeconds * 1000) {
          if (current) record(current.property, current.input, `no result after ${opts.hangSeconds} s (hang)`, { seed });
          void worker.terminate();
        }
        if (Date.now() - lastReport > 60_000) {
          lastReport = Date.now();
          report();
        }
      }, 1000);
      worker.on('message', (m: FromWorker) => {
        lastProgress = Date.now();
        if (m.type === 'input') {
          current = { property: m.property, input: m.input };
          pending++;
        } else if (m.type === 'batch') {
          runs.set(m.property, (runs.get(m.property) ?? 0) + m.runs);
          pending = 0;
        } else if (m.type === 'failure') {
          record(m.property, m.input, m.error, { seed: m.seed, path: m.path });
        }
      });
      worker.on('error', (err) => {
        if (current) record(current.property, current.input, `worker died: ${err.message}`, { seed });
        else {
          // It died before trying anything: a broken setup, not a finding.
          console.error(`the fuzzing worker failed to start: ${err.stack ?? err.message}`);
          process.exit(3);
        }
      });
      worker.on('exit', () => {
        clearInterval(watchdog);
        if (current && pending) runs.set(current.property, (runs.get(current.property) ?? 0) + pending);
        resolve();
      });
    });
    if (Date.now() < deadline) restarts++;
  }
  report(true);
  for (const [k, v] of runs) console.log(`  ${k}: ${v} inputs, ${failures.get(k) ?? 0} failures`);
  if (saved.length) console.log(`saved ${saved.length} regression fixtures:\n  ${saved.join('\n  ')}`);
  process.exit(failures.size ? 1 : 0);
}

if (isMainThread) {
  main().catch((e) => {
    console.error(e);
    process.exit(3);
  });
} else {
  workerMain().catch((e) => {
    console.error(e);
    process.exit(3);
  });
}
