/** The sample dataset is real: every quote is verbatim from its article, every file is schema-valid. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BUILTIN_SCHEMAS, parseFile, sourcesOf, validateValue } from '../../server/src/core';
import { SAMPLES } from '../helpers/dataset';

const SEEDS = join(__dirname, '..', '..', '..', 'shared', 'seeds');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

const eventFiles = walk(join(SAMPLES, 'events')).filter((f) => f.endsWith('.yaml'));
const events = eventFiles.map((f) => ({ file: f, value: parseFile(readFileSync(f, 'utf8')).docs[0].value as Record<string, unknown> }));

test('every sample file is valid against its schema', () => {
  const kinds: [string, keyof typeof BUILTIN_SCHEMAS][] = [
    ['haulcheck.yaml', 'config'],
    ['registries/drugs.yaml', 'drugs'],
    ['registries/agencies.yaml', 'agencies'],
    ...eventFiles.map((f) => [f.slice(SAMPLES.length + 1), 'event'] as [string, 'event']),
  ];
  for (const [rel, kind] of kinds) {
    const value = parseFile(readFileSync(join(SAMPLES, rel), 'utf8')).docs[0].value;
    assert.deepEqual(validateValue(BUILTIN_SCHEMAS[kind], value), [], rel);
  }
});

test('the samples hold the events of the articles, one file each, named by id', () => {
  assert.ok(events.length >= 10, `only ${events.length} events`);
  const ids = events.map((e) => e.value.id);
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
  for (const e of events) assert.equal(basename(e.file, '.yaml'), e.value.id);
  const text = events.map((e) => JSON.stringify(e.value)).join('\n');
  // The reference events of the data model, by a figure each reports.
  for (const needle of ['400000', '200000', '2500000', '1350000', '2015', '32000', '70000', '"hashish"', '"cannabis"', '1.1', 'LB']) {
    assert.ok(text.includes(needle), `no sample event carries ${needle}`);
  }
});

test('sources without a publication date say so instead of inventing one', () => {
  let undated = 0;
  for (const e of events) {
    for (const s of sourcesOf(e.value)) {
      assert.ok(s.published !== undefined, `${e.value.id}: source ${s.id} has no published key`);
      if (s.published === null) undated++;
    }
  }
  assert.ok(undated > 0, 'the articles without dates must appear with published: null');
});

test('every quote is verbatim in one of the articles', (t) => {
  if (!existsSync(SEEDS)) {
    t.skip(`the source articles are not beside the repository (${SEEDS}); quotes cannot be compared`);
    return;
  }
  const seeds = readdirSync(SEEDS).map((f) => readFileSync(join(SEEDS, f), 'utf8'));
  for (const e of events) {
    for (const s of sourcesOf(e.value)) {
      for (const q of s.quotes) assert.ok(seeds.some((a) => a.includes(q)), `${e.value.id} / ${s.id}: quote not found verbatim: ${q}`);
    }
  }
});
