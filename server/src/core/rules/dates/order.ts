import { defineRule } from '../rule';
import { partialDate, sourcesOf } from '../../model/event';
import { formatDays } from '../../read/date-words';
import { claimViews, eventOf, quoted } from './shared';

export default defineRule({
  meta: {
    id: 'dates/order',
    description:
      "An event's dates are out of order: a range's `from` after its `to`, the event after its announcement, or any date after today.",
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      fromAfterTo: 'from: {from} is after to: {to}: the range is empty.',
      afterAnnounced: '{who} dates the event {claim}{words}, after it was announced ({announced}): an event cannot be announced before it happens.',
      afterAnnouncement:
        '{who} dates the event {claim}{words}, after {source} dates its announcement {announcement}: an event cannot be announced before it happens. Correct the claim (an announcement of another seizure?), or settle it under conflicts (field: date).',
      future: '{what} {value} is after today ({today}).',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    const views = claimViews(event);
    const today = typeof ctx.dataset.today === 'string' && partialDate(ctx.dataset.today)?.precision === 'day' ? ctx.dataset.today : undefined;
    const announced = partialDate(event.announced);
    const announcements = views.filter((v) => v.claim.refers_to === 'announcement');
    // The announcement that ends first (the first of them in order among equals): a claim starting after
    // any announcement ends starts after this one (one comparison a claim, not a search).
    let earliest: (typeof announcements)[number] | undefined;
    for (const x of announcements) if (x.days.end && (!earliest || x.days.end < earliest.days.end!)) earliest = x;

    for (const v of views) {
      const { claim } = v;
      // from ≤ to, precision-aware: "from: 2025-03, to: 2025-03-10" is fine.
      const from = partialDate(claim.from);
      const to = partialDate(claim.to);
      if (from && to && from.start > to.end) {
        ctx.report({ messageId: 'fromAfterTo', pointer: `${claim.pointer}/to`, data: { from: claim.from, to: claim.to } });
        continue;
      }
      // The event happens on or before its announcement.
      if (claim.refers_to !== 'announcement' && v.days.start) {
        const first = v.days.start;
        if (announced && first > announced.end) {
          ctx.report({
            messageId: 'afterAnnounced',
            pointer: v.valuePointer,
            data: { who: claim.source ?? 'A date claim', claim: formatDays(v.days.start, v.days.end), words: quoted(claim), announced: event.announced },
          });
        } else {
          const a = earliest && first > earliest.days.end! ? earliest : undefined;
          if (a)
            ctx.report({
              messageId: 'afterAnnouncement',
              pointer: v.valuePointer,
              data: {
                who: claim.source ?? 'A date claim',
                claim: formatDays(v.days.start, v.days.end),
                words: quoted(claim),
                source: a.claim.source ?? a.claim.pointer,
                announcement: formatDays(a.days.start, a.days.end),
              },
            });
        }
      }
      // No date after today (first possible day: "2026-03" is not in the future on 2026-03-01).
      if (today) {
        for (const key of ['on', 'from', 'to'] as const) {
          const d = partialDate(claim[key]);
          if (d && d.start > today)
            ctx.report({ messageId: 'future', pointer: `${claim.pointer}/${key}`, data: { what: `${key}:`, value: claim[key], today } });
        }
      }
    }

    if (today) {
      if (announced && announced.start > today)
        ctx.report({ messageId: 'future', pointer: '/announced', data: { what: 'announced:', value: event.announced, today } });
      for (const s of sourcesOf(event)) {
        const p = partialDate(s.published);
        if (p && p.start > today)
          ctx.report({ messageId: 'future', pointer: `${s.pointer}/published`, data: { what: `published: (${s.id})`, value: s.published, today } });
      }
    }
  },
});
