import rule from '../../../server/src/core/rules/figures/magnitude';
import { ruleTester } from '../../helpers/rule-tester';
import { event } from './event';

const weight = (figure: string, drug = 'captagon') => event(`seizures:\n  - drug: ${drug}\n    form: tablet\n    weight: ${figure}\n`);
const count = (figure: string) => event(`seizures:\n  - drug: captagon\n    form: tablet\n    count: ${figure}\n`);

ruleTester(rule, {
  valid: [
    { name: 'a large but possible seizure: 13 t', code: weight('{value: 13, unit: t, source: a}') },
    { name: '84 million tablets weigh at least 12.6 t at 150 mg', code: count('{value: 84000000, unit: tablets, source: a}') },
    { name: 'a figure marked garbled is known to be wrong', code: weight('{value: 17500, unit: kg, garbled: true, note: "17.5 kg: the headline total is 56 kg", source: a}') },
    { name: 'an aggregate over many seizures may exceed any one', code: weight('{value: 250, unit: t, scope: aggregate, source: a}') },
    { name: 'a drug without a record', code: weight('{value: 1105, unit: t, source: a}', 'heroin') },
  ],
  invalid: [
    {
      name: '"(17,500) kilograms" of Captagon, 17.5 kg in European notation',
      code: weight('{value: 17500, unit: kg, as_reported: "(17,500) kilograms", source: a}'),
      errors: [
        {
          messageId: 'weight',
          line: 10,
          column: 21,
          message:
            '17,500 kg of Captagon (a) would be more than the largest seizure on record, 14,000 kg (Salerno, Italy, July 2020); with its separator read as a decimal point, "(17,500) kilograms" is 17.5 kg.',
        },
      ],
    },
    {
      name: 'a count that would weigh more than the record',
      code: count('{value: 150000000, unit: tablets, source: a}'),
      errors: [{ messageId: 'count', message: '150,000,000 tablets of Captagon (a) would weigh at least 22,500 kg at 150 mg a tablet' }],
    },
  ],
});
