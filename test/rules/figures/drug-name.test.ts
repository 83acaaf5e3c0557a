import rule from '../../../server/src/core/rules/figures/drug-name';
import { ruleTester } from '../../helpers/rule-tester';
import { event } from './event';

const named = (drug: string, words: string) =>
  event(`seizures:\n  - drug: ${drug}\n    weight: {value: 751, unit: kg, drug_as_reported: ${JSON.stringify(words)}, source: a}\n`);

ruleTester(rule, {
  valid: [
    { name: 'a generic name: "narcotic pills" for Captagon', code: named('captagon', 'narcotic pills') },
    { name: 'a name of the same kind: "amphetamine" pills for Captagon', code: named('captagon', 'amphetamine pills') },
    { name: 'an alias of the drug itself, in another language: "kokain"', code: named('cocaine', 'kokain') },
    { name: 'the parent plant: "cannabis" for hashish', code: named('hashish', 'cannabis') },
    { name: 'words naming no drug of the registry', code: named('hashish', 'the goods') },
  ],
  invalid: [
    {
      name: '"opium" for hashish',
      code: named('hashish', 'opium'),
      errors: [
        {
          messageId: 'otherKind',
          line: 9,
          message: 'a calls the drug "opium", which is Opium (opioid), but the seizure is Hashish (cannabis resin) (cannabinoid).',
        },
      ],
    },
  ],
});
