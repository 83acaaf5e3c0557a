/**
 * Replays every failing input the fuzzer (scripts/fuzz.ts) ever saved under
 * test/fixtures/hostile/regressions/: each must now pass its property.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGRESSIONS_DIR, datasetOptions, propertyByName } from '../property/props';

const files = existsSync(REGRESSIONS_DIR) ? readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith('.json')).sort() : [];

test('every regression fixture names a known property and holds its input', () => {
  for (const f of files) {
    const r = JSON.parse(readFileSync(join(REGRESSIONS_DIR, f), 'utf8')) as { property: string; input: unknown };
    assert.ok(propertyByName(r.property), `${f}: unknown property "${r.property}"`);
    assert.ok(r.input && typeof r.input === 'object', `${f}: no input`);
  }
});

for (const f of files) {
  test(`regression ${f}`, () => {
    datasetOptions();
    const r = JSON.parse(readFileSync(join(REGRESSIONS_DIR, f), 'utf8')) as { property: string; input: unknown; error: string };
    const p = propertyByName(r.property)!;
    assert.doesNotThrow(() => p.check(r.input), `once failed with: ${r.error.split('\n')[0]}`);
  });
}
