import rule from '../../../server/src/core/rules/sources/duplicate-url';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from './fixture';

const OTHER = variant(['id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-24-sy-homs-captagon']);

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'null URLs are not duplicates', code: variant(['url: https://example.org/homs-captagon', 'url: null']) + '  - id: b\n    publisher: B\n    url: null\n    published: null\n    quotes: [x]\n' },
    {
      name: 'another event with another URL',
      code: BASE,
      others: { 'events/2026/other.yaml': OTHER.replace('example.org/homs-captagon', 'example.org/homs-captagon-2') },
    },
  ],
  invalid: [
    {
      name: 'two sources of one event, URLs differing only in case, www and trailing slash',
      code: BASE + '  - id: copy\n    publisher: Copy\n    url: HTTPS://www.Example.org/homs-captagon/\n    published: 2026-02-23\n    quotes: [x]\n',
      errors: [{ messageId: 'sameEvent', line: 21, column: 10, data: { id: 'copy', other: 'medialine' } }],
    },
    {
      name: 'a source of another event',
      code: BASE,
      others: { 'events/2026/2026-02-24-sy-homs-captagon.yaml': OTHER },
      errors: [
        {
          messageId: 'otherEvent',
          line: 16,
          column: 10,
          data: { otherFile: 'events/2026/2026-02-24-sy-homs-captagon.yaml', otherLine: 1 },
          message: 'also a source of "2026-02-24-sy-homs-captagon" (events/2026/2026-02-24-sy-homs-captagon.yaml, line 1)',
        },
      ],
    },
    {
      name: 'an article cited by many events: one finding, the first few named and the rest counted',
      code: BASE,
      others: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`events/2026/e${i}.yaml`, OTHER.replace('2026-02-24-sy-homs-captagon', `2026-02-24-sy-homs-captagon-${i}`)])),
      errors: [
        {
          messageId: 'otherEvents',
          line: 16,
          data: { count: 12 },
          message:
            'also a source of 12 other events: "2026-02-24-sy-homs-captagon-0" (events/2026/e0.yaml, line 1), "2026-02-24-sy-homs-captagon-1" (events/2026/e1.yaml, line 1), "2026-02-24-sy-homs-captagon-2" (events/2026/e2.yaml, line 1), "2026-02-24-sy-homs-captagon-3" (events/2026/e3.yaml, line 1) and 8 more.',
        },
      ],
    },
    {
      name: 'another document of the same file',
      code: BASE + '---\n' + OTHER,
      path: 'events/2026/two.yaml',
      errors: [
        { messageId: 'otherEvent', line: 16, data: { otherFile: 'events/2026/two.yaml', otherLine: 20 } },
        { messageId: 'otherEvent', line: 35, data: { otherFile: 'events/2026/two.yaml', otherLine: 1 } },
      ],
    },
  ],
});
