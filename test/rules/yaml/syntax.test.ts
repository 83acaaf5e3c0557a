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
      errors: [{ messageId: 'unclosedQuote', line: 3, column: 8, message: 'YAML syntax error: the quote (") opened here is never closed; end the text with ".' }],
    },
    {
      name: 'a "{" never closed is marked where it opens, not on the next line',
      code: 'id: x\ndate: {on: 2026-01-01, precision: day\ntype: seizure\n',
      errors: [{ messageId: 'unclosedFlow', line: 2, column: 7, data: { open: '{', close: '}' }, message: 'the "{" opened here is never closed; end the mapping with "}"' }],
    },
    {
      name: 'a "[" never closed inside a flow mapping, at the end of the file',
      code: 'id: x\nsources:\n  - {id: a, quotes: ["one", "two"}\n',
      errors: [{ messageId: 'unclosedFlow', line: 3, column: 21, data: { open: '[', close: ']' } }],
    },
    {
      name: 'a key without its colon: the parser\'s sentence, a full stop, then the hint',
      code: 'id: x\nsources\n  - id: a\n',
      errors: [{ messageId: 'syntax', line: 2, column: 1, message: 'YAML syntax error: Implicit keys need to be on a single line. Is the colon after "sources" missing?' }],
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
