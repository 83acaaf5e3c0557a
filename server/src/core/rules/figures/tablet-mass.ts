import { defineRule, type Report } from '../rule';
import type { Figure, SlotRef } from '../../model/event';
import { slotsOf, sourcesOf, toKg } from '../../model/event';
import { pathToPointer, pointerToPath } from '../../base/pointer';
import { formatBand, formatUnitMass } from '../../base/format';
import { type ReadingOptions, type Span, DEFAULT_READING, bandFor, describeFigure, drugEntry, isObj, spanOf, valuePointer } from './shared';
import { sidesOf } from './sides';

const TABLETS = new Set(['tablets', 'capsules']);
const LOWER = new Set(['more_than', 'at_least']);
const UPPER = new Set(['less_than', 'up_to', 'nearly']);

/**
 * What the analyst has settled about a slot: a `conflicts` entry on it that keeps one source's value
 * (the others are rejected: the dataset does not stand by them), or that keeps none (the doubt is
 * recorded: nothing to check until a source settles it).
 */
function settlement(event: unknown, slot: SlotRef): { chosen: string | null } | undefined {
  if (!isObj(event) || !Array.isArray(event.conflicts)) return undefined;
  for (const c of event.conflicts) {
    if (!isObj(c) || typeof c.field !== 'string') continue;
    const p = pathToPointer(c.field.trim());
    if (p !== slot.pointer && !(p && p.startsWith(slot.pointer + '/'))) continue;
    return { chosen: typeof c.chosen === 'string' ? c.chosen : null };
  }
  return undefined;
}

/** The figures of a slot this rule may use, or undefined when the slot's doubt is recorded. */
function usable(event: unknown, slot: SlotRef | undefined, keep: (f: Figure) => boolean): Figure[] | undefined {
  if (!slot) return [];
  const s = settlement(event, slot);
  if (s && s.chosen === null) return undefined;
  return slot.figures.filter((f) => keep(f) && !f.garbled && f.scope !== 'aggregate' && (!s || f.source === s.chosen));
}

/** Which part of the seizure a figure measures: the whole, or a named part. */
const partKey = (f: Figure) => (f.scope === 'part' || f.as_of ? `part:${(f.part ?? '').trim().toLowerCase()}` : 'total');

/** "at most 159 mg" when the count is a lower bound, "1.49 g" for two point figures, "106–159 mg" otherwise. */
function describeMass(count: Figure, weight: Figure, lo: number, hi: number): string {
  if (count.value !== undefined && weight.value !== undefined && count.qualifier !== 'range' && weight.qualifier !== 'range') {
    const kg = toKg(weight.value, weight.unit) ?? NaN;
    const point = formatUnitMass((kg * 1e6) / count.value);
    const atMost = LOWER.has(count.qualifier) || UPPER.has(weight.qualifier);
    const atLeast = UPPER.has(count.qualifier) || LOWER.has(weight.qualifier);
    if (atMost && !atLeast) return `at most ${point}`;
    if (atLeast && !atMost) return `at least ${point}`;
    if (!atMost && !atLeast) return point;
  }
  return `${formatUnitMass(lo)}–${Number.isFinite(hi) ? formatUnitMass(hi) : '∞'}`;
}

interface Pair {
  count: Figure;
  weight: Figure;
  c: Span;
  w: Span;
}

/**
 * Counts and weights of the same pills: a count and a weight of the same source and part; a weight
 * whose source gives no count of that part is read against the count the sources agree on (one side).
 */
function pairsOf(counts: Figure[], weights: Figure[], event: unknown, reading: ReadingOptions): Pair[] {
  const out: Pair[] = [];
  const sources = sourcesOf(event);
  for (const weight of weights) {
    const w = spanOf({ ...weight, unit: weight.unit ?? 'kg' }, reading);
    if (!w) continue;
    const same = counts.filter((c) => c.source === weight.source && partKey(c) === partKey(weight));
    if (same.length) {
      for (const count of same) {
        const c = spanOf(count, reading);
        if (c) out.push({ count, weight, c, w });
      }
      continue;
    }
    const sides = sidesOf(counts.filter((c) => partKey(c) === partKey(weight)), sources, reading);
    if (sides.length !== 1) continue; // the counts disagree: figures/source-conflict says so
    out.push({ count: sides[0].members[0].figure, weight, c: sides[0].common, w });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'figures/tablet-mass',
    description:
      'The count and the weight of the same tablets or capsules give a mass per unit inside the drug form’s band (error outside the error band, warning outside the warn band). Bricks, packs and bars are not tablets.',
    defaultSeverity: 'error',
    needsRegistries: ['drugs'],
    appliesTo: ['event'],
    messages: {
      implausible:
        '{count} in {weight} is {mass} a {unit}; {drug} {units} weigh {band}{typical}. One of the two figures is misread or misreported (a separator or a unit): check both against {sources}.',
      unusual: '{count} in {weight} is {mass} a {unit}; {drug} {units} weigh {band}{typical}. Check both figures against {sources}.',
    },
    optionsSchema: {
      type: 'object',
      properties: {
        slack: {
          type: 'number',
          minimum: 0,
          description: 'How far past an open bound a figure is taken to reach: "more than 1.35 million" as 1.35 to 1.35 × (1 + slack) million. Default 1 (twice its value, as figures/source-conflict reads bounds).',
        },
      },
      additionalProperties: false,
    },
  },
  check(ctx) {
    const slack = typeof ctx.options.slack === 'number' && ctx.options.slack >= 0 ? ctx.options.slack : 1;
    // Figures as written (the bands are wide enough for rounding); open bounds reach `slack` past their value.
    const reading: ReadingOptions = { ...DEFAULT_READING, tolerance: 0, roundCap: 0, openBound: 1 + slack };
    const event = ctx.document.value;
    const slots = slotsOf(event);
    const weightSlots = new Map<number | undefined, (typeof slots)[number]>();
    for (const s of slots) if (s.field === 'weight' && !weightSlots.has(s.index)) weightSlots.set(s.index, s);
    for (const countSlot of slots.filter((s) => s.field === 'count' && s.index !== undefined)) {
      const drug = drugEntry(ctx.dataset, countSlot.drug);
      if (!drug) continue;
      const band = bandFor(ctx.dataset, drug, countSlot.form);
      if (!band) continue;
      const weightSlot = weightSlots.get(countSlot.index);
      // Only tablets and capsules have a mass per unit in the registry's sense.
      const counts = usable(event, countSlot, (f) => TABLETS.has(f.unit ?? (band.form === 'capsule' ? 'capsules' : 'tablets')));
      const weights = usable(event, weightSlot, (f) => f.basis !== 'cargo' && (f.unit === undefined || toKg(1, f.unit) !== undefined));
      if (!counts || !weights || counts.length === 0 || weights.length === 0) continue;
      for (const { count, weight, c, w } of pairsOf(counts, weights, event, reading)) {
        if (!(c.lo > 0) || !(w.hi > 0)) continue;
        const lo = (w.lo * 1e6) / c.hi;
        const hi = (w.hi * 1e6) / c.lo;
        const gross = weight.basis === 'gross' ? band.grossFactor : 1;
        const widen = (b: [number, number]): [number, number] => [b[0], b[1] * gross];
        const outside = (b: [number, number] | undefined) => !!b && (hi < b[0] || lo > b[1]);
        const level = outside(band.error && widen(band.error)) ? 'error' : outside(band.warn && widen(band.warn)) ? 'warning' : undefined;
        if (!level) continue;
        const shown = band.warn ?? band.error!;
        const countUnit = count.unit ?? (band.form === 'capsule' ? 'capsules' : 'tablets');
        const unitWeight = { ...weight, unit: weight.unit ?? 'kg' }; // a bare number weighs kilograms
        const names = [...new Set([count.source, weight.source].filter((s): s is string => !!s))];
        const report: Report = {
          messageId: level === 'error' ? 'implausible' : 'unusual',
          pointer: valuePointer(weight),
          severity: level,
          data: {
            count: describeFigure({ ...count, unit: countUnit }),
            weight: describeFigure(unitWeight),
            mass: describeMass(count, unitWeight, lo, hi),
            unit: countUnit === 'capsules' ? 'capsule' : 'tablet',
            units: countUnit,
            drug: drug.name ?? drug.id,
            band: formatBand(widen(shown)) + (gross !== 1 ? ' with packaging (gross weight)' : ''),
            typical: band.typical ? ` (typical ${formatBand(band.typical)})` : '',
            sources: names.length ? names.join(' and ') : 'the source',
            level,
            mgLow: Math.round(lo),
            mgHigh: Number.isFinite(hi) ? Math.round(hi) : null,
            weightSlot: weightSlot?.pointer,
            countSlot: countSlot.pointer,
            field: weightSlot ? pointerToPath(weightSlot.pointer) : undefined,
          },
          related: [{ message: `${count.source ?? 'count'}: ${describeFigure({ ...count, unit: countUnit })}`, pointer: valuePointer(count) }],
        };
        ctx.report(report);
      }
    }
  },
});
