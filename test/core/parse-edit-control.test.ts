/**
 * An edit of a long stream scans only the documents it makes new for characters YAML does not allow:
 * one typed into a document is found, placed and counted as a fresh parse finds it, and one that is
 * removed again goes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../../server/src/core';
import { unchangedBetween } from '../property/props';
import { eventText } from '../growth/inputs';

const stream = Array.from({ length: 200 }, (_, i) => eventText({ id: `2026-02-20-sy-doc-${i}` })).join('---\n');
const problems = (f: ReturnType<typeof parseFile>) => f.docs.flatMap((d) => d.problems.map((p) => `${d.index} ${p.code} ${p.start} ${p.message}`));

test('a control character typed into one document of a long stream is found as a fresh parse finds it', () => {
  const before = parseFile(stream);
  assert.deepEqual(problems(before), []);
  const at = stream.indexOf('title: ', stream.indexOf('sy-doc-150')) + 'title: '.length;
  for (const ch of ['\u0007', '\u0000', '\uFFFD', '\uD800']) {
    const edited = stream.slice(0, at) + ch + stream.slice(at);
    const fresh = problems(parseFile(edited));
    assert.equal(fresh.length, 1, `${JSON.stringify(ch)}: ${fresh}`);
    assert.deepEqual(problems(parseFile(edited, before)), fresh, `${JSON.stringify(ch)}, reusing the documents`);
    assert.deepEqual(problems(parseFile(edited, before, { unchanged: unchangedBetween(stream, edited) })), fresh, `${JSON.stringify(ch)}, told the edit's range`);
    // …and removed again.
    const after = parseFile(edited, before);
    assert.deepEqual(problems(parseFile(stream, after, { unchanged: unchangedBetween(edited, stream) })), []);
  }
});
