import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/events/placeholder';
import { checkText, newEventText, resolveConfig } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'a word that only starts like one', code: variant(['title: Captagon seized in Homs province', 'title: TODOS seized in Homs']) },
    { name: 'TODO inside a sentence is the source speaking', code: variant(['quotes: ["seized approximately', 'quotes: ["a list marked TODO: seized approximately']) },
    { name: 'in a comment', code: variant(['status: draft', 'status: draft # TODO: review']) },
  ],
  invalid: [
    {
      name: 'the skeleton\'s publisher and quote',
      code: variant(['publisher: The Media Line', 'publisher: TODO'], ['quotes: ["seized approximately 400,000 Captagon pills"]', 'quotes: ["TODO: the sentences the figures and dates come from, verbatim"]']),
      errors: [
        { messageId: 'placeholder', line: 15, column: 16, data: { field: 'sources[0].publisher', text: 'TODO' } },
        { messageId: 'placeholder', line: 18, column: 14, data: { field: 'sources[0].quotes[0]' }, message: 'sources[0].quotes[0] is still the placeholder "TODO: the sentences the figures and dates come from, verb…"' },
      ],
    },
    {
      name: 'a conflict reason a quick-fix left to write',
      code: BASE + 'conflicts:\n  - field: seizures[0].count\n    chosen: medialine\n    reason: "TODO: why medialine\'s 400,000 is kept"\n',
      errors: [{ messageId: 'placeholder', line: 22, column: 13, data: { field: 'conflicts[0].reason' } }],
    },
  ],
});

test('a half-filled new event cannot pass: the skeleton reports its placeholders as errors', () => {
  const text = newEventText({ date: '2026-02-22', country: 'SY', place: 'Homs', drug: 'captagon' });
  const { findings } = checkText(text, 'event', { config: resolveConfig({}), rules: [rule] });
  assert.ok(findings.length >= 2, findings.map((f) => f.message).join('\n'));
  assert.ok(findings.every((f) => f.severity === 'error'));
});
