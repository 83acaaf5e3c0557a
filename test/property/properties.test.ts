/**
 * Property-based robustness tests (fast-check), seeded and bounded so that the suite stays within
 * about a minute on 2 cores. The fuzzer (`npm run fuzz -- --minutes N`) runs the same properties for
 * as long as asked. See docs/robustness.md.
 */
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES } from '../../server/src/core';
import { PROPERTIES, datasetOptions, propCheck, ruleIds, seeds } from './props';

/** Fixed, so that CI runs are reproducible; the fuzzer varies it. */
const SEED = 20260301;

before(() => {
  datasetOptions();
  for (const s of seeds()) propCheck({ seed: s.name, kind: s.kind, path: s.path, text: s.text }); // warm-up, and the seeds themselves
});

test('the properties run over every rule registered at run time', () => {
  assert.deepEqual(ruleIds(), ALL_RULES.map((r) => r.meta.id));
  assert.ok(ALL_RULES.length >= 4, 'the rule registry looks empty');
  assert.equal(datasetOptions().rules, undefined, 'the properties must not restrict the rules');
  assert.ok(seeds().some((s) => s.kind === 'event') && seeds().some((s) => s.kind === 'drugs') && seeds().some((s) => s.kind === 'config'));
});

PROPERTIES.forEach((p, i) => {
  test(`property "${p.name}" holds for ${p.numRuns} generated inputs (seed ${SEED + i})`, () => {
    const t0 = performance.now();
    fc.assert(fc.property(p.arb(), (v: unknown) => p.check(v)), { seed: SEED + i, numRuns: p.numRuns, endOnFailure: false });
    const ms = performance.now() - t0;
    assert.ok(ms < 40_000, `${p.name}: ${p.numRuns} runs took ${ms.toFixed(0)} ms`);
  });
});
