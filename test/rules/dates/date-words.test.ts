import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDays,
  fullDay,
  readDateWords,
  resolveReading,
  weekdayCandidates,
  weekdayNumber,
  weekdaysIn,
} from '../../../server/src/core/read/date-words';

/** Reads the words and resolves them: "start..end", or "needs <what>", or undefined for no date words. */
function days(words: string, opts: { year?: number; reference?: string } = {}): string | undefined {
  const r = readDateWords(words);
  if (!r) return undefined;
  const x = resolveReading(r, opts);
  return x.ok ? `${x.start}..${x.end}` : `needs ${x.needs}`;
}

test('months and parts of months', () => {
  assert.equal(days('In February', { year: 2025 }), '2025-02-01..2025-02-28');
  assert.equal(days('In February', { year: 2024 }), '2024-02-01..2024-02-29');
  assert.equal(days('In mid-March', { year: 2025 }), '2025-03-11..2025-03-20');
  assert.equal(days('in the middle of March', { year: 2025 }), '2025-03-11..2025-03-20');
  assert.equal(days('In early April', { year: 2025 }), '2025-04-01..2025-04-10');
  assert.equal(days('late February 2025'), '2025-02-21..2025-02-28');
  assert.equal(days('at the end of January', { year: 2026 }), '2026-01-21..2026-01-31');
  assert.equal(days('the first week of March 2025'), '2025-03-01..2025-03-07');
  assert.equal(days('the last week of February 2025'), '2025-02-22..2025-02-28');
  assert.equal(readDateWords('In mid-March')?.level, 'part-month');
  assert.equal(readDateWords('In mid-March')?.label, 'mid-March');
  assert.equal(readDateWords('In early April')?.label, 'early April');
  assert.equal(readDateWords('In February')?.level, 'month');
});

test('a month without a year takes the year from the claim, else the latest before the reference', () => {
  assert.equal(days('in March'), 'needs year');
  assert.equal(days('in March', { reference: '2025-09-14' }), '2025-03-01..2025-03-31');
  assert.equal(days('in December', { reference: '2025-09-14' }), '2024-12-01..2024-12-31');
  assert.equal(days('in March 2024', { year: 2025 }), '2024-03-01..2024-03-31');
});

test('days', () => {
  assert.equal(days('On January 15', { year: 2026 }), '2026-01-15..2026-01-15');
  assert.equal(days('15 January 2026'), '2026-01-15..2026-01-15');
  assert.equal(days('on the 14th of March, 2025'), '2025-03-14..2025-03-14');
  assert.equal(days('March 14th, 2025'), '2025-03-14..2025-03-14');
  assert.equal(readDateWords('On January 15')?.level, 'day');
});

test('years and parts of years', () => {
  assert.equal(days('in 2025'), '2025-01-01..2025-12-31');
  assert.equal(days('late 2024'), '2024-09-01..2024-12-31');
  assert.equal(days('mid-2025'), '2025-05-01..2025-08-31');
  assert.equal(days('by the end of 2024'), '2024-09-01..2024-12-31');
  assert.equal(readDateWords('late 2024')?.level, 'part-year');
  assert.equal(readDateWords('in 2025')?.level, 'year');
});

test('relative words need the publication date', () => {
  assert.equal(days('last month'), 'needs reference');
  assert.equal(days('last month', { reference: '2025-04-02' }), '2025-03-01..2025-03-31');
  assert.equal(days('last month', { reference: '2026-01-10' }), '2025-12-01..2025-12-31');
  assert.equal(days('Over the past week', { reference: '2025-04-02' }), '2025-03-26..2025-04-02');
  assert.equal(days('last week', { reference: '2025-04-02' }), '2025-03-20..2025-04-01');
  assert.equal(days('earlier this month', { reference: '2025-04-12' }), '2025-04-01..2025-04-12');
  assert.equal(days('yesterday', { reference: '2025-03-01' }), '2025-02-28..2025-02-28');
  assert.equal(days('in recent days', { reference: '2025-03-11' }), '2025-03-01..2025-03-11');
  assert.equal(days('a partial month', { reference: '2025-04-02' }), undefined);
  assert.equal(days('last month', { reference: '2025-04' }), 'needs reference', 'a partial publication date is no reference');
  assert.equal(readDateWords('Over the past week')?.level, 'week');
  assert.equal(readDateWords('last month')?.level, 'month');
});

test('words that are no date', () => {
  assert.equal(readDateWords('Simultaneously'), undefined);
  assert.equal(readDateWords('previously announced'), undefined);
  assert.equal(readDateWords('the seizure may have been larger'), undefined, '"may" the verb is not the month');
  assert.equal(readDateWords(''), undefined);
  assert.equal(readDateWords(null), undefined);
  assert.equal(days('early May', { year: 2025 }), '2025-05-01..2025-05-10');
});

test('weekdays, English and Arabic', () => {
  assert.deepEqual(weekdaysIn('announced on Tuesday').map((m) => [m.weekday, m.last]), [[2, false]]);
  assert.deepEqual(weekdaysIn('the ministry said on Wednesday').map((m) => [m.weekday, m.last]), [[3, false]]);
  assert.deepEqual(weekdaysIn('last Wednesday').map((m) => [m.weekday, m.last]), [[3, true]]);
  assert.deepEqual(weekdaysIn('next Monday'), []);
  assert.deepEqual(weekdaysIn('أعلنت الوزارة يوم الأربعاء').map((m) => [m.weekday, m.last]), [[3, false]]);
  assert.deepEqual(weekdaysIn('يوم الثلاثاء الماضي').map((m) => [m.weekday, m.last]), [[2, true]]);
  assert.deepEqual(weekdaysIn('والخميس').map((m) => m.weekday), [4]);
  assert.deepEqual(weekdaysIn('يوم الأحد').map((m) => m.weekday), [0]);
  assert.deepEqual(weekdaysIn('أحد المهربين'), [], '"one of the smugglers" is not Sunday');
  assert.deepEqual(weekdaysIn('الاثنين من المهربين'), [], '"the two" is not Monday without يوم');
  assert.deepEqual(weekdaysIn('Simultaneously'), []);
});

test('weekday candidates up to the publication date', () => {
  assert.equal(weekdayNumber('2026-02-10'), 2); // a Tuesday
  assert.deepEqual(weekdayCandidates({ weekday: 2, last: false }, '2026-02-10'), ['2026-02-10']);
  assert.deepEqual(weekdayCandidates({ weekday: 3, last: false }, '2026-02-10'), ['2026-02-04']);
  assert.deepEqual(weekdayCandidates({ weekday: 3, last: true }, '2026-02-10'), ['2026-01-28', '2026-02-04']);
  assert.equal(days('on Wednesday', { reference: '2026-02-10' }), '2026-02-04..2026-02-04');
  assert.equal(days('on Wednesday'), 'needs reference');
});

test('Arabic months, parts and relative words', () => {
  assert.equal(days('منتصف آذار 2025'), '2025-03-11..2025-03-20');
  assert.equal(days('في شباط', { year: 2025 }), '2025-02-01..2025-02-28');
  assert.equal(days('أواخر فبراير', { year: 2025 }), '2025-02-21..2025-02-28');
  assert.equal(days('١٥ كانون الثاني ٢٠٢٦'), '2026-01-15..2026-01-15');
  assert.equal(days('الشهر الماضي', { reference: '2025-04-02' }), '2025-03-01..2025-03-31');
  assert.equal(days('خلال الأسبوع الماضي', { reference: '2025-04-02' }), '2025-03-26..2025-04-02');
  assert.equal(days('أواخر 2024'), '2024-09-01..2024-12-31');
});

test('showing intervals', () => {
  assert.equal(formatDays('2025-03-11', '2025-03-20'), '11–20 March 2025');
  assert.equal(formatDays('2025-02-01', '2025-02-28'), 'February 2025');
  assert.equal(formatDays('2025-01-01', '2025-12-31'), '2025');
  assert.equal(formatDays('2025-03-14', '2025-03-14'), '14 March 2025');
  assert.equal(formatDays('2025-02-01', '2025-03-31'), 'February–March 2025');
  assert.equal(formatDays('2025-02-21', '2025-03-10'), '21 February – 10 March 2025');
  assert.equal(formatDays('2024-12-21', '2025-01-10'), '21 December 2024 – 10 January 2025');
  assert.equal(formatDays(undefined, '2026-02-10'), 'on or before 10 February 2026');
  assert.equal(formatDays('2026-02-10', undefined), 'on or after 10 February 2026');
  assert.equal(fullDay('2026-02-10'), '2026-02-10');
  assert.equal(fullDay('2026-02'), undefined);
  assert.equal(fullDay(null), undefined);
});
