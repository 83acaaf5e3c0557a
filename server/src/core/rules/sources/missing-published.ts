import { defineRule } from '../rule';
import { dateClaimsOf, partialDate, sourcesOf, WEEKDAYS } from '../../model/event';

const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');

export default defineRule({
  meta: {
    id: 'sources/missing-published',
    description: 'A source has `published: null`: the date checks that compare the event with its publication cannot use it.',
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    messages: {
      missing: 'Source {source} has no publication date, so these checks cannot run against it: {checks}. Record the date when it is known.',
      missingNoChecks: 'Source {source} has no publication date; no date check of this event needs it yet. Record the date when it is known.',
    },
  },
  check(ctx) {
    const event = ctx.document.value;
    const sources = sourcesOf(event);
    const claims = dateClaimsOf(event);
    const announced = event && typeof event === 'object' ? partialDate((event as Record<string, unknown>).announced) : undefined;
    for (const s of sources) {
      if (s.published !== null) continue;
      const checks: string[] = [];
      if (claims.some((c) => c.interval)) checks.push('dates/after-source (is the event dated before the source reported it?)');
      const weekdays = claims.filter(
        (c) => typeof c.as_reported === 'string' && WEEKDAY_RE.test(c.as_reported) && (c.source === s.id || (!c.source && sources.length === 1)),
      );
      for (const c of weekdays) checks.push(`dates/weekday (does "${c.as_reported}" fall in the week before publication?)`);
      if (announced) checks.push('dates/order (is the announcement on or before publication?)');
      const source = s.publisher ? `"${s.id}" (${s.publisher})` : `"${s.id}"`;
      ctx.report({
        messageId: checks.length ? 'missing' : 'missingNoChecks',
        data: { source, id: s.id, checks: checks.join('; '), count: checks.length },
        pointer: `${s.pointer}/published`,
      });
    }
  },
});
