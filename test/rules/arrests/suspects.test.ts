import rule from '../../../server/src/core/rules/arrests/suspects';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

const suspects = (...names: string[]) => 'suspects:\n' + names.map((n) => `  - {name: ${n}, source: medialine}\n`).join('');
const arrests = (slot: string) => variant(['arrests: {value: 2, unit: persons, source: medialine}', `arrests: ${slot}`]);

ruleTester(rule, {
  valid: [
    { code: BASE },
    { name: 'as many suspects as arrests', code: BASE + suspects('Ahmad K.', 'Omar S.') },
    { name: 'the same person named twice', code: BASE + suspects('Ahmad K.', 'Omar S.', 'ahmad  k.') },
    { name: '"more than 2" allows three', code: arrests('{value: 2, qualifier: more_than, source: medialine}') + suspects('A', 'B', 'C') },
    { name: '"about 2" allows one more', code: arrests('{value: 2, qualifier: about, source: medialine}') + suspects('A', 'B', 'C') },
    { name: 'a range', code: arrests('{qualifier: range, min: 2, max: 4, source: medialine}') + suspects('A', 'B', 'C', 'D') },
    { name: 'no arrests figure', code: variant(['arrests: {value: 2, unit: persons, source: medialine}\n', '']) + suspects('A', 'B', 'C') },
  ],
  invalid: [
    {
      name: 'three named, two arrested',
      code: BASE + suspects('Ahmad K.', 'Omar S.', 'Khaled M.'),
      errors: [{ messageId: 'tooMany', line: 12, column: 18, data: { count: 3, arrests: '2', allowed: 2 } }],
    },
    {
      name: 'shorthand',
      code: arrests('1') + suspects('A', 'B'),
      errors: [{ messageId: 'tooMany', line: 12, column: 10, data: { count: 2, arrests: '1' } }],
    },
    {
      name: '"fewer than 3" allows two',
      code: arrests('{value: 3, qualifier: less_than, source: medialine}') + suspects('A', 'B', 'C'),
      errors: [{ messageId: 'tooManyQualified', data: { arrests: 'fewer than 3', allowed: 2 } }],
    },
    {
      name: '"about 2" does not allow four',
      code: arrests('{value: 2, qualifier: about, source: medialine}') + suspects('A', 'B', 'C', 'D'),
      errors: [{ messageId: 'tooManyQualified', data: { arrests: 'about 2', allowed: 3 } }],
    },
    {
      name: 'a range, on its max',
      code: arrests('{qualifier: range, min: 1, max: 2, source: medialine}') + suspects('A', 'B', 'C'),
      errors: [{ messageId: 'tooManyQualified', line: 12, column: 42, data: { arrests: '1–2' } }],
    },
    {
      name: 'two sources: only the figure the names contradict',
      code: arrests('\n  - {value: 2, source: medialine}\n  - {value: 5, source: medialine}') + suspects('A', 'B', 'C'),
      errors: [{ messageId: 'tooMany', line: 13, column: 13 }],
    },
  ],
});
