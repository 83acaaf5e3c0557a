import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dates/precision';
import { checkText, resolveConfig } from '../../../server/src/core';
import { SAMPLE_REGISTRIES, ruleTester } from '../../helpers/rule-tester';

const claim = (lines: string, published = 'null') => `date:\n${lines}  source: a\nsources:\n  - id: a\n    published: ${published}\n`;

ruleTester(rule, {
  valid: [
    { name: 'a month for "In mid-March"', code: claim('  on: 2025-03\n  precision: month\n  as_reported: In mid-March\n') },
    { name: 'a year for "last Wednesday"', code: claim('  on: "2025"\n  precision: year\n  as_reported: last Wednesday\n') },
    { name: 'a year for "Over the past week"', code: claim('  on: "2025"\n  precision: year\n  as_reported: Over the past week\n') },
    { name: 'a day for "On January 15"', code: claim('  on: 2026-01-15\n  precision: day\n  as_reported: On January 15\n') },
    { name: 'a day for "on Tuesday"', code: claim('  on: 2026-02-10\n  precision: day\n  as_reported: announced on Tuesday\n') },
    { name: 'an open range for a day', code: claim('  to: 2026-01-15\n  precision: range\n  as_reported: On January 15\n') },
    { name: 'a range holding mid-March', code: claim('  from: 2025-03-11\n  to: 2025-03-20\n  precision: range\n  as_reported: mid-March\n') },
    { name: 'words that are no date', code: claim('  on: "2025"\n  precision: year\n  as_reported: Simultaneously\n') },
    { name: 'a quarter for "in February"', code: claim('  on: 2025-01\n  precision: quarter\n  as_reported: in February\n') },
    { name: 'a week as a day', code: claim('  on: 2025-03-10\n  precision: week\n  as_reported: the second week of March\n') },
    { name: 'no precision (the schema reports it)', code: claim('  on: 2025-03-14\n  as_reported: mid-March\n') },
    { name: 'odd data', code: 'date:\n  - {on: [1], precision: 3, as_reported: 5}\n' },
  ],
  invalid: [
    {
      name: 'a day for "mid-March"',
      code: claim('  on: 2025-03-14\n  precision: day\n  as_reported: mid-March\n'),
      errors: [
        {
          messageId: 'tooFine',
          line: 3,
          column: 14,
          message: 'precision: day is finer than "mid-March" supports: mid-March is 11–20 March 2025, about ten days.',
          data: { level: 'part-month' },
        },
      ],
    },
    {
      name: 'a week for "early April"',
      code: claim('  on: 2025-04-01\n  precision: week\n  as_reported: In early April\n'),
      errors: [{ messageId: 'tooFine', line: 3, data: { label: 'early April' } }],
    },
    {
      name: 'a month for "late 2024"',
      code: claim('  on: 2024-11\n  precision: month\n  as_reported: late 2024\n'),
      errors: [{ messageId: 'tooFine', line: 3, data: { meaning: 'September–December 2024, a few months' } }],
    },
    {
      name: 'a day for "in 2025"',
      code: claim('  on: 2025-06-01\n  precision: day\n  as_reported: in 2025\n'),
      errors: [{ messageId: 'tooFine' }],
    },
    {
      name: 'a day for "last month" without a publication date: said in data, no fix',
      code: claim('  on: 2025-03-14\n  precision: day\n  as_reported: last month\n'),
      errors: [{ messageId: 'tooFine', data: { unresolved: "relative words need the source's publication date" } }],
    },
    {
      name: 'a day for "over the past week"',
      code: claim('  on: 2025-03-14\n  precision: day\n  as_reported: over the past week\n', '2025-03-15'),
      errors: [{ messageId: 'tooFine', data: { meaning: '8–15 March 2025, a week' } }],
    },
    {
      name: 'a closed range narrower than the words',
      code: claim('  from: 2025-03-14\n  to: 2025-03-15\n  precision: range\n  as_reported: mid-March\n'),
      errors: [{ messageId: 'rangeTooNarrow', line: 2, column: 9, data: { claim: '14–15 March 2025' } }],
    },
    {
      name: 'a day written with month precision',
      code: claim('  on: 2025-03-14\n  precision: month\n  as_reported: In mid-March\n'),
      errors: [{ messageId: 'moreDigits', line: 2, column: 7, message: 'on: 2025-03-14 gives a day, but precision: month says less is known' }],
    },
    {
      name: 'a month written with day precision',
      code: claim('  on: 2025-03\n  precision: day\n'),
      errors: [{ messageId: 'fewerDigits', line: 2, column: 7 }],
    },
    {
      name: 'in a list of claims',
      code: 'date:\n  - on: 2025-02\n    precision: month\n  - {on: 2025-03-15, precision: day, as_reported: "In mid-March"}\n',
      errors: [{ messageId: 'tooFine', line: 4, column: 33 }],
    },
  ],
});

/** The text after applying the first unsafe fix of the first finding. */
function unsafeFixed(code: string, fixIndex = 0): string {
  const { findings } = checkText(code, 'event', {
    config: resolveConfig({}),
    dataset: { registries: SAMPLE_REGISTRIES, today: '2026-03-01' },
    rules: [rule],
    path: 'events/2025/test.yaml',
  });
  assert.equal(findings.length, 1);
  const fix = findings[0].fixes?.[fixIndex];
  assert.ok(fix, 'expected a fix');
  assert.equal(fix.safety, 'unsafe');
  let out = code;
  for (const e of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

test('dates/precision fix: widen a day to the month the words name', () => {
  assert.equal(
    unsafeFixed('date:\n  on: 2025-03-14 # from the photo caption\n  precision: day\n  as_reported: mid-March\n'),
    'date:\n  on: 2025-03 # from the photo caption\n  precision: month\n  as_reported: mid-March\n',
  );
});

test('dates/precision fix: widen to a quoted year', () => {
  assert.equal(
    unsafeFixed('date: {on: 2024-11, precision: month, as_reported: late 2024}\n'),
    'date: {on: "2024", precision: year, as_reported: late 2024}\n',
  );
});

test('dates/precision fix: widen a closed range to the words', () => {
  assert.equal(
    unsafeFixed('date:\n  from: 2025-03-14\n  to: 2025-03-15\n  precision: range\n  as_reported: mid-March\n'),
    'date:\n  from: 2025-03-11\n  to: 2025-03-20\n  precision: range\n  as_reported: mid-March\n',
  );
});

test('dates/precision fix: shorten the date, or set the precision', () => {
  const code = 'date:\n  on: 2025-03-14\n  precision: month\n';
  assert.equal(unsafeFixed(code, 0), 'date:\n  on: 2025-03\n  precision: month\n');
  assert.equal(unsafeFixed(code, 1), 'date:\n  on: 2025-03-14\n  precision: day\n');
});

test('dates/precision: no fix for relative words without a publication date', () => {
  const { findings } = checkText('date:\n  on: 2025-03-14\n  precision: day\n  as_reported: last month\n', 'event', {
    config: resolveConfig({}),
    dataset: { today: '2026-03-01' },
    rules: [rule],
  });
  assert.equal(findings.length, 1);
  assert.deepEqual(findings[0].fixes ?? [], []);
});
