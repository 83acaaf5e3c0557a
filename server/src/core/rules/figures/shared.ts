/** What the figures/* rules share: describing figures, rounding tolerance, pairing counts with weights, bands. */
import type { DatasetContext, DrugEntry, DrugForm, UnitMassBand } from '../../model/dataset';
import { formatNumber } from '../../base/format';
import { type Figure, type SlotRef, KG_PER_UNIT, L_PER_UNIT, intervalOf, slotsOf } from '../../model/event';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** JSON pointer of a figure's number: `…/value` for a figure object, the figure itself for a bare number. */
export function valuePointer(f: Figure): string {
  return f.shorthand || f.value === undefined ? f.pointer : `${f.pointer}/value`;
}

const UNIT_LABEL: Record<string, string> = { short_ton: 'short tons', persons: 'persons' };

export function unitLabel(unit: string | undefined): string {
  return unit ? UNIT_LABEL[unit] ?? unit : '';
}

const QUALIFIER_WORDS: Record<string, string> = {
  about: 'about ',
  more_than: 'more than ',
  at_least: 'at least ',
  less_than: 'less than ',
  up_to: 'up to ',
};

/** "more than 1,350,000 tablets", "about 2,015 kg", "200–250 kg". */
export function describeFigure(f: Figure, withQualifier = true): string {
  const unit = f.unit ? ` ${unitLabel(f.unit)}` : '';
  if (f.qualifier === 'range' && f.min !== undefined && f.max !== undefined) return `${formatNumber(f.min)}–${formatNumber(f.max)}${unit}`;
  if (f.value === undefined) return `?${unit}`;
  return `${withQualifier ? QUALIFIER_WORDS[f.qualifier] ?? '' : ''}${formatNumber(f.value)}${unit}`;
}

/**
 * Half a unit of the last significant digit the number is written with: 215 → 0.5, 1,350,000 → 5,000,
 * 1.1 → 0.05. An "exact" 2,500,000 may well be a rounded count.
 */
export function roundingStep(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 0.5;
  const s = String(Math.abs(v));
  if (s.includes('e')) return Math.abs(v) * 5e-13;
  const dot = s.indexOf('.');
  // Just under half a step, so that neighbours (2 and 3 arrests) do not touch.
  const half = 0.5 * (1 - 1e-9);
  if (dot >= 0) return half * 10 ** -(s.length - dot - 1);
  const zeros = /0*$/.exec(s)![0].length;
  return half * 10 ** zeros;
}

/** Half a unit of the last digit written, ignoring trailing zeros' roundness: 67 → 0.5, 66.7 → 0.05, 1000 → 0.5. */
export function lastDigitStep(v: number): number {
  const s = String(Math.abs(v));
  const dot = s.indexOf('.');
  return dot >= 0 ? 0.5 * 10 ** -(s.length - dot - 1) : 0.5;
}

export type Dimension = 'mass' | 'volume' | 'count';

/** The factor to the dimension's base unit (kg, l, or the count unit itself) and the dimension. */
export function baseOf(unit: string | undefined): { dim: Dimension; factor: number; unit: string } | undefined {
  if (unit && KG_PER_UNIT[unit] !== undefined) return { dim: 'mass', factor: KG_PER_UNIT[unit], unit: 'kg' };
  if (unit && L_PER_UNIT[unit] !== undefined) return { dim: 'volume', factor: L_PER_UNIT[unit], unit: 'l' };
  return { dim: 'count', factor: 1, unit: unit ?? '' };
}

export interface Span {
  lo: number;
  hi: number;
}

/**
 * The values a figure allows, in its base unit, widened for rounding: "about" by `tolerance` (a share of
 * the value); exact figures by their rounding step, at most the tolerance. Bounds
 * ("more than 200,000", "up to", ranges) are taken as written: 150,000 is not "more than 200,000".
 */
export function spanOf(f: Figure, tolerance: number): Span | undefined {
  const iv = intervalOf(f);
  const base = baseOf(f.unit);
  if (!iv || !base) return undefined;
  // "about 65": the tolerance (at least half a unit of the last digit written); an exact "2.5 million"
  // may be rounded too, but by no more than the tolerance ("1 million" is not 1.5 million).
  const step = (x: number) =>
    iv.approximate ? Math.max(Math.abs(x) * tolerance, lastDigitStep(x)) : Math.min(roundingStep(x), Math.abs(x) * tolerance);
  let lo = iv.lo;
  let hi = iv.hi;
  // Bounds ("more than", "up to", ranges) are taken as written; point values are widened.
  if (f.qualifier === 'exact' || f.qualifier === 'about' || !f.qualifier) {
    lo -= step(iv.lo);
    hi += step(iv.hi);
  }
  return { lo: Math.max(0, lo) * base.factor, hi: hi * base.factor };
}

// ---------------------------------------------------------------------------------------------
// Counts and weights of a seizure

export interface SeizureFigures {
  index: number;
  drug?: string;
  form?: string;
  counts: Figure[];
  weights: Figure[];
  countSlot?: SlotRef;
  weightSlot?: SlotRef;
}

const TABLET_UNITS = new Set(['tablets', 'capsules']);

/** Per seizure: its tablet/capsule counts and its mass weights. */
export function seizureFigures(event: unknown): SeizureFigures[] {
  const bySeizure = new Map<number, SeizureFigures>();
  for (const slot of slotsOf(event)) {
    if (slot.index === undefined || (slot.field !== 'count' && slot.field !== 'weight')) continue;
    let s = bySeizure.get(slot.index);
    if (!s) bySeizure.set(slot.index, (s = { index: slot.index, drug: slot.drug, form: slot.form, counts: [], weights: [] }));
    if (slot.field === 'count') {
      s.countSlot = slot;
      s.counts.push(...slot.figures.filter((f) => f.unit === undefined || TABLET_UNITS.has(f.unit)));
    } else {
      s.weightSlot = slot;
      s.weights.push(...slot.figures.filter((f) => f.unit === undefined || KG_PER_UNIT[f.unit] !== undefined));
    }
  }
  return [...bySeizure.values()];
}

/**
 * Count–weight pairs worth comparing: every count with every weight of the same source; a weight whose
 * source gives no count is compared with the count when the seizure has only one.
 */
export function countWeightPairs(s: SeizureFigures): { count: Figure; weight: Figure }[] {
  const out: { count: Figure; weight: Figure }[] = [];
  for (const w of s.weights) {
    const same = s.counts.filter((c) => c.source === w.source);
    if (same.length) for (const c of same) out.push({ count: c, weight: w });
    else if (s.counts.length === 1) out.push({ count: s.counts[0], weight: w });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Unit-mass bands

export interface ResolvedBand {
  form: string;
  typical?: [number, number];
  warn?: [number, number];
  error?: [number, number];
  grossFactor: number;
}

const COUNTABLE_FORMS = new Set(['tablet', 'capsule']);

const isPair = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' && Number.isFinite(v[0]) && Number.isFinite(v[1]);

/** The seizure's form in the registry (its own, or the drug's first countable form) and its band, with config overrides. */
export function bandFor(dataset: DatasetContext, drug: DrugEntry, form: string | undefined): ResolvedBand | undefined {
  const forms = Array.isArray(drug.forms) ? drug.forms.filter((f): f is DrugForm => isObj(f) && typeof f.form === 'string') : [];
  const entry = form ? forms.find((f) => f.form === form) : forms.find((f) => COUNTABLE_FORMS.has(f.form));
  const formId = entry?.form ?? form;
  if (!formId) return undefined;
  const base: UnitMassBand = entry && isObj(entry.unit_mass_mg) ? entry.unit_mass_mg : {};
  const drugOverride = isObj(dataset.bands) ? dataset.bands[drug.id] : undefined;
  const override = isObj(drugOverride) && isObj(drugOverride[formId]) ? (drugOverride[formId] as Record<string, unknown>) : {};
  const pick = (k: 'typical' | 'warn' | 'error') => (isPair(override[k]) ? override[k] : isPair(base[k]) ? base[k] : undefined);
  const band: ResolvedBand = {
    form: formId,
    typical: pick('typical'),
    warn: pick('warn'),
    error: pick('error'),
    grossFactor: typeof entry?.gross_factor === 'number' && entry.gross_factor >= 1 ? entry.gross_factor : 1,
  };
  return band.warn || band.error ? band : undefined;
}

export function drugEntry(dataset: DatasetContext, id: string | undefined): DrugEntry | undefined {
  if (!id) return undefined;
  const d = dataset.registries?.drugs.get(id);
  return d && typeof d === 'object' ? d : undefined;
}

/** The `tolerance` option shared by the rules that compare figures with rounding in mind. */
export const TOLERANCE_OPTIONS = {
  type: 'object',
  properties: {
    tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Share of the value by which an "about" figure is widened for rounding. Default 0.1 (10%).',
    },
  },
  additionalProperties: false,
} as const;

export function toleranceOf(options: Readonly<Record<string, unknown>>): number {
  return typeof options.tolerance === 'number' && options.tolerance >= 0 ? options.tolerance : 0.1;
}
