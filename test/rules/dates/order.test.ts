import rule from '../../../server/src/core/rules/dates/order';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'a range in order', code: 'date:\n  from: 2025-03-01\n  to: 2025-03-10\n  precision: range\n' },
    { name: 'precision-aware range: a month to a day of it', code: 'date:\n  from: 2025-03\n  to: 2025-03-10\n  precision: range\n' },
    { name: 'event before announcement', code: 'date:\n  on: 2026-01\n  precision: month\nannounced: 2026-01-15\n' },
    { name: 'event in the month of the announcement', code: 'date:\n  on: 2026-01\n  precision: month\nannounced: 2026-01-15\n' },
    {
      name: 'an announcement claim and announced (Kurdistan24)',
      code:
        'date:\n  - {to: 2026-02-10, precision: range, refers_to: announcement, source: k24}\n  - {to: 2026-02-22, precision: range, refers_to: announcement, source: ml}\nannounced: 2026-02-10\nsources:\n  - {id: k24, published: 2026-02-10}\n  - {id: ml, published: 2026-02-22}\n',
    },
    { name: 'this month is not the future', code: 'date:\n  on: 2026-03\n  precision: month\n', today: '2026-03-01' },
    { name: 'today is not the future', code: 'date:\n  on: 2026-03-01\n  precision: day\nsources:\n  - {id: a, published: 2026-03-01}\n' },
    { name: 'without today, no future check', code: 'date:\n  on: 2030-01-01\n  precision: day\n', dataset: { today: undefined } },
    { name: 'odd data', code: 'date:\n  from: 7\n  to: [1]\nannounced: {a: 1}\nsources: [3, {id: 4}]\n' },
  ],
  invalid: [
    {
      name: 'from after to',
      code: 'date:\n  from: 2025-03-20\n  to: 2025-03-10\n  precision: range\n',
      errors: [{ messageId: 'fromAfterTo', line: 3, column: 7, message: 'from: 2025-03-20 is after to: 2025-03-10' }],
    },
    {
      name: 'the event after its announcement',
      code: 'date:\n  on: 2026-01-20\n  precision: day\nannounced: 2026-01-15\n',
      errors: [{ messageId: 'afterAnnounced', line: 2, column: 7, message: 'A date claim dates the event 20 January 2026, after it was announced (2026-01-15)' }],
    },
    {
      name: 'the event after an announcement claim, narrowed by its words',
      code:
        'date:\n  - {on: 2025-03, precision: month, as_reported: late March, source: a}\n  - {on: 2025-03, precision: month, as_reported: mid-March, refers_to: announcement, source: b}\n',
      errors: [{ messageId: 'afterAnnouncement', line: 2, column: 10, data: { claim: '21–31 March 2025', announcement: '11–20 March 2025', source: 'b' } }],
    },
    {
      name: 'dates after today',
      code: 'date:\n  on: 2026-03-02\n  precision: day\nannounced: 2026-04\nsources:\n  - {id: a, published: 2026-05-01}\n',
      errors: [
        { messageId: 'future', line: 2, column: 7, message: 'on: 2026-03-02 is after today (2026-03-01).' },
        { messageId: 'future', line: 4, column: 12 },
        { messageId: 'future', line: 6, column: 24, data: { what: 'published: (a)' } },
      ],
    },
    {
      name: 'today comes from the dataset',
      code: 'date:\n  on: 2025-06\n  precision: month\n',
      today: '2025-05-31',
      errors: [{ messageId: 'future', data: { today: '2025-05-31' } }],
    },
  ],
});
