import { defineRule } from '../rule';
import { dateClaimsOf, partialDate, sourcesOf, WEEKDAYS } from '../../model/event';

const WEEKDAY_RE = new RegExp(`\\b(${WEEKDAYS.join('|')})\\b`, 'i');

function publishedNote(event: unknown, index: number): string | undefined {
  if (!event || typeof event !== 'object' || !Array.isArray((event as Record<string, unknown>).sources)) return undefined;
  const s = ((event as Record<string, unknown>).sources as unknown[])[index];
  const note = s && typeof s === 'object' ? (s as Record<string, unknown>).published_note : undefined;
  return typeof note === 'string' && note.trim() ? note.trim() : undefined;
}

/** The first sentence of a note, at most 80 characters. */
function shorten(note: string): string {
  const first = note.split(/(?<=[.;])\s/)[0].replace(/[.;]$/, '');
  return first.length > 80 ? `${first.slice(0, 79)}…` : first;
}

export default defineRule({
  meta: {
    id: 'sources/missing-published',
    description:
      'A source has `published: null`: the date checks that compare the event with its publication cannot use it. A warning until `published_note` says why the date is unknown; then information.',
    defaultSeverity: 'warning',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      missing:
        'Source {source} has no publication date, so these checks cannot run against it: {checks}. Record the date when it is known, or say in published_note why it is not.',
      missingNoChecks:
        'Source {source} has no publication date; no date check of this event needs it yet. Record the date when it is known, or say in published_note why it is not.',
      explained: 'Source {source} has no publication date ({note}), so these checks cannot run against it: {checks}.',
      explainedNoChecks: 'Source {source} has no publication date ({note}); no date check of this event needs it.',
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
      // The maintainer has said why the date is unknown: nothing to act on, but the skipped checks are still worth knowing.
      const note = publishedNote(event, s.index);
      ctx.report({
        messageId: note ? (checks.length ? 'explained' : 'explainedNoChecks') : checks.length ? 'missing' : 'missingNoChecks',
        data: { source, id: s.id, checks: checks.join('; '), count: checks.length, note: note ? shorten(note) : undefined },
        pointer: `${s.pointer}/published`,
        ...(note ? { severity: 'info' as const } : {}),
      });
    }
  },
});
