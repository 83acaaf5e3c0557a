import rule from '../../../server/src/core/rules/sources/missing-published';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from './fixture';

ruleTester(rule, {
  valid: [{ code: BASE }, { name: 'published as a partial date', code: variant(['published: 2026-02-22', 'published: 2026-02']) }],
  invalid: [
    {
      name: 'dated event: only the after-source check is lost',
      code: variant(['published: 2026-02-22', 'published: null']),
      errors: [
        {
          messageId: 'missing',
          line: 17,
          column: 16,
          data: { id: 'medialine', count: 1 },
          message: 'Source "medialine" (The Media Line) has no publication date, so these checks cannot run against it: dates/after-source',
        },
      ],
    },
    {
      name: 'a weekday from this source and an announcement date',
      code: variant(
        ['date: {on: 2026-02-22, precision: day, source: medialine}', 'date: {on: 2026-02, precision: month, as_reported: said on Wednesday, source: medialine}\nannounced: 2026-02-18'],
        ['published: 2026-02-22', 'published: null'],
      ),
      errors: [{ messageId: 'missing', line: 18, data: { count: 3 }, message: 'dates/weekday (does "said on Wednesday" fall in the week before publication?); dates/order' }],
    },
    {
      name: 'a weekday from another source is not this source\'s check',
      code:
        variant(['date: {on: 2026-02-22, precision: day, source: medialine}', 'date: {on: 2026-02-22, precision: day, as_reported: on Sunday, source: medialine}']) +
        '  - id: rudaw\n    publisher: Rudaw\n    published: null\n    quotes: [x]\n',
      errors: [{ messageId: 'missing', line: 21, column: 16, data: { id: 'rudaw', count: 1 } }],
    },
    {
      name: 'an undated event: nothing depends on the date yet',
      code: variant(['date: {on: 2026-02-22, precision: day, source: medialine}', 'date: {precision: year, source: medialine}'], ['published: 2026-02-22', 'published: null']),
      errors: [{ messageId: 'missingNoChecks', line: 17 }],
    },
  ],
});
