import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dates/valid';
import { notADay } from '../../../server/src/core';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'real days, months and years', code: 'announced: 2024-02-29\ndate:\n  on: 2025-02\n  precision: month\nsources:\n  - {id: a, published: "2025"}\n' },
    { name: 'the sources\' own words are not dates of the record', code: 'date:\n  on: 2025-03\n  as_reported: 2025-02-30\nsources:\n  - id: a\n    quotes: [2025-02-31]\n' },
    { name: 'not written like a day (the schema reports these)', code: 'announced: 2025-13-01\nother: 2025-02-00\n' },
    { kind: 'config', code: 'version: 1\ntoday: 2024-02-29\n' },
  ],
  invalid: [
    {
      name: '30 February',
      code: 'announced: 2025-02-30\n',
      errors: [{ messageId: 'impossible', line: 1, column: 12, message: '2025-02-30 is not a date: February 2025 has 28 days.' }],
    },
    {
      name: '29 February in a common year, in a source and a claim',
      code: 'date:\n  - from: 2025-04-31\n    to: 2025-05-02\nsources:\n  - {id: a, published: 2025-02-29}\n',
      errors: [
        { messageId: 'impossible', line: 2, column: 11, message: '2025-04-31 is not a date: April 2025 has 30 days.' },
        { messageId: 'impossible', line: 5, column: 24, message: '2025-02-29 is not a date: 2025 is not a leap year, so February 2025 has 28 days.' },
      ],
    },
    {
      name: 'today in haulcheck.yaml',
      kind: 'config',
      code: 'version: 1\ntoday: 2026-02-29\n',
      errors: [{ messageId: 'impossible', line: 2, column: 8, data: { date: '2026-02-29' } }],
    },
  ],
});

test('notADay: leap years by the Gregorian rules', () => {
  assert.equal(notADay('2000-02-29'), undefined);
  assert.equal(notADay('2024-02-29'), undefined);
  assert.equal(notADay('1900-02-29'), '1900 is not a leap year, so February 1900 has 28 days');
  assert.equal(notADay('2025-12-31'), undefined);
  assert.equal(notADay('2025-13-01'), 'there is no month 13');
  assert.equal(notADay('2025-01-00'), 'there is no day 00');
  assert.equal(notADay('2025-1-1'), 'a day is written YYYY-MM-DD');
});
