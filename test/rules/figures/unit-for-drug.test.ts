import rule from '../../../server/src/core/rules/figures/unit-for-drug';
import { ruleTester } from '../../helpers/rule-tester';
import { event } from './event';

ruleTester(rule, {
  valid: [
    {
      name: 'tablets and kilograms of Captagon',
      code: event(`seizures:
  - drug: captagon
    count: {value: 400000, unit: tablets, source: a}
    weight: {value: 65, unit: kg, source: a}
`),
    },
    {
      name: 'bars and kilograms of hashish, litres of methamphetamine',
      code: event(`seizures:
  - drug: hashish
    count: {value: 50, unit: bars, source: a}
  - drug: methamphetamine
    volume: {value: 20, unit: l, source: a}
`),
    },
    { name: 'a bare number has no unit to check', code: event('seizures:\n  - drug: captagon\n    count: 400000\n') },
    { name: 'unknown drugs are left to refs/unknown-drug', code: event('seizures:\n  - drug: nosuchdrug\n    count: {value: 5, unit: l, source: a}\n') },
    { name: 'odd data', code: event('seizures:\n  - drug: 5\n    count: {unit: [l]}\n  - null\n') },
  ],
  invalid: [
    {
      name: 'cocaine "pills" are bricks',
      code: event(`seizures:
  - drug: cocaine
    count: {value: 533, unit: tablets, as_reported: "533 cocaine pills", source: a}
    weight: {value: 648, unit: kg, source: a}
`),
      errors: [{ messageId: 'pillsAsBricks', line: 9, message: 'Cocaine is not seized in tablets (a): a report of cocaine "pills" means bricks or blocks' }],
    },
    {
      name: 'tablets of cannabis resin',
      code: event(`seizures:
  - drug: hashish
    form: resin
    count: {value: 5000, unit: tablets, source: a}
`),
      errors: [
        {
          messageId: 'unit',
          line: 10,
          column: 32,
          message: 'Hashish (cannabis resin) is not measured in tablets (a): the registry allows kg, g, t, short tons, tons, lb, bars, packs.',
          data: { unit: 'tablets' },
        },
      ],
    },
    {
      name: 'litres of Captagon, in a list of figures',
      code: event(`seizures:
  - drug: captagon
    volume:
      - {value: 20, unit: l, source: a}
`),
      errors: [{ messageId: 'unit', line: 10, column: 27, message: 'Captagon is not measured in litres (a)' }],
    },
    {
      name: 'plants of heroin, and a good weight next to it',
      code: event(`seizures:
  - drug: heroin
    count: {value: 3, unit: plants, source: a}
    weight: {value: 3, unit: kg, source: a}
`),
      errors: [{ messageId: 'unit', line: 9, column: 29 }],
    },
  ],
});
