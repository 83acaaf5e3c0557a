import { defineRule } from '../rule';
import { dayNumber } from '../../model/event';
import { type EventFacts, extractFacts, normaliseUrl } from '../../model/dataset-index';
import { formatNumber } from '../../base/format';
import { normaliseAdmin1 } from '../../read/places';
import { isSelf, whereIs } from './self';

/** A drug id that says nothing about which drug it was does not make two events alike. */
const VAGUE_DRUGS = new Set(['unspecified', 'unknown', 'other']);

interface Span {
  start: number;
  end: number;
}

/** Spans already worked out: an event's facts are compared with those of every event near it. */
const spans = new WeakMap<EventFacts, Span | undefined>();

/** Days an event's dates allow; an open end is read as the known end (a range "up to 15 January" is near 15 January). */
function spanOf(f: EventFacts): Span | undefined {
  if (spans.has(f)) return spans.get(f);
  const span = computeSpan(f);
  spans.set(f, span && Object.freeze(span));
  return span;
}

function computeSpan(f: EventFacts): Span | undefined {
  const s = f.interval?.start ?? f.interval?.end;
  const e = f.interval?.end ?? f.interval?.start;
  if (!s || !e) return undefined;
  return { start: dayNumber(s), end: dayNumber(e) };
}

function gap(a: Span, b: Span): number {
  if (a.end < b.start) return b.start - a.end;
  if (b.end < a.start) return a.start - b.end;
  return 0;
}

/**
 * The figures that say most about an event's size: those written with three significant digits or
 * more when there are any ("1,133 kg", not the headline's "1 t"), else all of them.
 */
function precise(values: number[]): number[] {
  const sig = (v: number) => String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '').length;
  const exact = values.filter((v) => sig(v) >= 3);
  return exact.length ? exact : values;
}

const num = (x: unknown, d: number) => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : d);

export default defineRule({
  meta: {
    id: 'events/possible-duplicate',
    description:
      'Another event looks like the same seizure: the same drug, dates within a few days and quantities within about 10%, in the same country or reported by the same article. Look-alikes with quantities or dates apart are left alone. It proposes; it never merges.',
    defaultSeverity: 'warning',
    appliesTo: ['event'],
    optionsSchema: {
      type: 'object',
      properties: {
        days: { type: 'number', minimum: 0, description: 'How many days apart two events may be and still look alike (default 3: a week apart in the same port is two seizures).' },
        tolerance: { type: 'number', minimum: 0, maximum: 1, description: 'Largest relative difference of two quantities that still look alike (default 0.1).' },
      },
      additionalProperties: false,
    },
    messages: {
      similar:
        'This event may be the same as "{otherId}" ({other}): {reasons}. If it is, merge the two; if not, name "{otherId}" in notes and say how they differ.',
      sameUrl:
        'This event cites the same article as "{otherId}" ({other}), {url}, and nothing tells them apart: {reasons}. If they are one seizure, merge them; if not, name "{otherId}" in notes and say how they differ.',
    },
  },
  check(ctx) {
    const index = ctx.dataset.index;
    const v = ctx.document.value as Record<string, unknown> | undefined;
    if (!index || !v || typeof v !== 'object' || Array.isArray(v)) return;
    const days = num(ctx.options.days, 3);
    const tolerance = num(ctx.options.tolerance, 0.1);
    // Facts of this document as it is now (the index may hold an older version).
    const self = extractFacts(ctx.path ?? '', ctx.file).find((f) => f.docIndex === ctx.document.index);
    if (!self) return;
    // An event whose notes already name the other event has been looked at.
    const notes = [v.notes, v.summary].filter((x): x is string => typeof x === 'string').join(' ');
    const selfUrls = new Map(self.urls.map((u) => [normaliseUrl(u.url), u.url]));
    const selfSpan = spanOf(self);
    const selfDrugs = self.drugs.filter((d) => !VAGUE_DRUGS.has(d));

    const seen = new Set<string>();
    // Only the events that share a URL, or a country and a drug within `days`: not every pair.
    for (const other of index.near ? index.near(self, days) : index.events()) {
      if (isSelf(ctx, other)) continue;
      const key = `${other.file}#${other.docIndex}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (other.id && self.id && other.id === self.id) continue; // events/duplicate-id says so
      if (other.id && notes.includes(other.id)) continue;
      const otherId = other.id ?? 'another event';

      let sharedUrl: string | undefined;
      for (const u of other.urls) {
        const n = normaliseUrl(u.url);
        if (selfUrls.has(n)) {
          sharedUrl = n;
          break;
        }
      }
      // One article often reports several seizures: a shared address is a reason, not proof. Two
      // events are alike only when their drug, dates and quantities could be one seizure.
      // Two countries are two places, whatever the article; without a shared article the country must be known.
      if (self.country && other.country && self.country !== other.country) continue;
      if (!sharedUrl && (!self.country || self.country !== other.country)) continue;
      const drugs = selfDrugs.filter((d) => other.drugs.includes(d));
      if (drugs.length === 0) continue;
      // Two provinces are two places: one seizure is not reported in both.
      if (self.admin1 && other.admin1 && self.country === other.country && normaliseAdmin1(self.admin1) !== normaliseAdmin1(other.admin1)) continue;
      const otherSpan = spanOf(other);
      if (!sharedUrl && (!selfSpan || !otherSpan)) continue;
      const apart = selfSpan && otherSpan ? gap(selfSpan, otherSpan) : undefined;
      if (apart !== undefined && apart > days) continue;

      // Quantities: some pair of the same drug and kind within tolerance; none differing more.
      const close: string[] = [];
      let far = false;
      let comparable = false;
      for (const d of drugs) {
        for (const kind of ['count', 'kg'] as const) {
          const a = precise(self.quantities.filter((q) => q.drug === d && q.kind === kind).map((q) => q.value));
          const b = precise(other.quantities.filter((q) => q.drug === d && q.kind === kind).map((q) => q.value));
          if (a.length === 0 || b.length === 0) continue;
          comparable = true;
          let best: { x: number; y: number; rel: number } | undefined;
          for (const x of a)
            for (const y of b) {
              const rel = Math.max(x, y) === 0 ? 0 : Math.abs(x - y) / Math.max(x, y);
              if (!best || rel < best.rel) best = { x, y, rel };
            }
          if (!best) continue;
          if (best.rel <= tolerance) {
            const unit = kind === 'kg' ? ' kg' : '';
            close.push(
              best.rel === 0
                ? `${d} ${kind === 'kg' ? 'weight' : 'count'} ${formatNumber(best.x)}${unit} in both`
                : `${d} ${kind === 'kg' ? 'weights' : 'counts'} ${formatNumber(best.x)}${unit} and ${formatNumber(best.y)}${unit} differ by ${formatNumber(best.rel * 100, 1)}%`,
            );
          } else far = true;
        }
      }
      if (far || (comparable && close.length === 0)) continue;
      if (sharedUrl) {
        const reasons = [
          `both ${drugs.join(', ')}`,
          apart === undefined ? 'dates unknown' : apart === 0 ? 'dates overlap' : `dates ${apart} day${apart === 1 ? '' : 's'} apart`,
          ...(comparable ? close : ['no quantities of the same kind to compare']),
        ];
        ctx.report({ messageId: 'sameUrl', data: { otherId, other: whereIs(other), url: selfUrls.get(sharedUrl), reasons: reasons.join(', ') }, pointer: '/id' });
        continue;
      }
      if (!selfSpan || !otherSpan || apart === undefined) continue;
      const narrow = selfSpan.end - selfSpan.start <= days && otherSpan.end - otherSpan.start <= days;
      if (far || (comparable && close.length === 0)) continue;
      // Two events with no comparable quantity look alike only when both are dated to within a few days.
      if (!comparable && !narrow) continue;
      const reasons = [
        `both in ${self.country}`,
        `both ${drugs.join(', ')}`,
        apart === 0 ? 'dates overlap' : `dates ${apart} day${apart === 1 ? '' : 's'} apart`,
        ...(comparable ? close : ['no quantities of the same kind to compare']),
      ];
      ctx.report({ messageId: 'similar', data: { otherId, other: whereIs(other), reasons: reasons.join(', ') }, pointer: '/id' });
    }
  },
});
