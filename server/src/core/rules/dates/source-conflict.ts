import { defineRule } from '../rule';
import { formatDays } from '../../read/date-words';
import { type ClaimView, claimViews, eventOf, isObj, quoted } from './shared';

/** A `conflicts` entry on the date that names both sources (or names no values at all) settles the pair. */
function settled(event: Record<string, unknown>, a: ClaimView, b: ClaimView): boolean {
  if (!Array.isArray(event.conflicts)) return false;
  return event.conflicts.some((c) => {
    if (!isObj(c) || typeof c.field !== 'string' || !/^date(?:\[\d+\])?$/.test(c.field.trim())) return false;
    if (!Array.isArray(c.values) || c.values.length === 0) return true;
    const named = new Set(c.values.map((v) => (isObj(v) ? v.source : undefined)).filter((s) => typeof s === 'string'));
    return [a.claim.source, b.claim.source].every((s) => s === undefined || named.has(s));
  });
}

const overlap = (a: ClaimView['days'], b: ClaimView['days']) =>
  !(a.start && b.end && a.start > b.end) && !(b.start && a.end && b.start > a.end);

export default defineRule({
  meta: {
    id: 'dates/source-conflict',
    description:
      'Two sources date the same thing (the event, or its announcement) with periods that cannot both be true, and no `conflicts` entry on `date` settles it.',
    defaultSeverity: 'error',
    appliesTo: ['event'],
    messages: {
      conflict:
        '{sourceB} dates the {what} {daysB}{wordsB}, {sourceA} {daysA}{wordsA}: the two periods do not overlap. Correct one claim, or settle the disagreement under conflicts (field: date).',
    },
  },
  check(ctx) {
    const event = eventOf(ctx);
    if (!event) return;
    const views = claimViews(event);
    for (let j = 1; j < views.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = views[i];
        const b = views[j];
        if (a.claim.refers_to !== b.claim.refers_to) continue;
        if (a.claim.source !== undefined && a.claim.source === b.claim.source) continue;
        if (!a.claim.interval || !b.claim.interval) continue;
        if (overlap(a.days, b.days) || settled(event, a, b)) continue;
        ctx.report({
          messageId: 'conflict',
          pointer: b.valuePointer,
          data: {
            what: b.claim.refers_to === 'announcement' ? 'announcement' : 'event',
            sourceA: a.claim.source ?? `date claim ${a.claim.pointer}`,
            sourceB: b.claim.source ?? `date claim ${b.claim.pointer}`,
            daysA: formatDays(a.days.start, a.days.end),
            daysB: formatDays(b.days.start, b.days.end),
            wordsA: quoted(a.claim),
            wordsB: quoted(b.claim),
            claims: [a.claim.pointer, b.claim.pointer],
          },
        });
      }
    }
  },
});
