import rule from '../../../server/src/core/rules/dates/source-conflict';
import { ruleTester } from '../../helpers/rule-tester';

const LORRY = `date:
  - on: 2025-02
    precision: month
    as_reported: In February
    refers_to: announcement
    source: thenational
  - on: 2025-03
    precision: month
    as_reported: In mid-March
    refers_to: announcement
    source: rudaw
sources:
  - {id: thenational, published: null}
  - {id: rudaw, published: null}
`;

const claim = (on: string, words: string, source: string, refers = 'event') =>
  `  - on: ${on}\n    precision: month\n    as_reported: ${words}\n    refers_to: ${refers}\n    source: ${source}\n`;

ruleTester(rule, {
  valid: [
    { name: 'one claim', code: 'date:\n  on: 2025-03\n  precision: month\n  source: a\n' },
    { name: 'overlapping months', code: 'date:\n' + claim('2025-03', 'in March', 'a') + claim('2025', 'in 2025', 'b') },
    {
      name: 'mid-March and late March as months would overlap, as words they still meet only if they overlap',
      code: 'date:\n' + claim('2025-03', 'mid-March', 'a') + claim('2025-03', 'March', 'b'),
    },
    {
      name: 'event and announcement are different things',
      code: 'date:\n' + claim('2025-02', 'in February', 'a', 'event') + claim('2025-03', 'in March', 'b', 'announcement'),
    },
    {
      name: 'open ranges overlap (Kurdistan24 and The Media Line)',
      code:
        'date:\n  - {to: 2026-02-10, precision: range, as_reported: announced on Tuesday, refers_to: announcement, source: k24}\n' +
        '  - {to: 2026-02-22, precision: range, as_reported: previously announced, refers_to: announcement, source: medialine}\n',
    },
    {
      name: 'settled under conflicts',
      code:
        LORRY +
        'conflicts:\n  - field: date\n    values:\n      - {value: 2025-02, source: thenational}\n      - {value: 2025-03, source: rudaw}\n    chosen: rudaw\n    reason: The ministry statement is dated 16 March.\n',
    },
    {
      name: 'a weekday does not narrow the claim',
      code:
        'date:\n' +
        claim('2025-03', 'said on Wednesday', 'a') +
        claim('2025-03-02', 'on 2 March', 'b') +
        'sources:\n  - {id: a, published: 2025-03-20}\n  - {id: b, published: 2025-03-20}\n',
    },
    { name: 'odd data', code: 'date:\n  - 7\n  - {on: 12}\nconflicts: 3\n' },
  ],
  invalid: [
    {
      name: 'the lorry: "In February" against "In mid-March"',
      code: LORRY,
      errors: [
        {
          messageId: 'conflict',
          line: 7,
          column: 9,
          data: { sourceA: 'thenational', sourceB: 'rudaw', daysA: 'February 2025', daysB: '11–20 March 2025', what: 'announcement' },
          message: 'rudaw dates the announcement 11–20 March 2025 ("In mid-March"), thenational February 2025 ("In February"): the two periods do not overlap.',
        },
      ],
    },
    {
      name: 'words narrow both claims within one month',
      code: 'date:\n' + claim('2025-03', 'early March', 'a') + claim('2025-03', 'late March', 'b'),
      errors: [{ messageId: 'conflict', line: 7, data: { daysA: '1–10 March 2025', daysB: '21–31 March 2025' } }],
    },
    {
      name: 'a conflicts entry on another field does not settle it',
      code: LORRY + 'conflicts:\n  - field: seizures[0].weight\n    reason: other\n',
      errors: [{ messageId: 'conflict', line: 7 }],
    },
    {
      name: 'a conflicts entry naming other sources does not settle it',
      code: LORRY + 'conflicts:\n  - field: date\n    values:\n      - {value: 2025-02, source: thenational}\n      - {value: 2025-04, source: other}\n    reason: x\n',
      errors: [{ messageId: 'conflict', line: 7 }],
    },
    {
      name: 'last month, placed by the publication date',
      code:
        'date:\n' +
        claim('"2025"', 'last month', 'a') +
        claim('2025-05', 'in May', 'b') +
        'sources:\n  - {id: a, published: 2025-04-02}\n  - {id: b, published: 2025-06-01}\n',
      errors: [{ messageId: 'conflict', line: 7, data: { daysA: 'March 2025', daysB: 'May 2025' } }],
    },
  ],
});
