import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayNumber, daysInMonth, fromDayNumber } from '../../server/src/core/read/calendar';

// dayNumber and daysInMonth count without a Date for the common shapes; they must agree with
// Date.UTC, which they replaced, on every day and on the shapes Date reads its own way.
const byDate = (ymd: string) => {
  const [y, m, d] = ymd.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
};

test('dayNumber counts every day from 1600 to 2400 as Date.UTC does', () => {
  for (let n = byDate('1600-01-01'); n <= byDate('2400-12-31'); n++) {
    const ymd = fromDayNumber(n);
    assert.equal(dayNumber(ymd), n, ymd);
  }
});

test('dayNumber reads odd and out-of-range days as Date.UTC does', () => {
  const odd = ['2025-02-29', '2024-02-30', '2025-04-31', '2025-01-00', '2025-00-10', '2025-13-01', '0099-05-05', '0100-03-01', '0000-01-01', '2025-03', '2025', 'abcd-ef-gh', '2025-1-01', '20x5-01-01', '2025-01-99', '9999-12-31'];
  for (const s of odd) assert.ok(Object.is(dayNumber(s), byDate(s)), s);
});

test('daysInMonth agrees with Date.UTC, years 0-99 and months out of range included', () => {
  for (let y = 0; y <= 2500; y += y < 120 ? 1 : 7) {
    for (let m = -1; m <= 14; m++) assert.equal(daysInMonth(y, m), new Date(Date.UTC(y, m, 0)).getUTCDate(), `${y}-${m}`);
  }
  for (const y of [1900, 2000, 2100, 2024, 2025, 1600]) assert.equal(daysInMonth(y, 2), new Date(Date.UTC(y, 2, 0)).getUTCDate(), String(y));
  assert.equal(daysInMonth(2025.5, 2), new Date(Date.UTC(2025.5, 2, 0)).getUTCDate());
});
