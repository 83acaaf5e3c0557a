/** modelineRemoval(): the line of a `$schema` modeline naming a Haulcheck schema, deleted whole. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, modelineRemoval, parseFile } from '../../../server/src/core';

const cases: { text: string; at: number; after?: string }[] = [
  { text: '# yaml-language-server: $schema=../../schemas/event.schema.json\nid: x\n', at: 3, after: 'id: x\n' },
  { text: '# yaml-language-server: $schema=../../schemas/event.schema.json\r\nid: x\r\n', at: 0, after: 'id: x\r\n' },
  { text: 'id: x\n#yaml-language-server:  $schema=file:///home/a/drugs.schema.json', at: 10, after: 'id: x\n' },
  { text: '# yaml-language-server: $schema=https://example.org/other.json\nid: x\n', at: 3 },
  { text: '# yaml-language-server: $schema=../../schemas/event.schema.json\nid: x\n', at: 70 },
  { text: '# a comment that mentions event.schema.json\nid: x\n', at: 3 },
];

test('only a modeline naming a Haulcheck schema, only on its line, the whole line with its break', () => {
  for (const c of cases) {
    const fix = modelineRemoval(parseFile(c.text), c.at);
    assert.equal(fix ? applyEdits(c.text, fix.edits).text : undefined, c.after, JSON.stringify(c));
    if (fix) assert.equal(fix.safety, 'safe');
  }
});
