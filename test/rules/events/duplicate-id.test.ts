import rule from '../../../server/src/core/rules/events/duplicate-id';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

const OTHER = variant(['id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-10-sy-ins-network-captagon']);

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'other events with other ids', code: BASE, others: { 'events/2026/2026-02-10-sy-ins-network-captagon.yaml': OTHER } },
    { name: 'two documents, two ids', code: BASE + '---\n' + OTHER },
  ],
  invalid: [
    {
      name: 'another file has the same id',
      code: BASE,
      others: { 'events/2026/copy.yaml': '# copied\n' + BASE },
      errors: [
        {
          messageId: 'duplicate',
          line: 1,
          column: 5,
          data: { id: '2026-02-22-sy-homs-captagon', other: 'events/2026/copy.yaml, line 2' },
        },
      ],
    },
    {
      name: 'two other files',
      code: BASE,
      others: { 'events/2026/b.yaml': BASE, 'events/2026/a.yaml': BASE },
      errors: [{ messageId: 'duplicateMany', line: 1, data: { count: 2, others: 'events/2026/a.yaml, line 1; events/2026/b.yaml, line 1' } }],
    },
    {
      name: 'many other files: counted, the first few named',
      code: BASE,
      others: Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`events/2026/c${String(i).padStart(2, '0')}.yaml`, BASE])),
      errors: [{ messageId: 'duplicateMany', data: { count: 30, others: 'events/2026/c00.yaml, line 1; events/2026/c01.yaml, line 1; events/2026/c02.yaml, line 1; events/2026/c03.yaml, line 1; and 26 more' } }],
    },
    {
      name: 'two documents of one file: each names the other',
      code: BASE + '---\n' + BASE,
      path: 'events/2026/two.yaml',
      errors: [
        { messageId: 'duplicate', line: 1, data: { other: 'events/2026/two.yaml, line 20' } },
        { messageId: 'duplicate', line: 20, data: { other: 'events/2026/two.yaml, line 1' } },
      ],
    },
    {
      name: 'without a dataset index, the documents of the file itself',
      code: BASE + '---\n' + BASE,
      dataset: { index: undefined },
      errors: [
        { messageId: 'duplicate', line: 1, data: { other: 'events/2026/test.yaml, document 2' } },
        { messageId: 'duplicate', line: 20, data: { other: 'events/2026/test.yaml, document 1' } },
      ],
    },
  ],
});
