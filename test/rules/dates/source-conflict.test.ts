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
    {
      name: 'a night from one weekday to the next is a span, not a third day',
      code:
        'date:\n  - {as_reported: on Friday, source: a}\n  - {as_reported: in the night from Friday to Saturday, source: b}\n' +
        'sources:\n  - {id: a, published: null}\n  - {id: b, published: null}\n',
    },
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
    {
      name: 'announcement reports a day apart agree (time zones, next-day print)',
      code: 'date:\n' + claim('2021-12-29', 'on Wednesday', 'a', 'announcement').replace('month', 'day') + claim('2021-12-30', 'on Thursday', 'b', 'announcement').replace('month', 'day'),
    },
    {
      name: '"two years ago" is roughly two years: 2016 fits November 2015',
      code: 'date:\n' + claim('2015-11', 'in November', 'a') + '  - {on: "2016", precision: year, as_reported: two years ago, source: b}\n',
    },
    {
      name: 'words that cannot be placed on their own but fit the others: "on Wednesday", "29 December"',
      code:
        'date:\n  - {on: 2021-12-29, precision: day, source: a}\n  - {as_reported: seized on Wednesday, source: b}\n  - {as_reported: mercredi 29 décembre, source: c}\n' +
        'sources:\n  - {id: a, published: 2021-12-29}\n  - {id: b, published: null}\n  - {id: c, published: null}\n',
    },
    {
      name: 'an event without dates of its own is placed within the year before its announcement',
      code:
        'date:\n  - {on: 2021-04-23, precision: day, refers_to: announcement, source: a}\n  - {as_reported: showing up on April 23, source: b}\n' +
        'sources:\n  - {id: a, published: 2021-04-24}\n  - {id: b, published: null}\n',
    },
  ],
  invalid: [
    {
      name: 'words that fit the other side of a disagreement belong to it: one finding for the disagreement',
      code:
        'date:\n  - {on: 2021-02-20, precision: day, source: a}\n  - {on: 2021-02-20, precision: day, source: b}\n  - {on: 2021-02-21, precision: day, source: c}\n  - {as_reported: am Sonntag, source: d}\n' +
        'sources:\n  - {id: a, published: 2021-02-22}\n  - {id: b, published: 2021-02-22}\n  - {id: c, published: 2021-02-22}\n  - {id: d, published: null, language: de}\n',
      errors: [{ messageId: 'outlier', line: 4, message: 'c dates the event 21 February 2021, but a and b date it 20 February 2021: 1 day apart' }],
    },
    {
      name: 'weekdays that no source can place, against each other: Friday, Saturday and Sunday for one seizure',
      code:
        'date:\n  - {as_reported: "Friday\'s seizure", source: a}\n  - {as_reported: on Saturday evening, source: b}\n  - {as_reported: on Saturday, source: c}\n  - {as_reported: on Sunday, source: d}\n' +
        'sources:\n  - {id: a, published: null}\n  - {id: b, published: null}\n  - {id: c, published: null}\n  - {id: d, published: null}\n',
      errors: [{ messageId: 'weekdays', message: 'The sources name different weekdays for the event: Saturday (b: "on Saturday evening" and c: "on Saturday") against Friday (a: "Friday\'s seizure") against Sunday (d: "on Sunday").' }],
    },
    {
      name: 'the lorry: "In February" against "In mid-March"',
      code: LORRY,
      errors: [
        {
          messageId: 'split',
          line: 7,
          column: 9,
          message:
            'The sources date the announcement differently and no side is clearly the outlier: February 2025 ("In February") (thenational) against 11–20 March 2025 ("In mid-March") (rudaw).',
        },
      ],
    },
    {
      name: 'words narrow both claims within one month',
      code: 'date:\n' + claim('2025-03', 'early March', 'a') + claim('2025-03', 'late March', 'b'),
      errors: [{ messageId: 'split', line: 7, message: '1–10 March 2025 ("early March") (a) against 21–31 March 2025 ("late March") (b)' }],
    },
    {
      name: 'a conflicts entry on another field does not settle it',
      code: LORRY + 'conflicts:\n  - field: seizures[0].weight\n    reason: other\n',
      errors: [{ messageId: 'split', line: 7 }],
    },
    {
      name: 'a conflicts entry naming other sources does not settle it',
      code: LORRY + 'conflicts:\n  - field: date\n    values:\n      - {value: 2025-02, source: thenational}\n      - {value: 2025-04, source: other}\n    reason: x\n',
      errors: [{ messageId: 'split', line: 7 }],
    },
    {
      name: 'last month, placed by the publication date',
      code:
        'date:\n' +
        claim('"2025"', 'last month', 'a') +
        claim('2025-05', 'in May', 'b') +
        'sources:\n  - {id: a, published: 2025-04-02}\n  - {id: b, published: 2025-06-01}\n',
      errors: [{ messageId: 'split', line: 7, message: 'March 2025 ("last month") (a) against May 2025 ("in May") (b)' }],
    },
    {
      name: 'one disagreement is one finding, on the outlier: two sources against a third',
      code: 'date:\n' + claim('2021-04', 'in April', 'a') + claim('2021-04', 'in April', 'b') + claim('2021-10', 'in October', 'c'),
      errors: [{ messageId: 'outlier', line: 12, message: 'c dates the event October 2021 ("in October"), but a and b date it April 2021: 154 days apart' }],
    },
    {
      name: 'two days apart: a small discrepancy, a warning',
      code:
        'date:\n  - {on: 2020-08-30, precision: day, as_reported: "on Sunday, August 30", source: a}\n  - {on: 2020-08-30, precision: day, source: b}\n' +
        '  - {on: 2020-09-01, precision: day, as_reported: On Tuesday, source: c}\n',
      errors: [{ messageId: 'outlier', data: {}, message: 'c dates the event 1 September 2020 ("On Tuesday"), but a and b date it 30 August 2020: 2 days apart' }],
    },
    {
      name: 'words that cannot be placed on their own: "In May" against April',
      code: 'date:\n' + claim('2021-04', 'in April', 'a') + '  - {as_reported: In May, source: b}\n' + 'sources:\n  - {id: a, published: 2021-04-24}\n  - {id: b, published: null}\n',
      errors: [{ messageId: 'unplaced', line: 7, message: 'b says "In May", but no day the other sources give for the event (April 2021, from a) is such a day; the nearest is 1 May 2021, 1 day after.', data: {} }],
    },
    {
      name: 'a weekday that no day of the others falls on',
      code:
        'date:\n  - {on: 2021-06-01, precision: day, source: a}\n  - {as_reported: at the airport on Wednesday, source: b}\n' +
        'sources:\n  - {id: a, published: 2021-06-15}\n  - {id: b, published: null}\n',
      errors: [{ messageId: 'unplaced', message: 'b says "at the airport on Wednesday", but no day the other sources give for the event (1 June 2021, from a) is such a day; the nearest is 2 June 2021, 1 day after.' }],
    },
  ],
});
