import rule from '../../../server/src/core/rules/figures/parts-total';
import { ruleTester } from '../../helpers/rule-tester';
import { event, source } from './event';

const two = source('a', ['x']) + source('b', ['y']);
const op = (total: string, parts: string[], sources = two) =>
  event(
    `seizures:
  - drug: captagon
    count: ${total}
${parts.map((p) => `  - drug: captagon\n    count: ${p}\n`).join('')}`,
    sources,
  );

/** One seizure whose count lists the figures given. */
const oneSlot = (figures: string[]) =>
  event(
    `seizures:
  - drug: captagon
    count:
${figures.map((f) => `      - ${f}`).join('\n')}
`,
    two,
  );

ruleTester(rule, {
  valid: [
    {
      name: 'named parts that add up to the total (7,326,000 + 3,600,000 = 10,926,000)',
      code: oneSlot([
        '{value: 10926000, unit: tablets, source: a}',
        '{value: 7326000, unit: tablets, scope: part, part: first raid, source: a}',
        '{value: 3600000, unit: tablets, scope: part, part: depot, source: a}',
      ]),
    },
    {
      name: 'named parts that stay under the total (not every part is named)',
      code: oneSlot([
        '{value: 3533, unit: tablets, source: a}',
        '{value: 1740, unit: tablets, scope: part, part: liquid, source: a}',
        '{value: 1650, unit: tablets, scope: part, part: crystals, source: a}',
      ]),
    },
    {
      name: 'parts add up to the total',
      code: op('{value: 2500000, unit: tablets, as_reported: "a total of 2.5 million pills", source: a}', [
        '{value: 1500000, unit: tablets, source: a}',
        '{value: 1000000, unit: tablets, source: a}',
      ]),
    },
    {
      name: 'about: within the rounding tolerance',
      code: op('{value: 2500000, unit: tablets, qualifier: about, as_reported: "2.5 million in all", source: a}', [
        '{value: 1400000, unit: tablets, source: a}',
        '{value: 1000000, unit: tablets, source: a}',
      ]),
    },
    {
      name: 'parts of another source are not compared',
      code: op('{value: 2500000, unit: tablets, as_reported: "a total of 2.5 million pills", source: a}', [
        '{value: 1500000, unit: tablets, source: b}',
        '{value: 9000000, unit: tablets, source: b}',
      ]),
    },
    {
      name: 'a part without a figure: the others stay under the total',
      code: op('{value: 2500000, unit: tablets, as_reported: "altogether 2.5 million", source: a}', ['{value: 1500000, unit: tablets, source: a}', '{value: 5, unit: tablets, source: b}']),
    },
    {
      name: 'no total marked: several seizures of one drug',
      code: op('{value: 100, unit: tablets, source: a}', ['{value: 1500000, unit: tablets, source: a}']),
    },
    {
      name: 'weights in different units',
      code: event(
        `seizures:
  - drug: captagon
    weight: {value: 1.5, unit: t, as_reported: "1.5 tonnes in total", source: a}
  - drug: captagon
    weight: {value: 1000, unit: kg, source: a}
  - drug: captagon
    weight: {value: 500, unit: kg, source: a}
`,
        two,
      ),
    },
  ],
  invalid: [
    {
      name: '"The drugs totaled 751 kilograms" beside 1,480 kg of hashish from the same source',
      code: event(
        `seizures:
  - drug: captagon
    weight: {value: 751, unit: kg, as_reported: "The drugs totaled 751 kilograms", source: a}
  - drug: hashish
    weight: {value: 1480, unit: kg, source: a}
`,
        two,
      ),
      errors: [
        {
          messageId: 'drugsTotal',
          line: 9,
          message: 'seizures[0].weight: a gives 751 kg as the total of the drugs ("The drugs totaled 751 kilograms"), but it also gives 1,480 kg of hashish, 1,480 kg in all',
        },
      ],
    },
    {
      name: 'named parts that add up to more than the total',
      code: oneSlot([
        '{value: 4000000, unit: tablets, source: b}',
        '{value: 3054000, unit: tablets, scope: part, part: onions, source: a}',
        '{value: 5281250, unit: tablets, scope: part, part: barrels, source: a}',
      ]),
      errors: [
        {
          messageId: 'partsExceed',
          line: 12,
          column: 17,
          message: 'seizures[0].count: the parts a gives add up to 8,335,250 tablets (3,054,000 tablets for "onions" + 5,281,250 tablets for "barrels"), more than the whole seizure, 4,000,000 tablets (b)',
        },
      ],
    },
    {
      name: 'parts fall short of the total',
      code: op('{value: 2500000, unit: tablets, as_reported: "a total of 2.5 million pills", source: a}', [
        '{value: 1500000, unit: tablets, source: a}',
        '{value: 500000, unit: tablets, source: a}',
      ]),
      errors: [
        {
          messageId: 'mismatch',
          line: 9,
          column: 20,
          message: 'The other captagon seizures add up to 2,000,000 tablets by a (1,500,000 tablets + 500,000 tablets), but 2,500,000 tablets is given as their total.',
        },
      ],
    },
    {
      name: 'parts exceed the total even with one part missing',
      code: op('{value: 1000000, unit: tablets, as_reported: "a total of one million pills", source: a}', [
        '{value: 1500000, unit: tablets, source: a}',
        '{value: 5, unit: tablets, source: b}',
      ]),
      errors: [{ messageId: 'exceeds', message: 'already add up to 1,500,000 tablets by a' }],
    },
    {
      name: 'the total marked in the seizure note; weights converted',
      code: event(
        `seizures:
  - drug: captagon
    weight: {value: 3, unit: t, source: a}
    note: Total of the three raids.
  - drug: captagon
    weight: {value: 1000, unit: kg, source: a}
  - drug: captagon
    weight: {value: 500, unit: kg, source: a}
`,
        two,
      ),
      errors: [{ messageId: 'mismatch', message: 'add up to 1,500 kg by a (1,000 kg + 500 kg), but 3 t is given as their total' }],
    },
  ],
});
