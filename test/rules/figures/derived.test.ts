import rule from '../../../server/src/core/rules/figures/derived';
import { ruleTester } from '../../helpers/rule-tester';
import { event } from './event';

const pair = (count: string, weight: string) =>
  event(`seizures:
  - drug: captagon
    count: ${count}
    weight: ${weight}
`);

ruleTester(rule, {
  valid: [
    { name: 'Homs: 400,000 pills and 65 kg are two measurements', code: pair('{value: 400000, unit: tablets, source: a}', '{value: 65, unit: kg, source: a}') },
    { name: '1.35 million and 215 kg', code: pair('{value: 1350000, unit: tablets, source: a}', '{value: 215, unit: kg, source: a}') },
    { name: 'round check off', code: pair('{value: 1000000, unit: tablets, source: a}', '{value: 200, unit: kg, source: a}'), options: { roundMg: 0 } },
    { name: 'no count', code: event('seizures:\n  - drug: captagon\n    weight: {value: 1000, unit: kg, source: a}\n') },
  ],
  invalid: [
    {
      name: '6 million pills and 1,000 kg: 6,000 a kilo',
      code: pair('{value: 6000000, unit: tablets, source: a}', '{value: 1000, unit: kg, source: a}'),
      errors: [
        {
          messageId: 'perKg',
          line: 10,
          column: 21,
          message: '1,000 kg is 6,000,000 tablets at 6,000 a kilo (167 mg a tablet): probably converted from the count, not weighed; the two figures are not independent.',
        },
      ],
    },
    {
      name: 'rounded to the digit written: 400,000 pills and 67 kg',
      code: pair('{value: 400000, unit: tablets, source: a}', '{value: 67, unit: kg, qualifier: about, source: a}'),
      errors: [{ messageId: 'perKg', message: 'about 67 kg is 400,000 tablets at 6,000 a kilo' }],
    },
    {
      name: 'an exact 0.2 g a tablet',
      code: pair('{value: 1000000, unit: tablets, source: a}', '{value: 0.2, unit: t, source: a}'),
      errors: [{ messageId: 'roundMass', message: '0.2 t is 1,000,000 tablets at exactly 200 mg a tablet' }],
    },
    {
      name: 'another rule of thumb',
      code: pair('{value: 500000, unit: tablets, source: a}', '{value: 100, unit: kg, source: a}'),
      options: { perKg: [5000], roundMg: 0 },
      errors: [{ messageId: 'perKg', message: 'at 5,000 a kilo' }],
    },
  ],
});
