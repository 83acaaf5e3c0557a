import rule from '../../../server/src/core/rules/figures/source-conflict';
import { ruleTester } from '../../helpers/rule-tester';
import { event, source } from './event';

const two = source('a', ['x']) + source('b', ['y']);
const slot = (field: string, a: string, b: string, extra = '') =>
  event(
    `seizures:
  - drug: captagon
    ${field}:
      - ${a}
      - ${b}
${extra}`,
    two,
  );

ruleTester(rule, {
  valid: [
    { name: '1.1 t and 1,100 kg agree', code: slot('weight', '{value: 1.1, unit: t, qualifier: about, source: a}', '{value: 1100, unit: kg, qualifier: about, source: b}') },
    {
      name: 'the same "more than 1.35 million" twice',
      code: slot('count', '{value: 1350000, unit: tablets, qualifier: more_than, source: a}', '{value: 1350000, unit: tablets, qualifier: more_than, source: b}'),
    },
    {
      name: '"more than 200,000" fits 250,000',
      code: slot('count', '{value: 200000, unit: tablets, qualifier: more_than, source: a}', '{value: 250000, unit: tablets, source: b}'),
    },
    {
      name: 'rounding is not a conflict: about 5 million and 4,962,310',
      code: slot('count', '{value: 5000000, unit: tablets, qualifier: about, source: a}', '{value: 4962310, unit: tablets, source: b}'),
    },
    {
      name: 'about 65 kg and 70 kg agree within 10%',
      code: slot('weight', '{value: 65, unit: kg, qualifier: about, source: a}', '{value: 70, unit: kg, source: b}'),
    },
    {
      name: 'a range and a value inside it',
      code: slot('weight', '{qualifier: range, min: 200, max: 250, unit: kg, source: a}', '{value: 215, unit: kg, source: b}'),
    },
    {
      name: 'counts of different days are not rivals (as_of)',
      code: slot('count', '{value: 200000, unit: tablets, as_of: 2026-02-01, source: a}', '{value: 900000, unit: tablets, as_of: 2026-02-10, source: b}'),
    },
    {
      name: 'settled under conflicts',
      code: slot(
        'weight',
        '{value: 215, unit: kg, qualifier: about, source: a}',
        '{value: 2015, unit: kg, qualifier: about, source: b}',
        `conflicts:
  - field: seizures[0].weight
    values:
      - {value: 215, unit: kg, source: a}
      - {value: 2015, unit: kg, source: b}
    chosen: a
    reason: "2,015 kg would be 1.5 g a pill"
`,
      ),
    },
    {
      name: 'a larger tolerance',
      code: slot('weight', '{value: 65, unit: kg, qualifier: about, source: a}', '{value: 80, unit: kg, source: b}'),
      options: { tolerance: 0.25 },
    },
    { name: 'one source, two figures: not this rule', code: slot('weight', '{value: 65, unit: kg, source: a}', '{value: 650, unit: kg, source: a}') },
    { name: 'odd data', code: slot('weight', '{value: x, source: a}', '7') },
  ],
  invalid: [
    {
      name: 'The National 215 kg, Asharq Al-Awsat 2,015 kg',
      code: slot('weight', '{value: 215, unit: kg, qualifier: about, source: a}', '{value: 2015, unit: kg, qualifier: about, source: b}'),
      errors: [
        {
          messageId: 'conflict',
          line: 11,
          column: 17,
          message:
            'about 215 kg (a) and about 2,015 kg (b) cannot both be true for seizures[0].weight; add a `conflicts` entry for seizures[0].weight that says which value is kept and why.',
        },
      ],
    },
    {
      name: '"more than 200,000" does not fit 150,000',
      code: slot('count', '{value: 200000, unit: tablets, qualifier: more_than, source: a}', '{value: 150000, unit: tablets, source: b}'),
      errors: [{ messageId: 'conflict', message: 'more than 200,000 tablets (a) and 150,000 tablets (b)' }],
    },
    {
      name: 'units converted: 1.1 t against 110 kg',
      code: slot('weight', '{value: 1.1, unit: t, source: a}', '{value: 110, unit: kg, source: b}'),
      errors: [{ messageId: 'conflict', message: '1.1 t (a) and 110 kg (b)' }],
    },
    {
      name: 'arrests, with a conflicts entry for another field',
      code: event(
        `arrests:
  - {value: 2, unit: persons, source: a}
  - {value: 3, unit: persons, source: b}
conflicts:
  - {field: seizures[0].weight, reason: settled}
`,
        two,
      ),
      errors: [{ messageId: 'conflict', line: 9, column: 13, message: 'for arrests' }],
    },
  ],
});
