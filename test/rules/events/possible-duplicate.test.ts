import rule, { MAX_KINS } from '../../../server/src/core/rules/events/possible-duplicate';
import { ruleTester } from '../../helpers/rule-tester';
import { BASE, variant } from '../sources/fixture';

const P = 'events/2026/2026-02-22-sy-homs-captagon.yaml';
/** Another event, 2026-02-25 unless told otherwise, with its own URL. */
const other = (...pairs: [string, string][]) =>
  variant(
    ['id: 2026-02-22-sy-homs-captagon', 'id: 2026-02-25-sy-homs-captagon'],
    ['on: 2026-02-22', 'on: 2026-02-25'],
    ['example.org/homs-captagon', 'example.org/other-report'],
    ...pairs,
  );
const OTHER_PATH = 'events/2026/2026-02-25-sy-homs-captagon.yaml';

/** `n` copies of the other event in files of their own, ids differing by a suffix. */
const copies = (n: number, from = 0) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`events/2026/copy-${from + i}.yaml`, other(['id: 2026-02-25-sy-homs-captagon', `id: 2026-02-25-sy-homs-captagon-${from + i}`])]));

/** `n` events of distinct sizes (each its own kin), all within 10% of BASE's 400,000 pills. */
const crowd = (n: number) =>
  Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`events/2026/crowd-${i}.yaml`, other(['id: 2026-02-25-sy-homs-captagon', `id: 2026-02-25-sy-homs-crowd-${i}`], ['value: 400000', `value: ${400000 + i}`])]),
  );

ruleTester(rule, {
  valid: [
    { code: BASE, path: P },
    { name: 'another country', code: BASE, path: P, others: { [OTHER_PATH]: other(['country: SY', 'country: IQ']) } },
    { name: 'another drug', code: BASE, path: P, others: { [OTHER_PATH]: other(['drug: captagon', 'drug: hashish']) } },
    { name: 'more than 3 days apart: a week apart in the same place is two seizures', code: BASE, path: P, others: { [OTHER_PATH]: other(['on: 2026-02-25', 'on: 2026-03-01']) } },
    { name: 'quantities 20% apart', code: BASE, path: P, others: { [OTHER_PATH]: other(['value: 400000', 'value: 500000']) } },
    { name: 'a wider option: 8 days is not enough for 3 weeks', code: BASE, path: P, options: { days: 8 }, others: { [OTHER_PATH]: other(['on: 2026-02-25', 'on: 2026-03-15']) } },
    { name: 'notes already name the other event', code: BASE.replace('status: draft', 'status: draft\nnotes: Not 2026-02-25-sy-homs-captagon, a second shipment.'), path: P, others: { [OTHER_PATH]: other() } },
    {
      name: 'year-dated events with no quantity to compare',
      code: variant(['on: 2026-02-22, precision: day', 'on: "2026", precision: year'], ['    count: {value: 400000, unit: tablets, qualifier: about, source: medialine}\n', '']),
      path: P,
      others: { [OTHER_PATH]: other(['on: 2026-02-25, precision: day', 'on: "2026", precision: year']) },
    },
    { name: 'an unspecified drug is no common drug', code: variant(['drug: captagon', 'drug: unspecified']), path: P, others: { [OTHER_PATH]: other(['drug: captagon', 'drug: unspecified']) } },
    { name: 'no index', code: BASE, path: P, dataset: { index: undefined } },
    {
      name: 'one article reporting two seizures of different sizes is not a duplicate',
      code: BASE,
      path: P,
      others: { 'events/2025/old.yaml': other(['value: 400000', 'value: 2466563'], ['on: 2026-02-25', 'on: 2026-02-22'], ['example.org/other-report', 'example.org/homs-captagon']) },
    },
  ],
  invalid: [
    {
      name: 'a group: one finding naming the others, not one per pair',
      code: BASE,
      path: P,
      others: copies(3),
      errors: [
        {
          messageId: 'group',
          line: 1,
          data: { count: 3 },
          message:
            'the same seizure as 3 other events: "2026-02-25-sy-homs-captagon-0" (events/2026/copy-0.yaml, line 1), "2026-02-25-sy-homs-captagon-1" (events/2026/copy-1.yaml, line 1) and "2026-02-25-sy-homs-captagon-2" (events/2026/copy-2.yaml, line 1). With "2026-02-25-sy-homs-captagon-0": both in SY',
        },
      ],
    },
    {
      name: 'a large group is counted, its first few named',
      code: BASE,
      path: P,
      others: copies(40),
      errors: [{ messageId: 'group', data: { count: 40 }, message: '"2026-02-25-sy-homs-captagon-3" (events/2026/copy-3.yaml, line 1) and 36 more.' }],
    },
    {
      name: 'events its notes name and events with its id are left out of the group',
      code: BASE.replace('status: draft', 'status: draft\nnotes: Not 2026-02-25-sy-homs-captagon-0 nor 2026-02-25-sy-homs-captagon-1.'),
      path: P,
      others: { ...copies(3), 'events/2026/same-id.yaml': other(['id: 2026-02-25-sy-homs-captagon', 'id: 2026-02-22-sy-homs-captagon']) },
      errors: [{ messageId: 'similar', data: { otherId: '2026-02-25-sy-homs-captagon-2' } }],
    },
    {
      name: 'too many kinds of event near it: compared with the first ones, and said so',
      code: BASE,
      path: P,
      others: crowd(MAX_KINS + 2),
      errors: [
        { messageId: 'crowded', data: { limit: MAX_KINS } },
        { messageId: 'group', data: { count: MAX_KINS - 1 } }, // one of the kins compared is its own
      ],
    },
    {
      name: 'same country, drug, three days apart, same count',
      code: BASE,
      path: P,
      others: { [OTHER_PATH]: other() },
      errors: [
        {
          messageId: 'similar',
          line: 1,
          column: 5,
          data: { otherId: '2026-02-25-sy-homs-captagon', other: `${OTHER_PATH}, line 1` },
          message: 'both in SY, both captagon, dates 3 days apart, captagon count 400,000 in both',
        },
      ],
    },
    {
      name: 'counts within 10%',
      code: BASE,
      path: P,
      others: { [OTHER_PATH]: other(['value: 400000', 'value: 420000']) },
      errors: [{ messageId: 'similar', message: 'captagon counts 400,000 and 420,000 differ by 4.8%' }],
    },
    {
      name: 'a wider tolerance',
      code: BASE,
      path: P,
      options: { tolerance: 0.25 },
      others: { [OTHER_PATH]: other(['value: 400000', 'value: 500000']) },
      errors: [{ messageId: 'similar', message: 'differ by 20%' }],
    },
    {
      name: 'overlapping dates, weights in different units',
      code: variant(['    count: {value: 400000, unit: tablets, qualifier: about, source: medialine}', '    weight: {value: 65, unit: kg, source: medialine}']),
      path: P,
      others: { [OTHER_PATH]: other(['on: 2026-02-25', 'on: 2026-02-22'], ['    count: {value: 400000, unit: tablets, qualifier: about, source: medialine}', '    weight: {value: 66000, unit: g, source: medialine}']) },
      errors: [{ messageId: 'similar', message: 'dates overlap, captagon weights 65 kg and 66 kg differ by 1.5%' }],
    },
    {
      name: 'the same article, with nothing to tell the two events apart',
      code: BASE,
      path: P,
      others: { 'events/2025/old.yaml': other(['on: 2026-02-25', 'on: 2026-02-22'], ['example.org/other-report', 'example.org/homs-captagon']) },
      errors: [{ messageId: 'sameUrl', line: 1, data: { other: 'events/2025/old.yaml, line 1', url: 'https://example.org/homs-captagon' } }],
    },
  ],
});
