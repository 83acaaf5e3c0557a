/**
 * The CLI keeps a lazy parse (values only) from the indexing pass to the checking pass; trees are
 * read again only where a rule or a finding needs them. The findings must be those of a full parse.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkParsed, parseFile } from '../../server/src/core';
import { buildIndex, checkItem, checkOptions, openDataset, parseItem, relPath, type FactsList } from '../../server/src/cli/work';
import { SAMPLES } from '../helpers/dataset';

test('checking the lazy parse gives the same findings as checking a full parse', async () => {
  const ds = await openDataset({ root: SAMPLES });
  const files = readdirSync(join(SAMPLES, 'events')).flatMap((y) => readdirSync(join(SAMPLES, 'events', y)).map((f) => join(SAMPLES, 'events', y, f)));
  const items = files.map((file) => ({ root: SAMPLES, file, explicit: false }));
  const parsed = await Promise.all(items.map((i) => parseItem(ds, i, SAMPLES)));
  const facts: FactsList = items.map((i, n) => [relPath(ds, i.file), parsed[n].facts ?? []]);
  const index = buildIndex(facts);
  let total = 0;
  items.forEach((item, n) => {
    const lazy = checkItem(ds, index, item, parsed[n]).findings;
    const full = checkParsed(parseFile(parsed[n].text), parsed[n].kind!, checkOptions(ds, index, item.file));
    assert.deepEqual(lazy, full, item.file);
    // With limits, the same findings (the samples are far below them), nothing left out.
    const limited = checkItem(ds, index, item, parsed[n], { limits: { perFile: 1000, perRule: 100 } });
    assert.deepEqual(limited.findings, full, item.file);
    assert.equal(limited.omitted, undefined);
    total += lazy.length;
  });
  assert.ok(total > 0, 'the samples have findings to compare');
});
