/**
 * Amounts as the dataset keeps them: the values a figure states, in base units (kg, l, the count
 * unit, the currency), as a low and a high end. "More than 1.35 million" is 1,350,000 to no upper
 * end; "about 215 kg" is 215 (approximate); "200–250 kg" is 200 to 250; English "tons" of unknown kind
 * are 907.18 to 1,000 kg each. Totals add the ends, so a total of lower bounds stays one, and says so.
 */
import { formatKg, formatNumber } from '../base/format';
import type { Figure } from '../model/event';
import { baseOf } from '../rules/figures/shared';

export interface Amount {
  /** The lowest value the figures state, in `unit`. */
  lo: number;
  /** The highest, or null when there is no upper end ("more than"). */
  hi: number | null;
  /** kg, l, a count unit (tablets, bars…) or a currency. */
  unit: string;
  /** Some of it is hedged ("about", "nearly"). */
  approximate?: boolean;
}

/** How an amount was made: what a reader of a total needs to know about its parts. */
export interface Total extends Amount {
  /** Figures added up. */
  figures: number;
  /** …of which lower bounds ("more than", "at least"): the total is at least `lo`. */
  lowerBounds: number;
  /** …of which ranges (a range, "up to", tons of unknown kind). */
  ranges: number;
  /** …of which disputed: the sources disagree and nothing settles it; the total spans every side. */
  disputed: number;
}

/** The values a figure states, in its base unit, before any rounding tolerance. */
export function nominalOf(f: Figure, defaultUnit?: string): Amount | undefined {
  const unit = f.unit ?? (f.currency ? undefined : defaultUnit);
  const base = baseOf(unit, f.currency);
  if (!base) return undefined;
  let lo: number;
  let hi: number | null;
  switch (f.qualifier) {
    case 'range':
      if (f.min === undefined || f.max === undefined) return undefined;
      [lo, hi] = [Math.min(f.min, f.max), Math.max(f.min, f.max)];
      break;
    case 'more_than':
    case 'at_least':
      if (f.value === undefined) return undefined;
      [lo, hi] = [f.value, null];
      break;
    case 'less_than':
    case 'up_to':
      if (f.value === undefined) return undefined;
      [lo, hi] = [0, f.value];
      break;
    default:
      if (f.value === undefined) return undefined;
      [lo, hi] = [f.value, f.value];
  }
  const out: Amount = { lo: lo * base.lo, hi: hi === null ? null : hi * base.hi, unit: base.unit || (defaultUnit ?? '') };
  if (f.qualifier === 'about' || f.qualifier === 'nearly') out.approximate = true;
  return out;
}

/** The smallest amount holding every one given (the same unit). */
export function hull(amounts: readonly Amount[]): Amount | undefined {
  if (!amounts.length) return undefined;
  const lo = Math.min(...amounts.map((a) => a.lo));
  const his = amounts.map((a) => a.hi);
  const hi = his.includes(null) ? null : Math.max(...(his as number[]));
  const out: Amount = { lo, hi, unit: amounts[0].unit };
  if (amounts.some((a) => a.approximate)) out.approximate = true;
  return out;
}

export function emptyTotal(unit: string): Total {
  return { lo: 0, hi: 0, unit, figures: 0, lowerBounds: 0, ranges: 0, disputed: 0 };
}

/** Adds an amount to a total (in place). */
export function addTo(total: Total, a: Amount, disputed = false): Total {
  total.lo += a.lo;
  total.hi = total.hi === null || a.hi === null ? null : total.hi + a.hi;
  total.figures++;
  if (a.approximate) total.approximate = true;
  if (disputed) total.disputed++;
  else if (a.hi === null) total.lowerBounds++;
  else if (a.hi !== a.lo) total.ranges++;
  return total;
}

/** Floating-point sums of converted units (3,200 lb) are rounded to what the figures can mean. */
const tidy = (x: number) => (Number.isInteger(x) ? x : Math.round(x * 1000) / 1000);

function quantity(x: number, unit: string): string {
  if (unit === 'kg') return formatKg(tidy(x));
  if (unit === 'l') return `${formatNumber(tidy(x))} l`;
  return unit ? `${formatNumber(tidy(x))} ${unit}` : formatNumber(tidy(x));
}

/** "1,350,000 tablets", "about 65 kg", "at least 1,350,000 tablets", "215 kg–2.02 t". */
export function formatAmount(a: Amount): string {
  if (a.hi === null) return `at least ${quantity(a.lo, a.unit)}`;
  if (a.hi === a.lo) return `${a.approximate ? 'about ' : ''}${quantity(a.lo, a.unit)}`;
  const [lo, hi] = [quantity(a.lo, a.unit), quantity(a.hi, a.unit)];
  // "215–2,015 kg" when both ends read in the same unit, else "500 kg–1.1 t".
  const suffix = (s: string) => /\s\S+$/.exec(s)?.[0] ?? '';
  const same = suffix(lo) === suffix(hi);
  return `${a.approximate ? 'about ' : ''}${same ? lo.slice(0, lo.length - suffix(lo).length) : lo}–${hi}`;
}

/** What a total is made of, for a reader: "a lower bound: 2 of its 5 figures are “more than”". */
export function describeTotal(t: Total): string {
  const notes: string[] = [];
  if (t.lowerBounds) notes.push(`${t.lowerBounds} of its ${t.figures} figures ${t.lowerBounds === 1 ? 'is a lower bound' : 'are lower bounds'} (“more than”, “at least”), so the total is a lower bound`);
  if (t.disputed) notes.push(`${t.disputed} ${t.disputed === 1 ? 'figure is' : 'figures are'} disputed between sources: the total spans every side`);
  if (t.ranges) notes.push(`${t.ranges} ${t.ranges === 1 ? 'figure is a range' : 'figures are ranges'}`);
  if (t.approximate) notes.push('some figures are approximate');
  return notes.join('; ');
}
