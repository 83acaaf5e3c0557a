/**
 * The dataset-wide rules name other events in dataset order (file, then document), whatever order the
 * index learnt them in: the editor re-indexes an edited file's events, the command line's threads
 * finish in any order, and a reviewer and a maintainer must read the same message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatasetIndex, type Finding, checkParsed, extractFacts, parseFile } from '../../server/src/core';
import { eventText } from '../growth/inputs';

// Eight events of one seizure in eight files: the same id and article (duplicate-id, duplicate-url)…
const sameId = Array.from({ length: 8 }, (_, i) => [`events/2026/${String.fromCharCode(104 - i)}.yaml`, eventText({ id: '2026-02-20-sy-homs-captagon', url: 'https://example.org/news/homs' })] as const);
// …and eight with their own ids and articles but the same place, drug, figures and days (possible-duplicate).
const lookAlike = Array.from({ length: 8 }, (_, i) => [`events/2026/${String.fromCharCode(104 - i)}.yaml`, eventText({ id: `2026-02-20-sy-homs-captagon-${i}` })] as const);

function messages(order: readonly (readonly [string, string])[], edited?: string): string[] {
  const index = new DatasetIndex();
  for (const [p, text] of order) index.set(p, extractFacts(p, parseFile(text)));
  // An edit as the editor indexes it: the file's facts replaced by new, equal ones.
  if (edited) index.adopt(edited, extractFacts(edited, parseFile(order.find(([p]) => p === edited)![1] + '\n')));
  const [path, text] = order.find(([p]) => p === 'events/2026/h.yaml')!;
  return checkParsed(parseFile(text), 'event', { dataset: { index, today: '2026-03-01' }, path })
    .filter((f: Finding) => ['events/duplicate-id', 'sources/duplicate-url', 'events/possible-duplicate'].includes(f.ruleId))
    .map((f) => `${f.ruleId}: ${f.message}`);
}

for (const [what, files, rules] of [
  ['the same id and article', sameId, ['events/duplicate-id', 'sources/duplicate-url']],
  ['look-alike events', lookAlike, ['events/possible-duplicate']],
] as const) {
  test(`other events are named in dataset order, whatever order they were indexed in: ${what}`, () => {
    const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
    const expected = messages(sorted);
    for (const rule of rules) assert.ok(expected.some((m) => m.startsWith(rule)), `${rule} in:\n${expected.join('\n')}`);
    // The first named are the first files: a.yaml, b.yaml, … (the checked file is h.yaml).
    for (const m of expected) assert.ok(m.indexOf('events/2026/a.yaml') >= 0 && m.indexOf('events/2026/a.yaml') < m.indexOf('events/2026/b.yaml'), m);
    assert.deepEqual(messages(files), expected, 'indexed in reverse');
    assert.deepEqual(messages(sorted, 'events/2026/a.yaml'), expected, 'after an edit of the first file');
  });
}
