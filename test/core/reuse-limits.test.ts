/**
 * An edit in one document of a long stream checks that document again and reuses the findings of
 * the others, with the editor's limit on problems as without one; documents checked once the limit
 * was reached (their findings only counted) are checked again, and the results are the same as a
 * fresh check's.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatasetIndex, type Finding, checkLimited, extractFacts, parseFile } from '../../server/src/core';
import { eventText } from '../growth/inputs';

const PATH = 'events/2026/stream.yaml';
// Ids dated ten days before the events, 2.5 g tablets: every document has findings.
const stream = (title: string) =>
  Array.from({ length: 40 }, (_, i) => eventText({ id: `2026-02-${String((i % 9) + 10)}-sy-doc-${i}`, tablets: 26_000, kg: 65 }))
    .join('---\n')
    .replace('title: Captagon seized near the border', `title: ${title}`);

function check(text: string, previous: ReturnType<typeof parseFile> | undefined, index: DatasetIndex, limit?: { perFile: number; perRule: number }) {
  const file = parseFile(text, previous);
  // As the language server keeps its index: facts that read the same are adopted, the version kept.
  const facts = extractFacts(PATH, file);
  const old = index.get(PATH);
  if (old && JSON.stringify(old) === JSON.stringify(facts)) index.adopt(PATH, facts);
  else index.set(PATH, facts);
  return { file, ...checkLimited(file, 'event', { dataset: { index, today: '2026-03-01' }, path: PATH }, limit) };
}

const describe = (fs: readonly Finding[]) => fs.map((f) => `${f.docIndex} ${f.ruleId} ${f.range.start.offset} ${f.message}`);

for (const limit of [undefined, { perFile: 1000, perRule: 0 }]) {
  test(`an edit of a stream's first document reuses the other documents' findings (${limit ? 'with the editor\'s limit' : 'no limit'})`, () => {
    const index = new DatasetIndex();
    const first = check(stream('Captagon seized near the border'), undefined, index, limit);
    assert.equal(new Set(first.findings.map((f) => f.docIndex)).size, 40, 'every document has findings');
    // The same length: the other documents do not move, so reused findings are the very same objects.
    const second = check(stream('Captagon seized near the bordes'), first.file, index, limit);
    const reused = second.findings.filter((f) => f.docIndex > 0 && first.findings.includes(f));
    assert.equal(reused.length, second.findings.filter((f) => f.docIndex > 0).length, 'every finding of the documents not edited is reused');
    assert.deepEqual(describe(second.findings), describe(check(stream('Captagon seized near the bordes'), undefined, new DatasetIndex(), limit).findings));
  });
}

test('documents whose findings a reached limit only counted are checked again, and give what a fresh check gives', () => {
  const limit = { perFile: 5, perRule: 0 };
  const index = new DatasetIndex();
  const first = check(stream('Captagon seized near the border'), undefined, index, limit);
  assert.equal(first.findings.length, 5);
  assert.ok(first.omitted && first.omitted.total > 30);
  const second = check(stream('Captagon seized near the bordes'), first.file, index, limit);
  const fresh = check(stream('Captagon seized near the bordes'), undefined, new DatasetIndex(), limit);
  assert.deepEqual(describe(second.findings), describe(fresh.findings));
  assert.equal(second.omitted?.total, fresh.omitted?.total);
});
