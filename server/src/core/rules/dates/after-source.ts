import { defineRule } from '../rule';
import { dayNumber, fromDayNumber, partialDate } from '../../model/event';
import { formatDays } from '../../read/date-words';
import { claimViews, eventOf, publications, quoted, sourceName } from './shared';

export default defineRule({
  meta: {
    id: 'dates/after-source',
    description:
      'The event (a date claim, or `announced`) is dated after the earliest publication of its sources: a report cannot date what had not happened when it appeared.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      event:
        '{who} dates the event {claim}{words}, after {source} was published on {published}: its first possible day, {first}, is later than the publication. Correct the date, or check the publication date.',
      announcement:
        '{who} dates the announcement {claim}{words}, after {source} was published on {published}: its first possible day, {first}, is later than the publication. Correct the date, or check the publication date.',
      announced:
        'announced: {announced} is after {source} was published on {published}: the first possible day of the announcement, {first}, is later than the publication. Correct the date, or check the publication date.',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    // The earliest publication: the source whose last possible publication day comes first.
    const pubs = publications(event);
    if (pubs.length === 0) return; // sources/missing-published says which sources lack a date
    const earliest = pubs.reduce((a, b) => (b.published.end < a.published.end ? b : a));
    const data = { source: sourceName(earliest.source), published: earliest.source.published };

    for (const v of claimViews(event)) {
      // Roughly dated words ("two years ago") reach back by their slack.
      const first = v.days.start && v.slackDays ? fromDayNumber(dayNumber(v.days.start) - v.slackDays) : v.days.start;
      if (!first || first <= earliest.published.end) continue;
      ctx.report({
        messageId: v.claim.refers_to === 'announcement' ? 'announcement' : 'event',
        pointer: v.valuePointer,
        data: {
          ...data,
          claim: formatDays(v.days.start, v.days.end),
          words: quoted(v.claim),
          first: formatDays(first, first),
          claimSource: v.claim.source,
          who: v.claim.source ?? 'A date claim',
        },
      });
    }

    const announced = partialDate(event.announced);
    if (announced && announced.start > earliest.published.end) {
      ctx.report({
        messageId: 'announced',
        pointer: '/announced',
        data: { ...data, announced: event.announced, first: formatDays(announced.start, announced.start) },
      });
    }
  },
});
