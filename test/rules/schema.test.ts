import rule from '../../server/src/core/rules/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleTester } from '../helpers/rule-tester';

const base = readFileSync(join(__dirname, '..', 'fixtures', 'core', 'valid-event.yaml'), 'utf8');
const edit = (from: string, to: string) => {
  if (!base.includes(from)) throw new Error(`not in base: ${from}`);
  return base.replace(from, to);
};

ruleTester(rule, {
  valid: [
    { code: base },
    { name: 'a bare number is a valid exact figure', code: edit('count: {value: 400000, unit: tablets, qualifier: about, source: medialine}', 'count: 400000') },
    { name: 'a list of figures, one per source', code: edit('weight: {value: 65, unit: kg, qualifier: about, basis: unknown, source: medialine}', 'weight:\n      - {value: 65, unit: kg, source: medialine}\n      - {value: 66, unit: kg, source: medialine}') },
    { name: 'registry', kind: 'agencies', code: 'agencies:\n  - {id: iq-gdnps, name: General Directorate of Narcotics, country: IQ}\n' },
  ],
  invalid: [
    {
      code: edit('status: draft', 'status: reviewd'),
      errors: [{ messageId: 'problem', ruleId: 'schema/enum', line: 3, column: 9, data: { suggestion: 'reviewed' } }],
    },
    {
      code: edit('title: Captagon', 'titel: Captagon'),
      errors: [
        { messageId: 'problem', ruleId: 'schema/required', line: 2, column: 1, data: { missingProperty: 'title' } },
        { messageId: 'problem', ruleId: 'schema/additionalProperties', line: 5, column: 1, data: { suggestion: 'title' } },
      ],
    },
    {
      name: 'figure as text: one type finding, not the anyOf noise',
      code: edit('count: {value: 400000, unit: tablets, qualifier: about, source: medialine}', 'count: "400,000"'),
      errors: [{ messageId: 'problem', ruleId: 'schema/type', line: 22, column: 12, message: 'but is the text "400,000"' }],
    },
    {
      name: 'a weight in a count unit is an enum finding inside the best branch',
      code: edit('value: 65, unit: kg', 'value: 65, unit: tablets'),
      errors: [{ messageId: 'problem', ruleId: 'schema/enum', line: 23, column: 31 }],
    },
    {
      name: 'empty quotes list',
      code: edit('    quotes:\n      - "seized approximately 400,000 Captagon pills, estimated to weigh about 65 kilograms"\n      - "Authorities explained that the operation led to the arrest of two individuals."\n', '    quotes: []\n'),
      errors: [{ messageId: 'problem', ruleId: 'schema/minItems', line: 31, column: 13 }],
    },
    {
      name: 'latitude out of range',
      code: edit('  place: null\n', '  place: null\n  coordinates: {lat: 134.7, lon: 36.7}\n'),
      errors: [{ messageId: 'problem', ruleId: 'schema/maximum', line: 16, column: 22 }],
    },
  ],
});
