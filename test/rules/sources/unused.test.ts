import rule from '../../../server/src/core/rules/sources/unused';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from './fixture';

const RUDAW = '  - id: rudaw\n    publisher: Rudaw\n    published: 2026-02-23\n    quotes: ["seized 400,000 pills"]\n';
const ATTESTS = '  - id: elnashra\n    publisher: Elnashra\n    published: null\n    quotes: ["a large quantity of Captagon hidden in plastic fruit"]\n';

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'cited only by a conflict', code: BASE + RUDAW + 'conflicts:\n  - field: seizures[0].count\n    values:\n      - {value: 1, source: rudaw}\n    chosen: medialine\n    reason: x\n' },
    { name: 'cited only by an other item', code: BASE + RUDAW + 'other_items:\n  - {item: firearms, source: rudaw}\n' },
  ],
  invalid: [
    {
      name: 'a report that gives no figure attests the event: information',
      code: BASE + ATTESTS,
      errors: [{ messageId: 'attests', line: 19, column: 9, data: { id: 'elnashra' } }],
    },
    {
      name: 'a second source nothing cites',
      code: BASE + RUDAW,
      errors: [{ messageId: 'unused', line: 19, column: 9, data: { id: 'rudaw', publisher: 'Rudaw' } }],
    },
    {
      name: 'every citation points elsewhere',
      code: variant(
        ['precision: day, source: medialine}', 'precision: day}'],
        ['qualifier: about, source: medialine}', 'qualifier: about}'],
        ['unit: persons, source: medialine}', 'unit: persons}'],
      ),
      errors: [{ messageId: 'unused', line: 14, column: 9, data: { id: 'medialine' } }],
    },
  ],
});
