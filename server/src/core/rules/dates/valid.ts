import { defineRule } from '../rule';
import { formatPointer } from '../../base/pointer';
import { notADay } from '../../model/event';

/** Written like a day the schema's date pattern accepts (month 01–12, day 01–31). */
const DAY_SHAPED = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** The sources' own words are quoted as they are, impossible dates included. */
const WORDS = new Set(['as_reported', 'quotes']);

/** Every string of the value written like a day, with its path (`path` is the walk's stack: copied only for a match). */
function dayStrings(value: unknown, path: (string | number)[], out: [string, (string | number)[]][]): void {
  if (typeof value === 'string') {
    if (value.length === 10 && DAY_SHAPED.test(value)) out.push([value, [...path]]);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      dayStrings(value[i], path, out);
      path.pop();
    }
  } else if (value && typeof value === 'object') {
    for (const k of Object.keys(value)) {
      if (WORDS.has(k)) continue;
      path.push(k);
      dayStrings((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
}

/**
 * A date that is not on the calendar (2025-02-30, 29 February in a common year) fits the schema's
 * pattern, and every date rule would read it as another day (2025-02-30 is 2 March to Date.UTC).
 * It is reported where it is written, in events and in haulcheck.yaml (`today`).
 */
export default defineRule({
  meta: {
    id: 'dates/valid',
    description: 'Every date written YYYY-MM-DD is a day of the calendar: no 30 February, no 29 February in a common year, no 31 April.',
    defaultSeverity: 'error',
    appliesTo: ['event', 'config'],
    messages: {
      impossible: '{date} is not a date: {why}.',
    },
  },
  check(ctx) {
    const found: [string, (string | number)[]][] = [];
    dayStrings(ctx.document.value, [], found);
    for (const [date, path] of found) {
      const why = notADay(date);
      if (why) ctx.report({ messageId: 'impossible', data: { date, why }, pointer: formatPointer(path) });
    }
  },
});
