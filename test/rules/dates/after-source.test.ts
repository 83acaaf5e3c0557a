import rule from '../../../server/src/core/rules/dates/after-source';
import { ruleTester } from '../../helpers/rule-tester';

const src = (id: string, published: string) => `  - id: ${id}\n    publisher: ${id}\n    published: ${published}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'announced on the day of publication (Kurdistan24)',
      code:
        'date:\n  - to: 2026-02-10\n    precision: range\n    as_reported: announced on Tuesday\n    refers_to: announcement\n    source: k24\nannounced: 2026-02-10\nsources:\n' +
        src('k24', '2026-02-10'),
    },
    {
      name: 'a month claim fits a source published within that month',
      code: 'date:\n  on: 2025-03\n  precision: month\n  source: a\nsources:\n' + src('a', '2025-03-10'),
    },
    {
      name: 'an event on the day of publication',
      code: 'date:\n  on: 2025-03-10\n  precision: day\n  source: a\nsources:\n' + src('a', '2025-03-10'),
    },
    {
      name: 'sources without a publication date are skipped',
      code: 'date:\n  on: 2026-02\n  precision: month\n  source: a\nannounced: 2026-02-20\nsources:\n' + src('a', 'null'),
    },
    {
      name: 'a partial publication date: its last possible day counts',
      code: 'date:\n  on: 2025-09-20\n  precision: day\n  source: a\nsources:\n' + src('a', '2025-09'),
    },
    {
      name: 'relative words without a reference do not move the date',
      code: 'date:\n  on: "2025"\n  precision: year\n  as_reported: last month\n  source: a\nsources:\n' + src('a', 'null'),
    },
    { name: 'no sources at all', code: 'date:\n  on: 2025-03-10\n  precision: day\n' },
    { name: 'odd data', code: 'date: 12\nsources: {a: 1}\nannounced: [1]\n' },
  ],
  invalid: [
    {
      name: 'a day after publication',
      code: 'date:\n  on: 2025-03-14\n  precision: day\n  source: a\nsources:\n' + src('a', '2025-03-10'),
      errors: [
        {
          messageId: 'event',
          line: 2,
          column: 7,
          message: 'a dates the event 14 March 2025, after a (a) was published on 2025-03-10',
        },
      ],
    },
    {
      name: 'the words narrow the month: mid-March starts on the 11th',
      code: 'date:\n  on: 2025-03\n  precision: month\n  as_reported: In mid-March\n  refers_to: announcement\n  source: a\nsources:\n' + src('a', '2025-03-05'),
      errors: [
        {
          messageId: 'announcement',
          line: 2,
          data: { claim: '11–20 March 2025', first: '11 March 2025', published: '2025-03-05' },
        },
      ],
    },
    {
      name: 'against the earliest publication of all sources, not only the claim\'s',
      code:
        'date:\n  - on: 2025-03-12\n    precision: day\n    source: late\nsources:\n' + src('late', '2025-03-20') + src('early', '2025-03-01'),
      errors: [{ messageId: 'event', line: 2, column: 9, data: { source: 'early (early)', published: '2025-03-01' } }],
    },
    {
      name: 'a from/to range is placed by its start',
      code: 'date:\n  from: 2025-04\n  to: 2025-05\n  precision: range\nsources:\n' + src('a', '2025-03-31'),
      errors: [{ messageId: 'event', line: 2, column: 9, data: { first: '1 April 2025' } }],
    },
    {
      name: 'announced after publication',
      code: 'date:\n  to: 2025-03-10\n  precision: range\nannounced: 2025-03-12\nsources:\n' + src('a', '2025-03-10'),
      errors: [{ messageId: 'announced', line: 4, column: 12, data: { announced: '2025-03-12' } }],
    },
  ],
});
