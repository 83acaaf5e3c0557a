/**
 * Growth: every dimension of the input (test/growth/inputs.ts) checked at n and at 4n, as the CLI
 * checks a dataset (parse, index, rules, json and sarif reports). Linear work grows about 4×, n log n
 * a little more; quadratic work grows 16×. Growth above GROWTH_LIMIT in processor time or in peak heap
 * fails: the next quadratic path is caught when it is written. `npm run growth` prints the curves up
 * to 100,000 (docs/robustness.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIMENSIONS, type Dimension } from './inputs';
import { type Measurement, measure, sampleDataset } from './measure';

/** Largest growth from n to 4n allowed, in time and in memory. */
const GROWTH_LIMIT = 6;
/** Below these, a measurement is noise (timer, collector): it counts as this much. */
const TIME_FLOOR_MS = 25;
const HEAP_FLOOR_BYTES = 8 * 1024 * 1024;

/** The best of `runs` measurements (other work on the machine only ever adds). */
async function best(d: Dimension, n: number, runs: number): Promise<Measurement> {
  const ds = await sampleDataset();
  const input = d.make(n);
  let out: Measurement | undefined;
  for (let i = 0; i < runs; i++) {
    const m = measure(ds, input);
    if (!out) out = m;
    else out = { ...out, cpuMs: Math.min(out.cpuMs, m.cpuMs), heapBytes: Math.min(out.heapBytes, m.heapBytes) };
  }
  return out!;
}

for (const d of DIMENSIONS) {
  test(`growth: ${d.name} (${d.what}), ${d.ci.toLocaleString('en')} → ${(4 * d.ci).toLocaleString('en')} ${d.unit}`, async (t) => {
    // Warm up (compilation, the schema's validators) on a small input.
    await best(d, Math.max(1, Math.floor(d.ci / 4)), 1);
    const small = await best(d, d.ci, 2);
    const large = await best(d, 4 * d.ci, 2);
    const time = Math.max(large.cpuMs, TIME_FLOOR_MS) / Math.max(small.cpuMs, TIME_FLOOR_MS);
    const heap = Math.max(large.heapBytes, HEAP_FLOOR_BYTES) / Math.max(small.heapBytes, HEAP_FLOOR_BYTES);
    const what = `${small.cpuMs.toFixed(0)} → ${large.cpuMs.toFixed(0)} ms (×${time.toFixed(1)}), heap ${(small.heapBytes / 1e6).toFixed(1)} → ${(large.heapBytes / 1e6).toFixed(1)} MB (×${heap.toFixed(1)}), findings ${small.findings} → ${large.findings}, report ${(small.output / 1e6).toFixed(2)} → ${(large.output / 1e6).toFixed(2)} MB`;
    t.diagnostic(what);
    assert.ok(time <= GROWTH_LIMIT, `time grows ×${time.toFixed(1)}: ${what}`);
    assert.ok(heap <= GROWTH_LIMIT, `memory grows ×${heap.toFixed(1)}: ${what}`);
    // The report is bounded too: it may grow with the input, never faster.
    assert.ok(Math.max(large.output, 1e5) / Math.max(small.output, 1e5) <= GROWTH_LIMIT, `the report grows faster than the input: ${what}`);
  });
}
