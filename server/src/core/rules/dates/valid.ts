import { defineRule } from '../rule';
import { notADay, stringsOf } from '../../model/event';

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
    // Every string written like a day, outside the sources' own words (quoted as they are).
    for (const { text: date, pointer } of stringsOf(ctx.document.value).days) {
      const why = notADay(date);
      if (why) ctx.report({ messageId: 'impossible', data: { date, why }, pointer });
    }
  },
});
