import rule from '../../../server/src/core/rules/yaml/syntax';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: 'id: 2026-02-22-sy-homs-captagon\nstatus: draft\n' },
    { name: 'quotes with escaped quotes inside', code: 'title: "a \\"quoted\\" word"\nother: \'it\'\'s\'\n' },
    { name: 'CRLF', code: 'id: x\r\nstatus: draft\r\n' },
    { name: 'lone CR line breaks (YAML 1.2 allows them)', code: 'id: x\rstatus: draft\r' },
  ],
  invalid: [
    {
      name: 'an unclosed quote is marked where it opens',
      code: 'id: x\nstatus: draft\ntitle: "never closed\ntype: seizure\n',
      errors: [{ messageId: 'syntax', line: 3, column: 8, message: 'The quote opened here is never closed.' }],
    },
    {
      name: 'a tab used for indentation',
      code: 'date:\n\ton: 2026-02-22\n',
      errors: [{ messageId: 'syntax', line: 2, column: 1 }],
    },
    {
      name: 'merge-conflict markers, each once',
      code: 'id: x\n<<<<<<< HEAD\nstatus: draft\n=======\nstatus: reviewed\n>>>>>>> other\n',
      errors: [
        { messageId: 'conflict', line: 2, column: 1, data: { marker: '<<<<<<<' } },
        { messageId: 'conflict', line: 4, column: 1, data: { marker: '=======' } },
        { messageId: 'conflict', line: 6, column: 1, data: { marker: '>>>>>>>' } },
      ],
    },
    {
      name: 'alias expansion beyond the bound',
      code: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      errors: [{ messageId: 'aliases', line: 1, column: 1 }],
    },
    {
      name: 'an unknown tag is refused, not executed',
      code: 'id: !!js/function "function () { return 1 }"\n',
      errors: [{ messageId: 'warning', line: 1, column: 5 }],
    },
  ],
});
