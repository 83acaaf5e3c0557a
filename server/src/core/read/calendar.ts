/** Calendar arithmetic on YYYY-MM-DD days and partial dates (YYYY, YYYY-MM). Pure functions. */

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as the first and last day it may mean. */
export interface DayInterval {
  /** First possible day, YYYY-MM-DD. */
  start: string;
  /** Last possible day, YYYY-MM-DD. */
  end: string;
  precision: 'day' | 'month' | 'year';
}

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  // The calendar's rule, as Date.UTC applies it; Date itself for what it reads otherwise (years
  // 0–99 are 1900–1999 to it, months outside 1–12 roll over).
  if (Number.isInteger(year) && year >= 100 && Number.isInteger(month) && month >= 1 && month <= 12) return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1];
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Parses a partial date; undefined for anything else (including impossible days like 2025-02-30). */
export function partialDate(s: unknown): DayInterval | undefined {
  if (typeof s !== 'string') return undefined;
  const m = PARTIAL.exec(s);
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3]) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
    return { start: s, end: s, precision: 'day' };
  }
  if (m[2]) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}`, precision: 'month' };
  }
  return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `s` is not a day of the calendar written YYYY-MM-DD ("February 2025 has 28 days"), or undefined
 * when it is one. Impossible days must be said, not read: Date.UTC rolls 2025-02-30 over to 2 March.
 */
export function notADay(s: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return 'a day is written YYYY-MM-DD';
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12) return `there is no month ${m[2]}`;
  if (d < 1) return `there is no day ${m[3]}`;
  const days = daysInMonth(y, mo);
  if (d <= days) return undefined;
  if (mo === 2 && d === 29) return `${y} is not a leap year, so February ${y} has 28 days`;
  return `${MONTHS[mo - 1]} ${y} has ${days} days`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(ymd: string): number {
  // Every rule that compares dates counts days: YYYY-MM-DD is read without a Date (the same count,
  // tested against Date.UTC); anything else as Date.UTC reads it.
  if (ymd.length === 10 && ymd.charCodeAt(4) === 45 && ymd.charCodeAt(7) === 45) {
    const y = digits(ymd, 0, 4);
    const m = digits(ymd, 5, 7);
    const d = digits(ymd, 8, 10);
    if (y >= 100 && m >= 1 && m <= 12 && d >= 0) return daysFromCivil(y, m, d);
  }
  const [y, m, d] = ymd.split('-').map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

/** The number written by the ASCII digits from `start` to `end`, or -1 when one is not a digit. */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01 of a day of the proleptic Gregorian calendar (year ≥ 0, month 1–12; a day
 * past the month's end runs on into the next, as with Date.UTC). H. Hinnant's days_from_civil.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * 86400000);
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayOf(ymd: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${ymd}T00:00:00Z`).getUTCDay()];
}
