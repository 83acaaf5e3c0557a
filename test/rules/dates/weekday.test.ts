import rule from '../../../server/src/core/rules/dates/weekday';
import { ruleTester } from '../../helpers/rule-tester';

const KURDISTAN24 = `date:
  - to: 2026-02-10
    precision: range
    as_reported: announced on Tuesday
    refers_to: announcement
    source: kurdistan24
  - to: 2026-02-22
    precision: range
    as_reported: previously announced
    refers_to: announcement
    source: medialine
announced: 2026-02-10
sources:
  - {id: kurdistan24, published: 2026-02-10}
  - {id: medialine, published: 2026-02-22}
`;

const one = (date: string, words: string, published: string) =>
  `date:\n  ${date}\n  as_reported: "${words}"\n  refers_to: announcement\n  source: a\nsources:\n  - id: a\n    published: ${published}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a weekday and a day that agree in the year the other claims give',
      code:
        'date:\n  - {on: 2021-12, precision: month, source: a}\n  - {as_reported: mercredi 29 décembre, source: b}\n' +
        'sources:\n  - {id: a, published: 2021-12-30, language: fr}\n  - {id: b, published: null, language: fr}\n',
    },
    { name: 'Kurdistan24: "announced on Tuesday", published on a Tuesday', code: KURDISTAN24 },
    { name: 'a day on the named weekday', code: one('on: 2025-03-12\n  precision: day', 'said on Wednesday', '2025-03-13') },
    {
      name: 'no publication date: the check cannot run',
      code: one('on: "2025"\n  precision: year', 'the Iraqi Interior Ministry said on Wednesday', 'null'),
    },
    { name: 'a partial publication date: the check cannot run', code: one('on: 2025-03\n  precision: month', 'on Wednesday', '2025-04') },
    { name: 'a month holding the Wednesday before publication', code: one('on: 2025-03\n  precision: month', 'on Wednesday', '2025-03-14') },
    { name: '"last Wednesday" may be up to 13 days back', code: one('on: 2025-03\n  precision: month', 'last Wednesday', '2025-04-07') },
    { name: 'Arabic: يوم الأربعاء on a Wednesday', code: one('on: 2025-03-12\n  precision: day', 'أعلنت الوزارة يوم الأربعاء', '2025-03-12') },
    { name: 'two weekdays are a period, not checked', code: one('on: 2025-03-14\n  precision: day', 'between Monday and Wednesday', '2025-03-14') },
    { name: 'no weekday', code: one('on: 2025-03\n  precision: month', 'In mid-March', '2025-09-14') },
    { name: 'odd data', code: 'date:\n  as_reported: [on Monday]\n  on: 5\nsources: 3\n' },
  ],
  invalid: [
    {
      name: 'a weekday and a day without their year, placed by the year the other claims give: "mercredi 13 août" in 2019 is a Tuesday',
      code:
        'date:\n  - {from: 2019-08-12, to: 2019-08-13, precision: range, source: a}\n  - {as_reported: mercredi 13 août, refers_to: announcement, source: b}\n' +
        'sources:\n  - {id: a, published: null, language: fr}\n  - {id: b, published: null, language: fr}\n',
      errors: [{ messageId: 'wrongYearDay', line: 3, message: '"mercredi 13 août" (b) names a Wednesday, but 13 August is a Tuesday in 2019, the year the other claims of this event give.' }],
    },
    {
      name: 'a day that is not the named weekday',
      code: one('on: 2025-03-14\n  precision: day', 'said on Wednesday', 'null'),
      errors: [
        {
          messageId: 'wrongDay',
          line: 4,
          column: 16,
          message: '"said on Wednesday" (a) names a Wednesday, but 2025-03-14 is a Friday: correct the date or the words.',
        },
      ],
    },
    {
      name: 'Arabic weekday on the wrong day',
      code: one('on: 2025-03-13\n  precision: day', 'يوم الأربعاء', '2025-03-13'),
      errors: [{ messageId: 'wrongDay', line: 4, data: { weekday: 'Wednesday', actual: 'Thursday' } }],
    },
    {
      name: 'a date in the words on another weekday',
      code: one('on: 2025-03\n  precision: month', 'on Wednesday, March 14', '2025-03-20'),
      errors: [{ messageId: 'wrongDay', line: 4, data: { date: '2025-03-14', actual: 'Friday' } }],
    },
    {
      name: 'a Wednesday, but not the one of the week before publication',
      code: one('on: 2025-03-05\n  precision: day', 'on Wednesday', '2025-03-20'),
      errors: [{ messageId: 'notRecent', line: 4, data: { candidates: '2025-03-19', date: '2025-03-05' } }],
    },
    {
      name: 'the Wednesday before publication is outside the claimed month',
      code: one('on: 2025-03\n  precision: month', 'said on Wednesday', '2025-04-03'),
      errors: [
        {
          messageId: 'outside',
          line: 4,
          data: { candidates: '2025-04-02', claim: 'March 2025', published: '2025-04-03', publishedWeekday: 'Thursday' },
        },
      ],
    },
    {
      name: 'Kurdistan24 with the claim ending before the Tuesday',
      code: KURDISTAN24.replace('to: 2026-02-10', 'to: 2026-02-09'),
      errors: [{ messageId: 'outside', line: 4, column: 18, data: { candidates: '2026-02-10' } }],
    },
  ],
});
