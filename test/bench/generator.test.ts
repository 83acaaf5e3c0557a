/** The benchmark's dataset generator: deterministic for a seed, and every event it writes parses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/core';
// @ts-expect-error plain .mjs script without type declarations
import { generateEvents } from '../../scripts/bench/generate.mjs';

type Generated = { files: Record<string, string>; bad: number; ids: string[] };

test('generates 20 events that parse, deterministically for a seed', () => {
  const a = generateEvents({ events: 20, seed: 42 }) as Generated;
  const b = generateEvents({ events: 20, seed: 42 }) as Generated;
  const c = generateEvents({ events: 20, seed: 43 }) as Generated;
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.files, c.files);
  const paths = Object.keys(a.files);
  assert.equal(paths.length, 20);
  for (const p of paths) {
    const parsed = parseFile(a.files[p]);
    assert.equal(parsed.docs.length, 1, p);
    assert.deepEqual(parsed.docs[0].problems, [], p);
    const v = parsed.docs[0].value as { id: string; sources: unknown[] };
    assert.equal(p, `events/${v.id.slice(0, 4)}/${v.id}.yaml`);
    assert.ok(v.sources.length >= 1 && v.sources.length <= 3);
  }
});

test('the single-file form holds the same events as one multi-document stream', () => {
  const many = generateEvents({ events: 20, seed: 7 }) as Generated;
  const one = generateEvents({ events: 20, seed: 7, singleFile: true }) as Generated;
  const texts = Object.values(one.files);
  assert.equal(texts.length, 1);
  const parsed = parseFile(texts[0]);
  assert.equal(parsed.docs.length, 20);
  assert.deepEqual(parsed.docs.map((d) => (d.value as { id: string }).id), many.ids);
});
