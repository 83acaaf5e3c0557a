import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/sources/unknown';
import { checkText, resolveConfig } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from './fixture';

ruleTester(rule, {
  valid: [
    { code: BASE },
    {
      name: 'conflict values and chosen cite defined sources',
      code: BASE + 'conflicts:\n  - field: seizures[0].count\n    values:\n      - {value: 400000, unit: tablets, source: medialine}\n    chosen: medialine\n    reason: one source\n',
    },
    { name: 'no references at all', code: 'id: x\nsources: []\n' },
  ],
  invalid: [
    {
      name: 'typo in a figure source',
      code: variant(['qualifier: about, source: medialine}', 'qualifier: about, source: medialin}']),
      errors: [{ messageId: 'unknown', line: 11, column: 69, data: { id: 'medialin', suggestion: 'medialine', defined: '"medialine"' } }],
      output: variant(['qualifier: about, source: medialine}', 'qualifier: about, source: medialin}']),
    },
    {
      name: 'date claim and conflict chosen',
      code:
        variant(['precision: day, source: medialine}', 'precision: day, source: thenational}']) +
        'conflicts:\n  - field: date\n    values:\n      - {value: 2026-02-22, source: medialine}\n    chosen: asharq\n    reason: x\n',
      errors: [
        { messageId: 'unknown', line: 5, column: 48, data: { id: 'thenational', suggestion: 'medialine' } },
        { messageId: 'unknown', line: 23, column: 13, data: { id: 'asharq' } },
      ],
    },
    {
      name: 'suspect cites a source, several defined',
      code: BASE + '  - id: rudaw\n    publisher: Rudaw\n    published: 2026-02-23\n    quotes: [x]\nsuspects:\n  - {name: A. B., source: Rudaw}\n',
      errors: [{ messageId: 'unknown', line: 24, data: { id: 'Rudaw', suggestion: 'rudaw', defined: '"medialine" and "rudaw"' } }],
    },
    {
      name: 'no sources defined',
      code: 'id: x\narrests: {value: 2, source: medialine}\n',
      errors: [{ messageId: 'noSources', line: 2, column: 29, data: { id: 'medialine' } }],
    },
  ],
});

test('sources/unknown offers an unsafe fix to the closest defined id, keeping quotes', () => {
  const code = variant(['qualifier: about, source: medialine}', 'qualifier: about, source: "media-line"}']);
  const { findings } = checkText(code, 'event', { config: resolveConfig({}), rules: [rule], path: 'events/2026/test.yaml' });
  assert.equal(findings.length, 1);
  const fix = findings[0].fixes?.[0];
  assert.equal(fix?.safety, 'unsafe');
  const e = fix!.edits[0];
  const fixed = code.slice(0, e.start) + e.newText + code.slice(e.end);
  assert.equal(fixed, variant(['qualifier: about, source: medialine}', 'qualifier: about, source: "medialine"}']));
});
