import rule from '../../../server/src/core/rules/yaml/duplicate-key';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'id: x\nstatus: draft\n' },
    { name: 'same key in different mappings', code: 'a:\n  value: 1\nb:\n  value: 2\n' },
  ],
  invalid: [
    {
      code: 'id: x\nstatus: draft\ntype: seizure\nstatus: reviewed\n',
      errors: [{ messageId: 'duplicate', line: 4, column: 1, data: { key: 'status' } }],
    },
    {
      name: 'nested, in a flow mapping',
      code: 'seizures:\n  - {drug: captagon, count: 1, count: 2}\n',
      errors: [{ messageId: 'duplicate', line: 2, column: 32, data: { key: 'count' } }],
    },
    {
      name: 'quoted key with Arabic text before it',
      code: 'title: "ضبط 💊"\n"title": again\n',
      errors: [{ messageId: 'duplicate', line: 2, column: 1, data: { key: 'title' } }],
    },
  ],
});
