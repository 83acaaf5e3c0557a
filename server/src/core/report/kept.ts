/**
 * What the dataset keeps for one figure slot (a seizure's count, weight, volume or street value):
 * the sources that agree form one side and count once; a `conflicts` entry's `chosen` source is what
 * the dataset keeps; an open disagreement keeps nothing and spans every side. Parts, sums of several
 * seizures, counts so far (`as_of`) and garbled figures are never what the slot keeps.
 */
import { pathToPointer } from '../base/pointer';
import type { Figure, SlotRef, SourceRef } from '../model/event';
import { DEFAULT_READING, comparable, unitLabel } from '../rules/figures/shared';
import { sidesOf } from '../rules/figures/sides';
import { type Amount, hull, nominalOf } from './amount';

export type SlotStatus =
  /** One source gives the figure. */
  | 'single'
  /** Several sources give it and agree (they count once). */
  | 'agreed'
  /** The sources disagree and a `conflicts` entry says which value is kept. */
  | 'settled'
  /** The sources disagree and nothing settles it. */
  | 'disputed'
  /** Only parts, sums of several seizures, counts so far or garbled figures: nothing to keep. */
  | 'partial'
  /** A `conflicts` entry settles the slot without keeping any value (`chosen: null`). */
  | 'none_kept';

export interface FigureRef {
  /** "about 215 kg", as the figure is written. */
  text: string;
  source?: string;
  where?: string;
  /** JSON pointer of the figure in its document. */
  pointer: string;
  /** 0-based line of the figure, when the shell placed it. */
  line?: number;
}

export interface SideSummary {
  /** The distinct ways the side's sources write it: "more than 1,350,000 tablets / 1,400,000 tablets". */
  text: string;
  sources: string[];
  figures: FigureRef[];
  /** What the side states, from its best-supported figure. */
  amount: Amount;
}

export interface SlotSummary {
  field: 'count' | 'weight' | 'volume' | 'street_value';
  /** JSON pointer of the slot. */
  pointer: string;
  /** 0-based line of the slot's key, when the shell placed it. */
  line?: number;
  status: SlotStatus;
  /** The figure the dataset keeps (absent when disputed, partial or none kept). */
  kept?: FigureRef & { qualifier: Figure['qualifier']; amount: Amount; sources: string[] };
  /** What the slot adds to totals: what is kept, or every side's values when disputed. */
  contribution?: Amount;
  /** Each side, when the sources disagree (settled or not), the kept one first when settled. */
  sides?: SideSummary[];
  /** The only other sides come from sources of the kept side contradicting themselves. */
  selfContradiction?: boolean;
  /** The `conflicts` entry's reason, when settled. */
  reason?: string;
  /** The source a `conflicts` entry keeps (null: none). */
  chosen?: string | null;
  /** Figures left out of what is kept: parts, sums of other seizures, counts so far, garbled. */
  left: { parts: number; aggregates: number; superseded: number; garbled: number };
  /** Every figure of the slot names a source the event lists: false when one does not. */
  sourced: boolean;
}

export interface ConflictEntry {
  pointer: string;
  field: string;
  chosen?: string | null;
  reason?: string;
  values: { value: number | string; unit?: string; source: string }[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The event's `conflicts` entries, each with the JSON pointer its `field` names. */
export function conflictsOf(event: unknown): ConflictEntry[] {
  if (!isObj(event) || !Array.isArray(event.conflicts)) return [];
  const out: ConflictEntry[] = [];
  for (const c of event.conflicts) {
    if (!isObj(c) || typeof c.field !== 'string') continue;
    const pointer = pathToPointer(c.field.trim());
    if (pointer === undefined) continue;
    const values = Array.isArray(c.values)
      ? c.values
          .filter(isObj)
          .filter((v) => (typeof v.value === 'number' || typeof v.value === 'string') && typeof v.source === 'string')
          .map((v) => ({ value: v.value as number | string, unit: typeof v.unit === 'string' ? v.unit : undefined, source: v.source as string }))
      : [];
    out.push({
      pointer,
      field: c.field.trim(),
      chosen: typeof c.chosen === 'string' ? c.chosen : c.chosen === null ? null : undefined,
      reason: typeof c.reason === 'string' ? c.reason : undefined,
      values,
    });
  }
  return out;
}

/** A part that is a count so far ("counted so far", "as of Monday"): a later total supersedes it. */
const SO_FAR = /\bso far\b|\bas of\b|\bprovisional|\bpreliminary/i;

const QUALIFIER_WORDS: Record<string, string> = { about: 'about ', more_than: 'more than ', at_least: 'at least ', nearly: 'nearly ', less_than: 'less than ', up_to: 'up to ' };

/** A number as written, every digit kept, thousands grouped: 2.015 → "2.015", 1350000 → "1,350,000". */
const written = (n: number) => {
  const [int, frac] = String(n).split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? '.' + frac : '');
};

/** "more than 1,350,000 tablets", "about 2.015 t", "200–250 kg", "6,000,000 EUR": the figure as written. */
export function describeFigure(f: Figure): string {
  const unit = f.currency ? ` ${f.currency}` : f.unit ? ` ${unitLabel(f.unit, f.qualifier !== 'range' && f.value === 1 ? 1 : undefined)}` : '';
  if (f.qualifier === 'range' && f.min !== undefined && f.max !== undefined) return `${written(f.min)}–${written(f.max)}${unit}`;
  if (f.value === undefined) return `?${unit}`;
  return `${QUALIFIER_WORDS[f.qualifier] ?? ''}${written(f.value)}${unit}`;
}

const QUALIFIER_RANK: Record<string, number> = { exact: 0, about: 1, nearly: 1, range: 2, more_than: 3, at_least: 3, less_than: 3, up_to: 3 };
const whereRank = (f: Figure) => (!f.where || f.where === 'body' ? 0 : f.where === 'lead' ? 1 : 2);

/**
 * The figure a side is best told by: the most precise statement (exact before "about" before a range
 * before a bound), from the article's text before its headline, the way most of its sources write it,
 * then the first in the file.
 */
export function bestOf(figures: readonly Figure[]): Figure {
  const text = (f: Figure) => describeFigure(f);
  const support = new Map<string, Set<string>>();
  for (const f of figures) {
    const t = text(f);
    if (!support.has(t)) support.set(t, new Set());
    support.get(t)!.add(f.source ?? '?');
  }
  return [...figures].sort(
    (a, b) =>
      (QUALIFIER_RANK[a.qualifier] ?? 4) - (QUALIFIER_RANK[b.qualifier] ?? 4) ||
      whereRank(a) - whereRank(b) ||
      support.get(text(b))!.size - support.get(text(a))!.size,
  )[0];
}

const ref = (f: Figure): FigureRef => ({ text: describeFigure(f), ...(f.source ? { source: f.source } : {}), ...(f.where ? { where: f.where } : {}), pointer: f.pointer });

function sideSummary(figures: readonly Figure[], defaultUnit: string | undefined): SideSummary | undefined {
  const best = bestOf(figures);
  const amount = nominalOf(best, defaultUnit);
  if (!amount) return undefined;
  const texts: string[] = [];
  for (const f of figures) {
    const t = describeFigure(f);
    if (!texts.includes(t)) texts.push(t);
  }
  return {
    text: texts.length > 3 ? `${texts.slice(0, 3).join(' / ')} / …` : texts.join(' / '),
    sources: [...new Set(figures.map((f) => f.source ?? '?'))],
    figures: figures.map(ref),
    amount,
  };
}

/** The unit a figure without one is read in: kilograms for a weight, the form's unit for a count. */
export function defaultUnitOf(slot: Pick<SlotRef, 'field' | 'form'>): string | undefined {
  if (slot.field === 'weight') return 'kg';
  if (slot.field === 'volume') return 'l';
  if (slot.field === 'count') return slot.form === 'capsule' ? 'capsules' : slot.form === 'bar' ? 'bars' : slot.form === 'plant' ? 'plants' : 'tablets';
  return undefined;
}

/** What the dataset keeps for one slot of a seizure. */
export function keptOf(slot: SlotRef, sources: readonly SourceRef[], conflicts: readonly ConflictEntry[]): SlotSummary {
  const field = slot.field as SlotSummary['field'];
  const left = { parts: 0, aggregates: 0, superseded: 0, garbled: 0 };
  const known = new Set(sources.map((s) => s.id));
  const sourced = slot.figures.length > 0 && slot.figures.every((f) => f.source !== undefined && known.has(f.source));
  const totals: Figure[] = [];
  for (const f of slot.figures) {
    if (f.garbled) left.garbled++;
    else if (f.scope === 'aggregate') left.aggregates++;
    else if (f.scope === 'part') SO_FAR.test(`${f.part ?? ''} ${f.note ?? ''}`) ? left.superseded++ : left.parts++;
    else if (f.as_of) left.superseded++;
    else if (f.value !== undefined || f.qualifier === 'range') totals.push(f);
  }
  const unit = defaultUnitOf(slot);
  // Figures that measure something else than the first (packs against tablets, euros against dollars)
  // are not the same quantity: the slot keeps the first kind.
  const same = totals.filter((f) => comparable(totals[0], f));
  const base: SlotSummary = { field, pointer: slot.pointer, status: 'partial', left, sourced };
  if (!same.length) return base;

  const sides = sidesOf(same, sources, DEFAULT_READING)
    .map((s) => sideSummary(s.members.map((m) => m.figure), unit))
    .filter((s): s is SideSummary => !!s);
  // Figures with no readable span (no unit that converts) are taken one side each.
  if (!sides.length) return base;
  const conflict = conflicts.find((c) => c.pointer === slot.pointer || c.pointer.startsWith(slot.pointer + '/'));
  if (conflict) {
    const settled: SlotSummary = { ...base, status: 'settled', chosen: conflict.chosen ?? null, ...(conflict.reason ? { reason: conflict.reason } : {}) };
    if (conflict.chosen == null) return { ...settled, status: 'none_kept', sides };
    const chosenFigures = same.filter((f) => f.source === conflict.chosen);
    let kept: SlotSummary['kept'];
    if (chosenFigures.length) {
      const best = bestOf(chosenFigures);
      const amount = nominalOf(best, unit);
      if (amount) kept = { ...ref(best), qualifier: best.qualifier, amount, sources: [conflict.chosen] };
    } else {
      // The chosen value is written only in the conflicts entry.
      const v = conflict.values.find((x) => x.source === conflict.chosen && typeof x.value === 'number');
      const f = v && ({ value: v.value as number, unit: v.unit ?? unit, qualifier: 'exact', scope: 'total', garbled: false, shorthand: false, source: v.source, pointer: conflict.pointer } satisfies Figure);
      const amount = f && nominalOf(f, unit);
      if (f && amount) kept = { ...ref(f), qualifier: f.qualifier, amount, sources: [v!.source] };
    }
    if (!kept) return { ...settled, status: 'none_kept', sides };
    const keptSide = sides.findIndex((s) => s.sources.includes(conflict.chosen!));
    const ordered = keptSide > 0 ? [sides[keptSide], ...sides.filter((_, i) => i !== keptSide)] : sides;
    return { ...settled, kept, contribution: kept.amount, sides: ordered };
  }
  // A side whose every source is also on the first one is those sources contradicting themselves (a
  // headline or address against the text): the dataset keeps what the first side says, and shows both.
  const selfOnly = sides.slice(1).every((s) => s.sources.every((id) => sides[0].sources.includes(id)));
  if (sides.length > 1 && !selfOnly) return { ...base, status: 'disputed', sides, contribution: hull(sides.map((s) => s.amount)) };
  const [side] = sides;
  const figures = side.figures.map((r) => same.find((f) => f.pointer === r.pointer)!);
  const best = bestOf(figures);
  return {
    ...base,
    status: side.sources.length > 1 ? 'agreed' : 'single',
    kept: { ...ref(best), qualifier: best.qualifier, amount: side.amount, sources: side.sources },
    contribution: side.amount,
    ...(sides.length > 1 ? { sides, selfContradiction: true } : {}),
  };
}
