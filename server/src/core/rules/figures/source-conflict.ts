import { defineRule, type Report, type RuleContext } from '../rule';
import { type Figure, type SlotRef, type SourceRef, slotsOf, sourcesOf, toKg } from '../../model/event';
import { pathToPointer, pointerToPath } from '../../base/pointer';
import { type ReadingOptions, asWritten, overlaps, significantDigits, bandFor, comparable, withSlotUnits, describeFigure, drugEntry, isObj, readingOf, READING_OPTIONS, spanOf, valuePointer } from './shared';
import { LIST_AT_MOST, formatBand, formatNumber, formatUnitMass, joinAtMost, listNames } from '../../base/format';
import { type Member, type Side, sidesOf } from './sides';

/** Slots settled by a `conflicts` entry: its `field` names the slot or something inside it. */
export function settledSlots(event: unknown): string[] {
  if (!isObj(event) || !Array.isArray(event.conflicts)) return [];
  const out: string[] = [];
  for (const c of event.conflicts) {
    if (!isObj(c) || typeof c.field !== 'string') continue;
    const p = pathToPointer(c.field.trim());
    if (p !== undefined) out.push(p);
  }
  return out;
}

/** Places of one side shown with a finding. */
const RELATED_PER_SIDE = 10;

const WHERE_WORDS: Record<string, string> = { headline: 'headline', lead: 'lead', body: 'text', caption: 'caption', url: 'web address' };

/** "1,160,500", or "1,160,500 / more than 1,000,000" for a side whose sources word it differently. */
function describeSide(side: Side): string {
  const texts = new Set<string>();
  for (const m of side.members) {
    texts.add(describeFigure(m.figure));
    if (texts.size > 3) break;
  }
  const shown = [...texts];
  return shown.length > 3 ? `${shown.slice(0, 3).join(' / ')} / …` : shown.join(' / ');
}

const list = (ids: readonly string[]) => listNames(ids, LIST_AT_MOST, 'other sources');

/** The places of each side, its first RELATED_PER_SIDE members (a finding points at a few, not thousands). */
function related(sides: readonly Side[]): NonNullable<Report['related']> {
  const out: NonNullable<Report['related']> = [];
  for (const side of sides)
    for (const m of side.members.slice(0, RELATED_PER_SIDE))
      out.push({
        message: `${m.figure.source ?? 'no source'}${m.figure.where ? ` (${WHERE_WORDS[m.figure.where] ?? m.figure.where})` : ''}: ${describeFigure(m.figure)}`,
        pointer: valuePointer(m.figure),
      });
  return out;
}

/** Which part of the slot a figure belongs to: the total, a named part, or a figure compared only with the total. */
function groupOf(f: Figure): { key: string; role: 'total' | 'part' | 'aggregate' } {
  if (f.scope === 'aggregate') return { key: 'aggregate', role: 'aggregate' };
  if (f.scope === 'part') return f.part ? { key: `part:${f.part.trim().toLowerCase()}`, role: 'part' } : { key: 'part', role: 'part' };
  // A count "as of" an earlier day is a count so far: a part of what a later count finds.
  if (f.as_of) return { key: 'part', role: 'part' };
  return { key: 'total', role: 'total' };
}

export default defineRule({
  meta: {
    id: 'figures/source-conflict',
    description:
      'The figures the sources give for one quantity (a count, a weight, a volume, a street value, arrests) cannot all be true, and no `conflicts` entry settles it. Sources that agree form one side; the finding sits on the outlier and names every source of each side. A part larger than the total, a sum of several seizures smaller than this one, and a source that contradicts itself are disagreements too.',
    defaultSeverity: 'error',
    reportsAbsence: true,
    appliesTo: ['event'],
    messages: {
      outlier:
        '{field}: {outlier} ({outlierSources}) cannot be true if {majority} ({majoritySources}) is{reason}: check the figure against its source, or record the disagreement under conflicts (field: {field}) with the value kept and why.',
      split:
        '{field}: the sources disagree and no side is clearly the outlier: {sides}. Record the disagreement under conflicts (field: {field}) with the value kept and why.',
      selfContradiction:
        '{field}: {source} contradicts itself: {a} in its {whereA}, {b} in its {whereB}{others}. Keep the figure the source stands by, and record the other under conflicts (field: {field}) or in a note.',
      partExceeds:
        '{field}: {part} ({source}) is given as a part of the seizure{partName}, but it is more than the whole, {total} ({totalSources}): a part cannot exceed the total. Check the figure, or record the disagreement under conflicts (field: {field}).',
      aggregateBelow:
        '{field}: {aggregate} ({source}) is given as a sum that includes other seizures, but it is less than this seizure alone, {total} ({totalSources}). Check the figure, or record the disagreement under conflicts (field: {field}).',
    },
    optionsSchema: READING_OPTIONS,
  },
  check(ctx) {
    const reading = readingOf(ctx.options);
    const event = ctx.document.value;
    const settled = settledSlots(event);
    const sources = sourcesOf(event);
    for (const slot of slotsOf(event)) {
      if (slot.figures.length < 2) continue;
      if (settled.some((p) => p === slot.pointer || p.startsWith(slot.pointer + '/'))) continue;
      checkSlot(ctx, slot, sources, reading);
    }
  },
});

function checkSlot(ctx: RuleContext, slot: SlotRef, sources: readonly SourceRef[], reading: ReadingOptions): void {
  const field = pointerToPath(slot.pointer);
  const usable = withSlotUnits(slot.figures, slot.field).filter((f) => !f.garbled && (f.value !== undefined || f.qualifier === 'range'));
  const groups = new Map<string, Figure[]>();
  for (const f of usable) {
    const g = groupOf(f).key;
    if (g === 'part' || g === 'aggregate') continue;
    const group = groups.get(g);
    if (group) group.push(f);
    else groups.set(g, [f]);
  }
  // Totals (and each named part) against themselves: one finding per side that disagrees.
  let totalSides: Side[] = [];
  for (const [key, figures] of groups) {
    const sides = byDroppedScale(byPlausibility(ctx, slot, sidesOf(figures, sources, reading), sources, reading));
    if (key === 'total') totalSides = sides;
    const where = key === 'total' ? field : `${field} (part "${figures[0].part}")`;
    reportSides(ctx, where, field, slot, sides);
    restatements(ctx, where, slot, sides);
  }
  // Parts and aggregates against the total the most sources give.
  const total = totalSides[0];
  if (!total) return;
  const totalData = () => ({ total: describeSide(total), totalSources: list(total.sources) }); // for a message only
  const partGroups = new Map<string, Side>();
  for (const [key, figures] of groups) if (key.startsWith('part:')) partGroups.set(key, sidesOf(figures, sources, reading)[0]);
  for (const f of usable) {
    const { key, role } = groupOf(f);
    if (role === 'total') continue;
    const side = key.startsWith('part:') ? partGroups.get(key) : sidesOf([f], sources, reading)[0];
    if (!side || side.members[0].figure !== f) continue; // a named part is judged once, by its first figure
    if (!comparableSides(side, total)) continue;
    if (role === 'part' && side.common.lo > total.common.hi) {
      ctx.report({
        messageId: 'partExceeds',
        pointer: valuePointer(f),
        data: { field, part: describeSide(side), source: list(side.sources), partName: f.part ? ` ("${f.part}")` : '', ...totalData() },
        related: related([side, total]),
      });
    } else if (role === 'aggregate' && side.common.hi < total.common.lo) {
      ctx.report({
        messageId: 'aggregateBelow',
        pointer: valuePointer(f),
        data: { field, aggregate: describeSide(side), source: list(side.sources), ...totalData() },
        related: related([side, total]),
      });
    }
  }
}

/** "; 1,113 has the digits of 1,133 in another order": a slip of the keys, named as such. */
function transposition(side: Side, major: Side): string {
  const digits = (f: Figure) => (f.value === undefined ? '' : String(f.value).replace(/\D/g, ''));
  for (const m of side.members) {
    const a = digits(m.figure);
    if (a.length < 3) continue;
    const sorted = [...a].sort().join('');
    for (const n of major.members) {
      const b = digits(n.figure);
      if (b !== a && b.length === a.length && [...b].sort().join('') === sorted)
        return ` (${asWritten(m.figure.value!)} has the digits of ${asWritten(n.figure.value!)} in another order: a slip of the keys?)`;
    }
  }
  return '';
}

/**
 * A source that writes one figure twice, in two places (its headline and its text), with two different
 * numbers contradicts itself even when a hedge makes both possible: "221 kilos" in the address and
 * "approximately 211 kilograms" in the text is a slip, not an approximation. Read without the
 * tolerance of "about", the two must still meet.
 */
function restatements(ctx: RuleContext, where: string, slot: SlotRef, sides: readonly PlausibleSide[]): void {
  const strict: ReadingOptions = { tolerance: 0.1, openBound: Infinity, roundCap: 0.3, preciseHedges: true };
  for (const side of sides) {
    const bySource = new Map<string, Figure[]>();
    for (const m of side.members) {
      if (!m.figure.source) continue;
      const figures = bySource.get(m.figure.source);
      if (figures) figures.push(m.figure);
      else bySource.set(m.figure.source, [m.figure]);
    }
    for (const [source, figures] of bySource) {
      // Each figure is compared with the first of the source's figures written in another place: the
      // first of all, or, for figures in its place, the first in any other (two lookups, not a search each).
      const place = (x: Figure) => x.where ?? 'body';
      const firstPlace = place(figures[0]);
      const firstOther = figures.find((x) => place(x) !== firstPlace);
      for (const a of figures) {
        if (place(a) === 'body') continue; // reported once, on the figure outside the text
        const b = place(a) !== firstPlace ? figures[0] : firstOther;
        if (!b) continue;
        // A headline's round figure ("9.5 tonnes" over 9,436 kilos) is read as about it; a precise one ("221") is not.
        const asRead = (f: Figure) => (f.where && f.where !== 'body' && f.qualifier === 'exact' && f.value !== undefined && significantDigits(f.value) <= 2 ? { ...f, qualifier: 'about' as const } : f);
        const sa = spanOf(asRead(a), strict);
        const sb = spanOf(asRead(b), strict);
        if (!sa || !sb || (sa.lo <= sb.hi && sb.lo <= sa.hi)) continue;
        ctx.report({
          messageId: 'selfContradiction',
          pointer: valuePointer(a),
          data: { field: where, source, a: describeFigure(a), whereA: WHERE_WORDS[a.where ?? ''] ?? 'text', b: describeFigure(b), whereB: WHERE_WORDS[b.where ?? ''] ?? 'text', others: '', slot: slot.pointer },
          related: [
            { message: `${source} (${WHERE_WORDS[a.where ?? ''] ?? 'text'}): ${describeFigure(a)}`, pointer: valuePointer(a) },
            { message: `${source} (${WHERE_WORDS[b.where ?? ''] ?? 'text'}): ${describeFigure(b)}`, pointer: valuePointer(b) },
          ],
        });
      }
    }
  }
}

const comparableSides = (a: Side, b: Side) => comparable(a.members[0].figure, b.members[0].figure);

/** The slots of an event by seizure and field, once per event value (each slot of thousands asks for its partner). */
const slotPlaces = new WeakMap<object, Map<string, SlotRef>>();

function slotByPlace(event: unknown, index: number, field: string): SlotRef | undefined {
  if (!isObj(event)) return undefined;
  let places = slotPlaces.get(event);
  if (!places) {
    places = new Map();
    for (const s of slotsOf(event)) if (!places.has(`${s.index}:${s.field}`)) places.set(`${s.index}:${s.field}`, s);
    slotPlaces.set(event, places);
  }
  return places.get(`${index}:${field}`);
}

/**
 * Between sides of equal weight, the one whose figure a careful analyst would believe comes first:
 * for the count or the weight of tablets, the side that gives the drug's tablets a mass inside its
 * band, against the other figure's most supported side ("215 kg" for 1.35 million Captagon pills,
 * not "2,015 kg": 1.49 g a pill).
 */
function byPlausibility(ctx: RuleContext, slot: SlotRef, sides: PlausibleSide[], sources: readonly SourceRef[], reading: ReadingOptions): PlausibleSide[] {
  if (sides.length < 2 || sides[0].accounts !== sides[1].accounts) return sides;
  if ((slot.field !== 'count' && slot.field !== 'weight') || slot.index === undefined) return sides;
  const drug = drugEntry(ctx.dataset, slot.drug);
  const band = drug && bandFor(ctx.dataset, drug, slot.form);
  if (!band?.warn) return sides;
  const other = slotByPlace(ctx.document.value, slot.index, slot.field === 'count' ? 'weight' : 'count');
  const otherSide = other && sidesOf(other.figures.filter((f) => !f.garbled && f.scope === 'total'), sources, reading)[0];
  if (!otherSide) return sides;
  const isCount = slot.field === 'count';
  for (const side of sides) {
    const first = side.members[0].figure;
    if (isCount ? !TABLETS.has(first.unit ?? 'tablets') : !TABLETS.has(otherSide.members[0].figure.unit ?? 'tablets')) return sides;
    const [count, kg] = isCount ? [side.common, otherSide.common] : [otherSide.common, side.common];
    if (!(count.lo > 0) || !Number.isFinite(count.hi)) return sides;
    const lo = (kg.lo * 1e6) / count.hi;
    const hi = (kg.hi * 1e6) / count.lo;
    if (hi >= band.warn[0] && lo <= band.warn[1]) {
      // The mass per tablet the figures as written give: 215 kg for 1,350,000 tablets is 159 mg.
      const [c, w] = isCount ? [first, otherSide.members[0].figure] : [otherSide.members[0].figure, first];
      const kgPoint = c.value && w.value !== undefined ? toKg(w.value, w.unit ?? 'kg') : undefined;
      const mass = kgPoint !== undefined ? ` (${formatUnitMass((kgPoint * 1e6) / c.value!)} a tablet; usually ${formatBand(band.warn)})` : '';
      side.plausible = `${drug!.name ?? drug!.id} tablets a plausible mass${mass}`;
    }
  }
  const plausible = sides.filter((s) => s.plausible);
  if (plausible.length !== 1) {
    for (const s of sides) delete s.plausible;
    return sides;
  }
  return [plausible[0], ...sides.filter((s) => s !== plausible[0])];
}

const TABLETS = new Set(['tablets', 'capsules']);

/**
 * Between two sides of equal weight whose figures are the same digits a thousand or a million times
 * apart ("637 captagon pills" against "637,000 Captagon pills"), the smaller is taken as the slip: a
 * "thousand" or a ",000" left out, as a translation or a summary drops a word, is a more common
 * error than one put in. The message says why, as a question.
 */
function byDroppedScale(sides: PlausibleSide[]): PlausibleSide[] {
  if (sides.length !== 2 || sides[0].accounts !== sides[1].accounts || sides.some((s) => s.plausible)) return sides;
  const only = (s: Side) => {
    const values = new Set(s.members.map((m) => m.figure.value));
    const f = s.members[0].figure;
    return values.size === 1 && f.value !== undefined && f.value > 0 && (f.qualifier ?? 'exact') === 'exact' && s.members.every((m) => m.figure.unit === f.unit) ? f : undefined;
  };
  const a = only(sides[0]);
  const b = only(sides[1]);
  if (!a || !b || a.unit !== b.unit) return sides;
  const [small, large] = a.value! < b.value! ? [sides[0], sides[1]] : [sides[1], sides[0]];
  const sv = Math.min(a.value!, b.value!);
  const lv = Math.max(a.value!, b.value!);
  const factor = [1e3, 1e6].find((k) => sv * k === lv);
  if (!factor || !Number.isInteger(sv) || significantDigits(sv) < 2) return sides;
  small.dropped = `; ${asWritten(sv)} is ${asWritten(lv)} without its ${factor === 1e3 ? 'thousands' : 'millions'} (a "${factor === 1e3 ? 'thousand' : 'million'}" left out?)`;
  return [large, small];
}

type PlausibleSide = Side & { plausible?: string; dropped?: string };

function reportSides(
  ctx: RuleContext,
  where: string,
  field: string,
  slot: SlotRef,
  sides: readonly PlausibleSide[],
): void {
  if (sides.length < 2) return;
  const [major, ...others] = sides;
  const majorSources = new Set(major.sources);
  const majorFirst = new Map<string | undefined, Member>();
  for (const m of major.members) if (!majorFirst.has(m.figure.source)) majorFirst.set(m.figure.source, m);
  for (const side of others) {
    const shared = side.sources.filter((s) => majorSources.has(s));
    // One source on both sides, and nobody else on this one: the source contradicts itself, when its
    // two figures cannot both be true. Two that can ("nearly 9 t" in the text, "9 t" in the address)
    // are one account, and the figure the others do not allow is an outlier like any other.
    const mineOf = (source: string) => side.members.find((m) => m.figure.source === source)!;
    if (shared.length && side.sources.length === shared.length && !overlaps(mineOf(shared[0]).span, majorFirst.get(shared[0])!.span)) {
      const source = shared[0];
      const mine = mineOf(source).figure;
      const theirs = majorFirst.get(source)!.figure;
      const othersAgreeing = major.sources.filter((s) => s !== source);
      ctx.report({
        messageId: 'selfContradiction',
        pointer: valuePointer(mine),
        data: {
          field: where,
          source,
          a: describeFigure(mine),
          whereA: WHERE_WORDS[mine.where ?? ''] ?? 'text',
          b: describeFigure(theirs),
          whereB: mine.where && theirs.where === mine.where ? `${WHERE_WORDS[theirs.where]} again` : (WHERE_WORDS[theirs.where ?? ''] ?? (mine.where && mine.where !== 'body' ? 'text' : 'text, elsewhere')),
          others: othersAgreeing.length ? ` (as ${list(othersAgreeing)} ${othersAgreeing.length === 1 ? 'says' : 'say'})` : '',
          slot: slot.pointer,
        },
        related: related([side, major]),
      });
      continue;
    }
    if (side.accounts < major.accounts || (major.plausible && !side.plausible) || side.dropped) {
      ctx.report({
        messageId: 'outlier',
        pointer: valuePointer(side.members[0].figure),
        data: {
          field: where,
          outlier: describeSide(side),
          outlierSources: list(side.sources),
          majority: describeSide(major),
          majoritySources: list(major.sources),
          reason:
            (major.plausible && !side.plausible ? `, and only ${describeSide(major)} gives ${major.plausible}` : '') + (side.dropped ?? transposition(side, major)),
          slot: slot.pointer,
        },
        related: related([side, major]),
      });
    } else {
      // No side is clearly the outlier: the finding sits on the slot and lists every side.
      ctx.report({
        messageId: 'split',
        pointer: slot.pointer,
        at: 'key',
        data: {
          field: where,
          sides: joinAtMost(sides.map((s) => `${describeSide(s)} (${list(s.sources)})`), ' against ', LIST_AT_MOST, (n) => `${formatNumber(n)} other sides`),
          count: sides.length,
          slot: slot.pointer,
        },
        related: related(sides),
      });
      return;
    }
  }
}
