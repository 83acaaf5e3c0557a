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

ruleTester(rule, {
  valid: [
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
    weight: {value: 2, unit: t, source: a}
    note: Total of the three raids.
  - drug: captagon
    weight: {value: 1000, unit: kg, source: a}
  - drug: captagon
    weight: {value: 500, unit: kg, source: a}
`,
        two,
      ),
      errors: [{ messageId: 'mismatch', message: 'add up to 1,500 kg by a (1,000 kg + 500 kg), but 2 t is given as their total' }],
    },
  ],
});
