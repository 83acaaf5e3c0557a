import { defineRule } from '../rule';
import { dayNumber } from '../../model/event';
import { type EventFacts, type Kin, extractFacts, factsAt, normaliseUrl } from '../../model/dataset-index';
import { formatNumber, listCounted } from '../../base/format';
import { normaliseAdmin1 } from '../../read/places';
import { EVENTS_NAMED, NAMED_FROM, datasetOrder, whereIs } from './self';

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
 * Kinds of look-alike events (kins: events whose facts compare alike) an event is compared with, at
 * most. A thousand copies of one event are one kin; only a crafted crowd of distinct events near one
 * reaches this, and the finding then says so.
 */
export const MAX_KINS = 256;

/** Words of notes that may be event ids (the schema's ids are lower-case words joined by hyphens). */
const ID_WORDS = /[a-z0-9]+(?:-[a-z0-9]+)+/g;

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

/** How many days apart two events may be and still look alike, unless the `days` option says otherwise. */
export const DEFAULT_DAYS = 3;

/** The `days` this rule compares with, from its options (the editor re-checks the files within them, rules/related.ts). */
export function duplicateDays(options: Record<string, unknown> | undefined): number {
  return num(options?.days, DEFAULT_DAYS);
}

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
      group:
        'This event may be the same seizure as {count} other events: {others}. With "{otherId}": {reasons}. Merge those that are one seizure; name the others in notes and say how they differ.',
      crowded:
        'More than {limit} kinds of events lie near this one (the same country and drug, or the same article, with dates within {days} days); it was compared with {limit} of them only. Check the others for duplicates, or name them in notes.',
    },
  },
  check(ctx) {
    const index = ctx.dataset.index;
    const v = ctx.document.value as Record<string, unknown> | undefined;
    if (!index || !v || typeof v !== 'object' || Array.isArray(v)) return;
    const days = duplicateDays(ctx.options);
    const tolerance = num(ctx.options.tolerance, 0.1);
    // Facts of this document as it is now (the index may hold an older version).
    const self = factsAt(extractFacts(ctx.path ?? '', ctx.file), ctx.document.index);
    if (!self) return;
    // An event whose notes already name the other event has been looked at; an event with the same
    // id is events/duplicate-id's (both are counted out of every kin by id, not one by one).
    const notes = [v.notes, v.summary].filter((x): x is string => typeof x === 'string').join(' ');
    const excludedIds = new Set<string>();
    for (const word of notes.match(ID_WORDS) ?? []) if (index.byId(word).size) excludedIds.add(word);
    if (self.id) excludedIds.add(self.id);
    const indexed = ctx.path !== undefined ? index.at(ctx.path, ctx.document.index) : undefined;
    const compare = comparer(self, days, tolerance);

    const { kins, truncated } = index.lookalikes(self, days, MAX_KINS);
    let count = 0;
    const examples: { other: EventFacts; verdict: Verdict }[] = [];
    let fallback: { other: EventFacts; verdict: Verdict } | undefined;
    for (const { kin, citing } of kins) {
      const similar = compare(kin.sample, undefined);
      const shared = citing > 0 ? sharedUrlOf(self, kin) : undefined;
      const byUrl = shared ? compare(kin.sample, shared) : undefined;
      if (!similar && !byUrl) continue;
      const members = similar ? kin.members.size : citing;
      const n = Math.max(0, members - excluded(kin, excludedIds, indexed));
      if (n === 0) continue;
      count += n;
      fallback ??= { other: kin.sample, verdict: (similar ?? byUrl)! };
      // Candidates for the message (a bounded look: the kin may be thousands of copies).
      let looked = 0;
      for (const other of kin.members) {
        if (examples.length >= NAMED_FROM || ++looked > 64) break;
        if (other === indexed || (other.file === ctx.path && other.docIndex === ctx.document.index) || (other.id && excludedIds.has(other.id))) continue;
        const cites = shared !== undefined && other.urls.some((u) => normaliseUrl(u.url) === shared);
        const verdict = cites ? byUrl : similar;
        if (verdict) examples.push({ other, verdict });
      }
    }
    // The message names the first few in dataset order, whatever order the index holds them in.
    examples.sort((a, b) => datasetOrder(a.other, b.other));
    examples.length = Math.min(examples.length, EVENTS_NAMED);
    if (truncated) ctx.report({ messageId: 'crowded', data: { limit: MAX_KINS, days }, pointer: '/id' });
    if (count === 0 || !fallback) return;
    const first = examples[0] ?? fallback;
    const otherId = first.other.id ?? 'another event';
    if (count === 1) {
      const { messageId, reasons, url } = first.verdict;
      ctx.report({ messageId, data: { otherId, other: whereIs(first.other), reasons, ...(url ? { url: self.urls.find((u) => normaliseUrl(u.url) === url)?.url ?? url } : {}) }, pointer: '/id' });
      return;
    }
    const names = examples.map((e) => `"${e.other.id ?? 'an event'}" (${whereIs(e.other)})`);
    ctx.report({ messageId: 'group', data: { count, others: listCounted(names, count, EVENTS_NAMED), otherId, reasons: first.verdict.reasons }, pointer: '/id' });
  },
});

/** Members of a kin that are not compared: this document itself, events with its id, events its notes name. */
function excluded(kin: Kin, ids: ReadonlySet<string>, indexed: EventFacts | undefined): number {
  let n = 0;
  if (ids.size <= kin.ids.size) {
    for (const id of ids) n += kin.ids.get(id) ?? 0;
  } else {
    for (const [id, k] of kin.ids) if (ids.has(id)) n += k;
  }
  if (indexed && kin.members.has(indexed) && !(indexed.id && ids.has(indexed.id))) n++;
  return n;
}

/** A URL of `self` (normalised) that some member of the kin cites. */
function sharedUrlOf(self: EventFacts, kin: Kin): string | undefined {
  const mine = new Set(self.urls.map((u) => normaliseUrl(u.url)));
  let looked = 0;
  for (const m of kin.members) {
    for (const u of m.urls) {
      const n = normaliseUrl(u.url);
      if (mine.has(n)) return n;
    }
    if (++looked > 64) break;
  }
  return mine.values().next().value;
}

/** An event's quantities by drug and kind, the precise ones of each, sorted (worked out once per event). */
const sortedQuantities = new WeakMap<EventFacts, Map<string, number[]>>();

function quantitiesOf(f: EventFacts): Map<string, number[]> {
  let byKey = sortedQuantities.get(f);
  if (!byKey) {
    byKey = new Map();
    for (const q of f.quantities) {
      const key = `${q.drug}\0${q.kind}`;
      const list = byKey.get(key);
      if (list) list.push(q.value);
      else byKey.set(key, [q.value]);
    }
    // The precise figures of each list, sorted.
    for (const [key, list] of byKey) byKey.set(key, precise(list).sort((x, y) => x - y));
    sortedQuantities.set(f, byKey);
  }
  return byKey;
}

/**
 * The pair (one of `a`, one of `b`, both sorted) with the smallest relative difference. It grows with
 * the distance of the two numbers in value order, so the closest pair sits side by side in the merged
 * order: one walk over both lists, not every pair (an event of 8,000 seizures against its copy).
 */
function closestPair(a: readonly number[], b: readonly number[]): { x: number; y: number; rel: number } | undefined {
  const rel = (x: number, y: number) => (Math.max(x, y) === 0 ? 0 : Math.abs(x - y) / Math.max(x, y));
  let best: { x: number; y: number; rel: number } | undefined;
  let i = 0;
  let j = 0;
  let lastA: number | undefined;
  let lastB: number | undefined;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] <= b[j])) {
      const x = a[i++];
      if (lastB !== undefined) {
        const r = rel(x, lastB);
        if (!best || r < best.rel) best = { x, y: lastB, rel: r };
      }
      lastA = x;
    } else {
      const y = b[j++];
      if (lastA !== undefined) {
        const r = rel(lastA, y);
        if (!best || r < best.rel) best = { x: lastA, y, rel: r };
      }
      lastB = y;
    }
  }
  return best;
}

interface Verdict {
  messageId: 'similar' | 'sameUrl';
  reasons: string;
  /** The shared article (normalised), for sameUrl. */
  url?: string;
}

/**
 * Whether another event looks like `self`: through a shared article (`sharedUrl`), or by country,
 * drug, dates and quantities. What it compares is what events of one kin share, so one comparison
 * speaks for the whole kin.
 */
function comparer(self: EventFacts, days: number, tolerance: number): (other: EventFacts, sharedUrl: string | undefined) => Verdict | undefined {
  const selfSpan = spanOf(self);
  const selfDrugs = self.drugs.filter((d) => !VAGUE_DRUGS.has(d));
  return (other, sharedUrl) => {
    // One article often reports several seizures: a shared address is a reason, not proof. Two
    // events are alike only when their drug, dates and quantities could be one seizure.
    // Two countries are two places, whatever the article; without a shared article the country must be known.
    if (self.country && other.country && self.country !== other.country) return undefined;
    if (!sharedUrl && (!self.country || self.country !== other.country)) return undefined;
    const drugs = selfDrugs.filter((d) => other.drugs.includes(d));
    if (drugs.length === 0) return undefined;
    // Two provinces are two places: one seizure is not reported in both.
    if (self.admin1 && other.admin1 && self.country === other.country && normaliseAdmin1(self.admin1) !== normaliseAdmin1(other.admin1)) return undefined;
    const otherSpan = spanOf(other);
    if (!sharedUrl && (!selfSpan || !otherSpan)) return undefined;
    const apart = selfSpan && otherSpan ? gap(selfSpan, otherSpan) : undefined;
    if (apart !== undefined && apart > days) return undefined;

    // Quantities: some pair of the same drug and kind within tolerance; none differing more.
    const close: string[] = [];
    let far = false;
    let comparable = false;
    const mine = quantitiesOf(self);
    const theirs = quantitiesOf(other);
    for (const d of drugs) {
      for (const kind of ['count', 'kg'] as const) {
        const a = mine.get(`${d}\0${kind}`);
        const b = theirs.get(`${d}\0${kind}`);
        if (!a || !b) continue;
        comparable = true;
        const best = closestPair(a, b);
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
    if (far || (comparable && close.length === 0)) return undefined;
    if (sharedUrl) {
      const reasons = [
        `both ${drugs.join(', ')}`,
        apart === undefined ? 'dates unknown' : apart === 0 ? 'dates overlap' : `dates ${apart} day${apart === 1 ? '' : 's'} apart`,
        ...(comparable ? close : ['no quantities of the same kind to compare']),
      ];
      return { messageId: 'sameUrl', reasons: reasons.join(', '), url: sharedUrl };
    }
    if (!selfSpan || !otherSpan || apart === undefined) return undefined;
    const narrow = selfSpan.end - selfSpan.start <= days && otherSpan.end - otherSpan.start <= days;
    // Two events with no comparable quantity look alike only when both are dated to within a few days.
    if (!comparable && !narrow) return undefined;
    const reasons = [
      `both in ${self.country}`,
      `both ${drugs.join(', ')}`,
      apart === 0 ? 'dates overlap' : `dates ${apart} day${apart === 1 ? '' : 's'} apart`,
      ...(comparable ? close : ['no quantities of the same kind to compare']),
    ];
    return { messageId: 'similar', reasons: reasons.join(', ') };
  };
}
