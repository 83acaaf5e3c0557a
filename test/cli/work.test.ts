/** Large runs drop parse trees between the indexing and the checking pass: the findings must not change. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex, checkItem, openDataset, parseItem, relPath, type FactsList } from '../../server/src/cli/work';
import { SAMPLES } from '../helpers/dataset';

test('checking from a re-parse gives the same findings as checking the kept tree', async () => {
  const ds = await openDataset({ root: SAMPLES });
  const files = readdirSync(join(SAMPLES, 'events')).flatMap((y) => readdirSync(join(SAMPLES, 'events', y)).map((f) => join(SAMPLES, 'events', y, f)));
  const items = files.map((file) => ({ root: SAMPLES, file, explicit: false }));
  const kept = await Promise.all(items.map((i) => parseItem(ds, i, SAMPLES, true)));
  const dropped = await Promise.all(items.map((i) => parseItem(ds, i, SAMPLES, false)));
  assert.ok(dropped.every((p) => p.file === undefined) && kept.every((p) => p.file !== undefined));
  const facts: FactsList = items.map((i, n) => [relPath(ds, i.file), kept[n].facts ?? []]);
  const index = buildIndex(facts);
  let total = 0;
  items.forEach((item, n) => {
    const a = checkItem(ds, index, item, kept[n]);
    const b = checkItem(ds, index, item, dropped[n]);
    assert.deepEqual(b, a, item.file);
    total += a.length;
  });
  assert.ok(total > 0, 'the samples have findings to compare');
});
