/** What the figures/* rules share: describing figures, rounding tolerance, pairing counts with weights, bands. */
import type { DatasetContext, DrugEntry, DrugForm, UnitMassBand } from '../../model/dataset';
import { formatNumber } from '../../base/format';
import { type Figure, type SlotRef, KG_PER_UNIT, L_PER_UNIT, intervalOf, kgRangePerUnit, slotsOf } from '../../model/event';

export const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A slot's figures ready to be compared: a weight the source gives without a unit is read in kilograms
 * and a volume in litres, as the rest of the tool reads bare numbers (and said so when described).
 */
export function withSlotUnits(figures: readonly Figure[], field: string): Figure[] {
  const unit = field === 'weight' ? 'kg' : field === 'volume' ? 'l' : undefined;
  return figures.map((f) => (unit && f.unit === undefined && !f.currency ? { ...f, unit, unitAssumed: true } : f));
}

/** JSON pointer of a figure's number: `…/value` for a figure object, the figure itself for a bare number. */
export function valuePointer(f: Figure): string {
  return f.shorthand || f.value === undefined ? f.pointer : `${f.pointer}/value`;
}

const UNIT_LABEL: Record<string, string> = { short_ton: 'short tons', ton: 'tons', persons: 'persons' };
const ONE_UNIT_LABEL: Record<string, string> = { short_ton: 'short ton', ton: 'ton', persons: 'person' };

/** The unit as a message says it: "tons", or "ton" after exactly one (`value` 1). */
export function unitLabel(unit: string | undefined, value?: number): string {
  if (!unit) return '';
  return (value === 1 ? ONE_UNIT_LABEL[unit] : undefined) ?? UNIT_LABEL[unit] ?? unit;
}

const QUALIFIER_WORDS: Record<string, string> = {
  about: 'about ',
  more_than: 'more than ',
  at_least: 'at least ',
  nearly: 'nearly ',
  less_than: 'less than ',
  up_to: 'up to ',
};

/** A recorded number with every digit it was recorded with: 1.113 stays "1.113", 1350000 is "1,350,000". */
export function asWritten(n: number): string {
  const s = String(n);
  if (!/^-?\d+(\.\d+)?$/.test(s)) return formatNumber(n);
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/** "more than 1,350,000 tablets", "about 2,015 kg", "200–250 kg". */
export function describeFigure(f: Figure, withQualifier = true): string {
  const one = f.qualifier !== 'range' && f.value === 1 ? 1 : undefined;
  const unit = f.currency ? ` ${f.currency}` : f.unitAssumed ? ' (no unit given)' : f.unit ? ` ${unitLabel(f.unit, one)}` : '';
  if (f.qualifier === 'range' && f.min !== undefined && f.max !== undefined) return `${asWritten(f.min)}–${asWritten(f.max)}${unit}`;
  if (f.value === undefined) return `?${unit}`;
  return `${withQualifier ? QUALIFIER_WORDS[f.qualifier] ?? '' : ''}${asWritten(f.value)}${unit}`;
}

/**
 * Half a unit of the last significant digit the number is written with: 215 → 0.5, 1,350,000 → 5,000,
 * 1.1 → 0.05. An "exact" 2,500,000 may well be a rounded count.
 */
export function roundingStep(v: number): number {
  return significantStep(v) * 0.5 * (1 - 1e-9);
}

/**
 * One unit of the last significant digit the number is written with: 215 → 1, 1,350,000 → 10,000,
 * 1.1 → 0.1, 5,300,000 → 100,000. (Just under it, so that neighbours such as 2 and 3 do not touch.)
 */
export function significantStep(v: number): number {
  if (!Number.isFinite(v) || v === 0) return 1;
  const s = String(Math.abs(v));
  if (s.includes('e')) return Math.abs(v) * 1e-12;
  const dot = s.indexOf('.');
  if (dot >= 0) return 10 ** -(s.length - dot - 1);
  return 10 ** /0*$/.exec(s)![0].length;
}

/** How many significant digits the number is written with: 5,300,000 → 2, 3,840 → 3, 1.45 → 3. */
export function significantDigits(v: number): number {
  const s = String(Math.abs(v)).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, s.length);
}

/** Half a unit of the last digit written, ignoring trailing zeros' roundness: 67 → 0.5, 66.7 → 0.05, 1000 → 0.5. */
export function lastDigitStep(v: number): number {
  const s = String(Math.abs(v));
  const dot = s.indexOf('.');
  return dot >= 0 ? 0.5 * 10 ** -(s.length - dot - 1) : 0.5;
}

/**
 * How far below a one-digit figure "nearly X" may reach: to half-way to the round number under it
 * ("nearly 9 tonnes" is 8.5 t or more; 8.225 t is "more than 8"). A writer who gives one significant
 * digit has chosen that precision, and a value nearer the lower round number is called by that one.
 * Figures with more digits are often rounded to a half or a five ("nearly 1.5 million" for 1.42
 * million): their precision is not known from the digits, and the tolerance alone bounds them.
 */
function roundBelow(v: number): number {
  return significantDigits(v) === 1 ? significantStep(v) * 0.5 : Infinity;
}

export type Dimension = 'mass' | 'volume' | 'count' | 'money';

/**
 * The factors to the dimension's base unit (kg, l, the count unit itself, or the currency) and the
 * dimension. Two factors where the unit allows two readings: English "tons" are short (907.18 kg) or
 * metric (1,000 kg).
 */
export function baseOf(unit: string | undefined, currency?: string): { dim: Dimension; factor: number; lo: number; hi: number; unit: string } | undefined {
  if (currency) return { dim: 'money', factor: 1, lo: 1, hi: 1, unit: currency };
  const kg = kgRangePerUnit(unit);
  if (unit && kg) return { dim: 'mass', factor: KG_PER_UNIT[unit], lo: kg[0], hi: kg[1], unit: 'kg' };
  if (unit && L_PER_UNIT[unit] !== undefined) return { dim: 'volume', factor: L_PER_UNIT[unit], lo: L_PER_UNIT[unit], hi: L_PER_UNIT[unit], unit: 'l' };
  return { dim: 'count', factor: 1, lo: 1, hi: 1, unit: unit ?? '' };
}

/** Whether two figures measure the same thing: same dimension, and for counts the same unit (tablets are not packs). */
export function comparable(a: Figure, b: Figure): boolean {
  const ba = baseOf(a.unit, a.currency);
  const bb = baseOf(b.unit, b.currency);
  if (!ba || !bb || ba.dim !== bb.dim) return false;
  if (ba.dim === 'money') return ba.unit === bb.unit;
  if (ba.dim === 'count') return !a.unit || !b.unit || a.unit === b.unit;
  return true;
}

export interface Span {
  lo: number;
  hi: number;
}

/** How the figures are read when compared: the `tolerance` option and how far an open bound reaches. */
export interface ReadingOptions {
  /** Share of the value by which "about" and "nearly" widen a figure (default 0.1). */
  tolerance: number;
  /**
   * How far "more than X" may reach, as a multiple of X (default 2): "more than 100 kg" is an
   * unlikely way to write 610 kg, "more than a million" a likely one for 1,160,500. Infinity reads
   * bounds literally. "Up to X" and "less than X" reach down to X divided by it.
   */
  openBound: number;
  /** The most a figure written as exact may be off by rounding or truncation, as a share of it (default 0.3). */
  roundCap: number;
  /**
   * Read "about" and "nearly" before a precise number (three significant digits or more, "about 211")
   * as within 1%: the writer knew the number. Used when a source restates its own figure.
   */
  preciseHedges?: boolean;
}

export const DEFAULT_READING: ReadingOptions = Object.freeze({ tolerance: 0.1, openBound: 2, roundCap: 0.3 });

/**
 * The values a figure allows, in its base unit, read as a careful reader would:
 * - a figure written as a round number may be rounded or truncated from a more exact one: "5.3
 *   million" allows 5,250,000 up to (not including) 5,400,000 (5,383,400 truncated is 5.3 million),
 *   "1.1 million" allows 1,160,500; by no more than 30% of the figure ("1 million" is not 1.5 million);
 * - "about X" is X give or take the tolerance (and half a unit of its last digit); "nearly X" is a
 *   little below X, by up to the tolerance;
 * - "more than X" / "at least X" reach from X to `openBound` × X; "up to X" / "less than X" from X ÷
 *   `openBound` to X; ranges are taken as written;
 * - units with two readings (English "tons") allow both.
 */
export function spanOf(f: Figure, opts: ReadingOptions | number = DEFAULT_READING): Span | undefined {
  const o: ReadingOptions = typeof opts === 'number' ? { ...DEFAULT_READING, tolerance: opts } : opts;
  const iv = intervalOf(f);
  const base = baseOf(f.unit, f.currency);
  if (!iv || !base) return undefined;
  let lo = iv.lo;
  let hi = iv.hi;
  const cap = (x: number) => Math.abs(x) * o.roundCap;
  switch (f.qualifier) {
    case 'about': {
      const tol = o.preciseHedges && significantDigits(lo) >= 3 ? Math.min(o.tolerance, 0.01) : o.tolerance;
      const w = tol > 0 ? Math.max(Math.abs(lo) * tol, lastDigitStep(lo)) : 0;
      lo -= w;
      hi += w;
      break;
    }
    case 'nearly': {
      // A little below X; and, as writers use it, X rounded at its last digit ("nearly 1.1 tons" for 1,133 kg).
      const tol = o.preciseHedges && significantDigits(lo) >= 3 ? Math.min(o.tolerance, 0.01) : o.tolerance;
      lo -= tol > 0 ? Math.min(Math.max(Math.abs(lo) * tol, lastDigitStep(lo)), roundBelow(lo)) : 0;
      if (tol > 0) hi += Math.min(significantStep(hi) * 0.5, cap(hi));
      break;
    }
    case 'more_than':
    case 'at_least':
      hi = lo * o.openBound;
      break;
    case 'less_than':
    case 'up_to':
      lo = hi / o.openBound;
      break;
    case 'range':
      break;
    default: {
      // Exact as written: rounded (half a step either way) or truncated (up to a whole step above).
      // A count written without round zeros (2 arrests, 79,477 tablets) is exact: only a measure
      // (13 tonnes for 13.7 t) or a round count (5.3 million for 5,383,400) may be truncated.
      // A count is round when it has at most two significant digits or ends in two zeros (5,300,000,
      // 150): those may be rounded or truncated; 3,840 boxes or 79,477 tablets are exact.
      const round = base.dim !== 'count' || significantDigits(lo) <= 2 || significantStep(lo) >= 100;
      const step = round ? significantStep(lo) : 1;
      const truncated = base.dim !== 'count' || step > 1;
      lo -= Math.min(step * 0.5 * (1 - 1e-9), cap(lo));
      hi += Math.min(truncated ? step * (1 - 1e-9) : step * 0.5 * (1 - 1e-9), cap(hi));
    }
  }
  return { lo: Math.max(0, lo) * base.lo, hi: hi * base.hi };
}

/** Two spans share a value. */
export const overlaps = (a: Span, b: Span) => a.lo <= b.hi && b.lo <= a.hi;

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

/** The options of the rules that compare figures as a careful reader would: `tolerance` and `openBound`. */
export const READING_OPTIONS = {
  type: 'object',
  properties: {
    tolerance: {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'Share of the value by which an "about" or "nearly" figure is widened. Default 0.1 (10%).',
    },
    openBound: {
      type: 'number',
      minimum: 1,
      description:
        'How far "more than X" reaches, as a multiple of X ("up to X" reaches down to X divided by it). Default 2: "more than 100 kg" is not a way to write 610 kg. Use a large number to read bounds literally.',
    },
  },
  additionalProperties: false,
} as const;

export function readingOf(options: Readonly<Record<string, unknown>>): ReadingOptions {
  return {
    tolerance: toleranceOf(options),
    openBound: typeof options.openBound === 'number' && options.openBound >= 1 ? options.openBound : DEFAULT_READING.openBound,
    roundCap: DEFAULT_READING.roundCap,
  };
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
