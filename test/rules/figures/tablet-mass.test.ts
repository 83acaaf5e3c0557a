import rule from '../../../server/src/core/rules/figures/tablet-mass';
import { ruleTester } from '../../helpers/rule-tester';
import { event, source } from './event';

const seizure = (count: string, weight: string, extra = '') =>
  event(`seizures:
  - drug: captagon
    form: tablet
    count: ${count}
    weight: ${weight}
${extra}`);

const two = source('a', ['x']) + source('b', ['y']);

/** The Damascus raid's two weights, with `conflicts` written after them. */
const damascus = (conflicts: string) =>
  event(
    `seizures:
  - drug: captagon
    form: tablet
    count: {value: 1350000, unit: tablets, qualifier: more_than, source: a}
    weight:
      - {value: 215, unit: kg, qualifier: about, source: a}
      - {value: 2015, unit: kg, qualifier: about, source: b}
${conflicts}`,
    two,
  );

ruleTester(rule, {
  valid: [
    {
      name: 'bars are not tablets: 533 bars of hashish in 648 kg',
      code: event(`seizures:
  - drug: hashish
    count: {value: 533, unit: bars, source: a}
    weight: {value: 648, unit: kg, source: a}
`),
    },
    {
      name: 'a count of bricks of a tablet drug is not a count of tablets',
      code: seizure('{value: 533, unit: packs, source: a}', '{value: 648, unit: kg, source: a}'),
    },
    { name: 'a garbled weight is not used', code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 17500, unit: kg, garbled: true, source: a}') },
    {
      name: 'a part is paired with the same part: "zehn Kilo" and "fast 60.000 Tabletten" of one find',
      code: event(
        `seizures:
  - drug: captagon
    form: tablet
    count:
      - {value: 3200000, unit: tablets, qualifier: about, source: a}
      - {value: 60000, unit: tablets, qualifier: nearly, scope: part, part: first find, source: b}
    weight:
      - {value: 461, unit: kg, source: a}
      - {value: 10, unit: kg, scope: part, part: first find, source: a}
`,
        two,
      ),
    },
    {
      name: 'the value a conflicts entry rejects is not checked',
      code: damascus(`conflicts:
  - field: seizures[0].weight
    values:
      - {value: 215, unit: kg, source: a}
      - {value: 2015, unit: kg, source: b}
    chosen: a
    reason: 2,015 kg would be 1.49 g a tablet
`),
    },
    {
      name: 'a doubt recorded under conflicts (no value kept) is not reported again',
      code: damascus(`conflicts:
  - field: seizures[0].weight
    chosen: null
    reason: more than 1,350,000 tablets in about 2,015 kg is at most 1.49 g a tablet
`),
    },
    { name: 'Homs: 400,000 in 65 kg is 162 mg', code: seizure('{value: 400000, unit: tablets, qualifier: about, source: a}', '{value: 65, unit: kg, qualifier: about, basis: unknown, source: a}') },
    {
      name: 'more than 1.35 million in 215 kg is at most 159 mg',
      code: seizure('{value: 1350000, unit: tablets, qualifier: more_than, source: a}', '{value: 215, unit: kg, qualifier: about, source: a}'),
    },
    {
      name: 'a cargo weight says nothing about the tablets',
      code: seizure('{value: 1350000, unit: tablets, source: a}', '{value: 20, unit: t, basis: cargo, source: a}'),
    },
    {
      name: 'a gross weight widens the upper limits by the gross factor',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 300, unit: kg, basis: gross, source: a}'),
    },
    {
      name: 'band overridden in the configuration',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 300, unit: kg, basis: net, source: a}'),
      dataset: { bands: { captagon: { tablet: { warn: [100, 400] } } } },
    },
    {
      name: 'counts and weights of different sources are paired by source',
      code: event(
        `seizures:
  - drug: captagon
    form: tablet
    count:
      - {value: 400000, unit: tablets, source: a}
      - {value: 4000000, unit: tablets, source: b}
    weight:
      - {value: 65, unit: kg, source: a}
      - {value: 650, unit: kg, source: b}
`,
        two,
      ),
    },
    {
      name: 'no band for hashish bars',
      code: event(`seizures:
  - drug: hashish
    form: bar
    count: {value: 50, unit: bars, source: a}
    weight: {value: 900, unit: kg, source: a}
`),
    },
    { name: 'unknown drug', code: seizure('{value: 10, unit: tablets, source: a}', '{value: 900, unit: kg, source: a}').replace('drug: captagon', 'drug: nosuchdrug') },
    { name: 'odd data does not throw', code: seizure('"many"', '[1, {value: x}, null]') },
  ],
  invalid: [
    {
      name: 'a conflicts entry that keeps the implausible value',
      code: damascus(`conflicts:
  - field: seizures[0].weight
    chosen: b
    reason: kept
`),
      errors: [{ messageId: 'implausible', line: 13, message: 'more than 1,350,000 tablets in about 2,015 kg is at most 1.49 g a tablet' }],
    },
    {
      name: 'Asharq Al-Awsat: more than 1.35 million in about 2,015 kg',
      code: seizure('{value: 1350000, unit: tablets, qualifier: more_than, source: a}', '{value: 2015, unit: kg, qualifier: about, basis: unknown, source: a}'),
      errors: [
        {
          messageId: 'implausible',
          line: 11,
          column: 21,
          message: 'more than 1,350,000 tablets in about 2,015 kg is at most 1.49 g a tablet; Captagon tablets weigh 120–220 mg (typical 150–170 mg)',
          data: { level: 'error' },
        },
      ],
    },
    {
      name: 'exact figures, the message of the catalogue',
      code: seizure('{value: 1350000, unit: tablets, source: a}', '{value: 2015, unit: kg, source: a}'),
      errors: [{ messageId: 'implausible', message: '1,350,000 tablets in 2,015 kg is 1.49 g a tablet; Captagon tablets weigh 120–220 mg (typical 150–170 mg)' }],
    },
    {
      name: 'outside the warn band only: a warning',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 250, unit: kg, source: a}'),
      errors: [{ messageId: 'unusual', message: '1,000,000 tablets in 250 kg is 250 mg a tablet', data: { level: 'warning' } }],
    },
    {
      name: 'too light',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 10, unit: kg, source: a}'),
      errors: [{ messageId: 'implausible', message: 'is 10 mg a tablet' }],
    },
    {
      name: 'gross weight beyond the widened warn band',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 400, unit: kg, basis: gross, source: a}'),
      errors: [{ messageId: 'unusual', message: 'weigh 120–330 mg with packaging (gross weight)' }],
    },
    {
      name: 'a weight whose source gives no count is compared with the only count',
      code: event(
        `seizures:
  - drug: captagon
    form: tablet
    count: {value: 400000, unit: tablets, source: a}
    weight:
      - {value: 65, unit: kg, source: a}
      - {value: 6.5, unit: t, source: b}
`,
        two,
      ),
      errors: [{ messageId: 'implausible', line: 13, column: 17, message: '400,000 tablets in 6.5 t is 16.25 g a tablet' }],
    },
    {
      name: 'no form: the drug’s first countable form',
      code: event(`seizures:
  - drug: captagon
    count: 1000000
    weight: 2000
`),
      errors: [{ messageId: 'implausible', line: 10, column: 13, message: '1,000,000 tablets in 2,000 kg is 2 g a tablet' }],
    },
    {
      name: 'band overridden in the configuration',
      code: seizure('{value: 1000000, unit: tablets, source: a}', '{value: 160, unit: kg, source: a}'),
      dataset: { bands: { captagon: { tablet: { warn: [170, 220] } } } },
      errors: [{ messageId: 'unusual', message: 'Captagon tablets weigh 170–220 mg' }],
    },
  ],
});
