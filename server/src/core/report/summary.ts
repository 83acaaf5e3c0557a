/**
 * A dataset summed up for analysis: headline totals per drug, a timeline by month, totals by country
 * and by agency, the events on a map, every disagreement between sources side by side, and a table of
 * events with their findings. Totals never double-count: each seizure adds what the dataset keeps for
 * it once (sources that agree count once), disputed figures add the span of their sides and say so,
 * lower bounds keep the total a lower bound, and parts, sums of other seizures, counts so far and
 * garbled figures are left out.
 */
import type { Registries } from '../model/dataset';
import { countryName } from '../read/places';
import { pointerToPath } from '../base/pointer';
import { type Total, addTo, emptyTotal, formatAmount } from './amount';
import type { SideSummary, SlotSummary } from './kept';
import type { EventRow, SeizureRow } from './rows';
import { detachedDeep } from '../base/text';

export interface DrugTotals {
  drug: string;
  name: string;
  /** Events with at least one seizure of the drug. */
  events: number;
  /** Seizure entries. */
  seizures: number;
  /** Seizures with neither a count nor a weight to add (quantity not reported, or only parts). */
  unquantified: number;
  /** One total per count unit (tablets, capsules, bars, bricks, packs, plants), the largest first. */
  counts: Total[];
  /** Kilograms. */
  mass: Total;
  /** Litres. */
  volume: Total;
}

/** How sure the dataset is of its figures: the figures a seizure keeps (count, weight, volume). */
export interface Shares {
  figures: number;
  /** The sources disagree and nothing settles it. */
  disputed: number;
  /** The sources disagree and a `conflicts` entry keeps one. */
  settled: number;
  /** Probably converted from another figure (`figures/derived`). */
  derived: number;
  /** A figure names no source the event lists. */
  unsourced: number;
}

export interface Headline {
  events: number;
  eventsByType: Record<string, number>;
  eventsByStatus: Record<string, number>;
  seizures: number;
  drugs: DrugTotals[];
  shares: Shares;
  findings: { error: number; warning: number; info: number };
  /** Events by the precision of their best-known date. */
  dates: Record<'day' | 'month' | 'year' | 'undated', number>;
  /** Events placed on the map (by coordinates, by province) and not. */
  placed: { coordinates: number; admin1: number; none: number };
}

export interface TimelineRow {
  /** YYYY-MM. */
  month: string;
  drug: string;
  events: number;
  seizures: number;
  tablets: Total;
  mass: Total;
}

export interface YearOnlyRow {
  year: string;
  drug: string;
  events: number;
  seizures: number;
}

export interface CountryRow {
  country: string;
  name: string;
  events: number;
  seizures: number;
  drugs: { drug: string; seizures: number; tablets: Total; mass: Total }[];
}

export interface AgencyRow {
  agency: string;
  name: string;
  country?: string;
  events: number;
  /** Events per role the agency plays (seizing, announcing, supporting, tip_off). */
  roles: Record<string, number>;
  /** What the events it seized hold, per drug. */
  drugs: { drug: string; seizures: number; tablets: Total; mass: Total }[];
}

export interface MapRow {
  /** Index of the event in `events`. */
  event: number;
  lat: number;
  lon: number;
  by: 'coordinates' | 'admin1';
  drugs: string[];
  tablets: number;
  kg: number;
}

export interface Disagreement {
  /** Index of the event in `events`. */
  event: number;
  /** Path of the field, e.g. seizures[0].weight. */
  field: string;
  pointer: string;
  /** 0-based line of the field, when known. */
  line?: number;
  drug?: string;
  /** disputed (open), settled (a conflicts entry keeps one), none_kept, or self (a source against itself; the text is kept). */
  status: 'disputed' | 'settled' | 'none_kept' | 'self';
  sides: SideSummary[];
  /** What the dataset keeps, when settled: "about 215 kg (thenational)". */
  kept?: string;
  chosen?: string | null;
  reason?: string;
}

export interface TableRow {
  id: string;
  file: string;
  line: number;
  status?: string;
  type?: string;
  title?: string;
  date?: string;
  precision: string;
  country?: string;
  admin1?: string;
  place?: string;
  /** "captagon: more than 1,350,000 tablets, 215–2,015 kg (disputed)". */
  seized: string;
  drugs: string[];
  /** Lowest tablet count and weight (kg) the dataset keeps, for sorting. */
  tablets: number;
  kg: number;
  disputed: number;
  findings: { error: number; warning: number; info: number };
  messages: { ruleId: string; severity: string; message: string; line: number }[];
}

export interface DatasetSummary {
  title: string;
  /** The day the summary was made for (the dataset's "today"). */
  today?: string;
  names: { drugs: Record<string, string>; agencies: Record<string, string>; countries: Record<string, string> };
  headline: Headline;
  timeline: TimelineRow[];
  yearOnly: YearOnlyRow[];
  countries: CountryRow[];
  agencies: AgencyRow[];
  map: MapRow[];
  disagreements: Disagreement[];
  events: TableRow[];
}

export interface SummaryContext {
  title?: string;
  today?: string;
  registries?: Registries;
}

const tabletTotal = () => emptyTotal('tablets');
const massTotal = () => emptyTotal('kg');

/** The slots of a seizure that hold quantities. */
const quantitySlots = (s: SeizureRow): SlotSummary[] => [s.count, s.weight, s.volume].filter((x): x is SlotSummary => !!x);

/** Adds a slot's contribution to a total of its unit. */
function add(total: Total, slot: SlotSummary | undefined): void {
  if (!slot?.contribution || slot.contribution.unit !== total.unit) return;
  addTo(total, slot.contribution, slot.status === 'disputed');
}

function lowOf(slot: SlotSummary | undefined, unit: string): number {
  return slot?.contribution && slot.contribution.unit === unit ? slot.contribution.lo : 0;
}

function slotText(slot: SlotSummary): string {
  if (slot.status === 'disputed' && slot.contribution) return `${formatAmount(slot.contribution)} (disputed)`;
  if (slot.kept) return slot.kept.text + (slot.status === 'settled' ? ' (settled)' : '');
  if (slot.status === 'partial') return 'parts only';
  return 'none kept';
}

export function seizedText(s: SeizureRow): string {
  const parts = quantitySlots(s).map(slotText);
  return `${s.drug ?? 'unknown drug'}${parts.length ? `: ${parts.join(', ')}` : ' (quantity not reported)'}`;
}

const byDrug = <T extends { drug: string }>(list: T[], drug: string, make: () => T): T => {
  let x = list.find((e) => e.drug === drug);
  if (!x) list.push((x = make()));
  return x;
};

const plainCountry = (code: string) => countryName(code).replace(/^the /, '');

export function summarize(rows: readonly EventRow[], ctx: SummaryContext = {}): DatasetSummary {
  const s = summarizer(ctx);
  for (const row of rows) s.add(row);
  return s.finish();
}

/** Sums rows up as they come (`summarize` of all of them, without holding them). */
export interface Summarizer {
  /** Adds the next event's row. */
  add(row: EventRow): void;
  /** The summary of the rows added (call once, at the end). */
  finish(): DatasetSummary;
}

/**
 * A summary made one row at a time, in the order of `summarize`'s list: a dataset's rows need not be
 * held together (10,000 events: 42 MB of rows), only what the summary keeps of each.
 */
export function summarizer(ctx: SummaryContext = {}): Summarizer {
  const drugs = new Map<string, DrugTotals>();
  const drugTotals = (id: string) => {
    let d = drugs.get(id);
    if (!d) drugs.set(id, (d = { drug: id, name: ctx.registries?.drugs.get(id)?.name ?? id, events: 0, seizures: 0, unquantified: 0, counts: [], mass: massTotal(), volume: emptyTotal('l') }));
    return d;
  };
  const headline: Headline = {
    events: 0,
    eventsByType: {},
    eventsByStatus: {},
    seizures: 0,
    drugs: [],
    shares: { figures: 0, disputed: 0, settled: 0, derived: 0, unsourced: 0 },
    findings: { error: 0, warning: 0, info: 0 },
    dates: { day: 0, month: 0, year: 0, undated: 0 },
    placed: { coordinates: 0, admin1: 0, none: 0 },
  };
  const timeline = new Map<string, TimelineRow>();
  const yearOnly = new Map<string, YearOnlyRow>();
  const countries = new Map<string, CountryRow>();
  const agencies = new Map<string, AgencyRow>();
  const map: MapRow[] = [];
  const disagreements: Disagreement[] = [];
  const events: TableRow[] = [];

  const addRow = (row: EventRow): void => {
    const i = events.length;
    headline.events++;
    const type = row.type ?? 'unknown';
    headline.eventsByType[type] = (headline.eventsByType[type] ?? 0) + 1;
    const status = row.status ?? 'unknown';
    headline.eventsByStatus[status] = (headline.eventsByStatus[status] ?? 0) + 1;
    headline.seizures += row.seizures.length;
    for (const k of ['error', 'warning', 'info'] as const) headline.findings[k] += row.findings[k];
    headline.dates[row.date.precision]++;
    headline.placed[row.point?.by ?? 'none']++;

    const eventDrugs = new Set<string>();
    let tablets = 0;
    let kg = 0;
    let disputed = 0;
    for (const s of row.seizures) {
      const drug = s.drug ?? 'unknown';
      eventDrugs.add(drug);
      const d = drugTotals(drug);
      d.seizures++;
      const slots = quantitySlots(s);
      if (!slots.some((x) => x.contribution)) d.unquantified++;
      if (s.count?.contribution) {
        const unit = s.count.contribution.unit;
        add(byUnit(d.counts, unit), s.count);
      }
      add(d.mass, s.weight);
      add(d.volume, s.volume);
      tablets += lowOf(s.count, 'tablets');
      kg += lowOf(s.weight, 'kg');
      for (const slot of slots) {
        headline.shares.figures++;
        if (slot.status === 'disputed') headline.shares.disputed++;
        if (slot.status === 'settled' || slot.status === 'none_kept') headline.shares.settled++;
        if (row.derived.includes(slot.pointer)) headline.shares.derived++;
        if (!slot.sourced) headline.shares.unsourced++;
      }
      for (const slot of [...slots, ...(s.streetValue ? [s.streetValue] : [])]) {
        if (slot.sides && slot.sides.length > 1) {
          if (slot.status === 'disputed') disputed++;
          disagreements.push(detachedDeep(disagreementOf(i, slot, drug)));
        }
      }
    }
    if (row.arrests?.sides && row.arrests.sides.length > 1) disagreements.push(detachedDeep(disagreementOf(i, row.arrests)));
    for (const c of row.otherConflicts) {
      disagreements.push(
        detachedDeep({
          event: i,
          field: c.field,
          pointer: c.pointer,
          status: c.chosen == null ? 'none_kept' : 'settled',
          sides: c.values.map((v) => ({ text: `${v.value}${v.unit ? ` ${v.unit}` : ''}`, sources: [v.source], figures: [], amount: { lo: 0, hi: 0, unit: '' } })),
          ...(c.chosen ? { kept: c.values.filter((v) => v.source === c.chosen).map((v) => `${v.value} (${v.source})`).join(', ') || c.chosen } : {}),
          chosen: c.chosen ?? null,
          ...(c.reason ? { reason: c.reason } : {}),
        }),
      );
    }
    for (const drug of eventDrugs) drugTotals(drug).events++;

    // Timeline: by the month of the best-known date; events dated to the year only are kept apart.
    const best = row.date.best;
    for (const s of row.seizures) {
      const drug = s.drug ?? 'unknown';
      if (best && row.date.precision !== 'year') {
        const key = `${best.slice(0, 7)}|${drug}`;
        let t = timeline.get(key);
        if (!t) timeline.set(key, (t = { month: best.slice(0, 7), drug, events: 0, seizures: 0, tablets: tabletTotal(), mass: massTotal() }));
        t.seizures++;
        add(t.tablets, s.count);
        add(t.mass, s.weight);
      } else {
        const year = best ? best.slice(0, 4) : 'undated';
        const key = `${year}|${drug}`;
        let y = yearOnly.get(key);
        if (!y) yearOnly.set(key, (y = { year, drug, events: 0, seizures: 0 }));
        y.seizures++;
      }
    }
    for (const drug of eventDrugs) {
      const t = best && row.date.precision !== 'year' ? timeline.get(`${best.slice(0, 7)}|${drug}`) : yearOnly.get(`${best ? best.slice(0, 4) : 'undated'}|${drug}`);
      if (t) t.events++;
    }

    // By country: the country of the event's first location, so that no event counts twice.
    const country = row.countries[0] ?? 'unknown';
    let c = countries.get(country);
    if (!c) countries.set(country, (c = { country, name: country === 'unknown' ? 'Unknown' : plainCountry(country), events: 0, seizures: 0, drugs: [] }));
    c.events++;
    c.seizures += row.seizures.length;
    for (const s of row.seizures) addDrug(c.drugs, s);

    // By agency: an event counts once per agency, whatever its roles; quantities for the seizing ones.
    const seen = new Map<string, Set<string>>();
    for (const a of row.agencies) {
      if (!seen.has(a.agency)) seen.set(a.agency, new Set());
      seen.get(a.agency)!.add(a.role);
    }
    for (const [agency, roles] of seen) {
      let a = agencies.get(agency);
      if (!a) {
        const entry = ctx.registries?.agencies.get(agency);
        agencies.set(agency, (a = { agency, name: entry?.name ?? agency, ...(entry?.country ? { country: entry.country } : {}), events: 0, roles: {}, drugs: [] }));
      }
      a.events++;
      for (const r of roles) a.roles[r] = (a.roles[r] ?? 0) + 1;
      if (roles.has('seizing')) for (const s of row.seizures) addDrug(a.drugs, s);
    }

    if (row.point) map.push(detachedDeep({ event: i, lat: row.point.lat, lon: row.point.lon, by: row.point.by, drugs: [...eventDrugs], tablets, kg }));

    events.push(
      detachedDeep({
        id: row.id,
        file: row.file,
        line: row.line,
        ...(row.status ? { status: row.status } : {}),
        ...(row.type ? { type: row.type } : {}),
        ...(row.title ? { title: row.title } : {}),
        ...(row.date.best ? { date: row.date.best } : {}),
        precision: row.date.precision,
        ...(row.countries[0] ? { country: row.countries[0] } : {}),
        ...(row.admin1 ? { admin1: row.admin1 } : {}),
        ...(row.place ? { place: row.place } : {}),
        seized: row.seizures.map(seizedText).join('; '),
        drugs: [...eventDrugs],
        tablets,
        kg,
        disputed,
        findings: row.findings,
        messages: row.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, message: m.message, line: m.line })),
      }),
    );
  };

  const finish = (): DatasetSummary => {
    for (const d of drugs.values()) d.counts.sort((a, b) => b.figures - a.figures || (a.unit < b.unit ? -1 : 1));
    headline.drugs = [...drugs.values()].sort((a, b) => b.seizures - a.seizures || (a.drug < b.drug ? -1 : 1));
    const names = {
      drugs: Object.fromEntries([...drugs.values()].map((d) => [d.drug, d.name])),
      agencies: Object.fromEntries([...agencies.values()].map((a) => [a.agency, a.name])),
      countries: Object.fromEntries([...countries.values()].map((c) => [c.country, c.name])),
    };
    // What is kept of each event (the lists below) is copied as it is added, the totals here: a
    // summary holds none of the files' texts (see `detached`).
    return {
      title: ctx.title ?? 'Seizure dataset',
      ...(ctx.today ? { today: ctx.today } : {}),
      names: detachedDeep(names),
      headline: detachedDeep(headline),
      timeline: detachedDeep([...timeline.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.drug < b.drug ? -1 : 1))),
      yearOnly: detachedDeep([...yearOnly.values()].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : a.drug < b.drug ? -1 : 1))),
      countries: detachedDeep([...countries.values()].sort((a, b) => b.events - a.events || (a.country < b.country ? -1 : 1))),
      agencies: detachedDeep([...agencies.values()].sort((a, b) => b.events - a.events || (a.agency < b.agency ? -1 : 1))),
      map,
      disagreements,
      events,
    };
  };
  return { add: addRow, finish };
}

function byUnit(list: Total[], unit: string): Total {
  let t = list.find((x) => x.unit === unit);
  if (!t) list.push((t = emptyTotal(unit)));
  return t;
}

function addDrug(list: { drug: string; seizures: number; tablets: Total; mass: Total }[], s: SeizureRow): void {
  const d = byDrug(list, s.drug ?? 'unknown', () => ({ drug: s.drug ?? 'unknown', seizures: 0, tablets: tabletTotal(), mass: massTotal() }));
  d.seizures++;
  add(d.tablets, s.count);
  add(d.mass, s.weight);
}

function disagreementOf(event: number, slot: SlotSummary, drug?: string): Disagreement {
  const status = slot.status === 'settled' || slot.status === 'none_kept' ? slot.status : slot.selfContradiction ? 'self' : 'disputed';
  return {
    event,
    field: pointerToPath(slot.pointer),
    pointer: slot.pointer,
    ...(slot.line !== undefined ? { line: slot.line } : {}),
    ...(drug ? { drug } : {}),
    status,
    sides: slot.sides ?? [],
    ...(slot.kept ? { kept: `${slot.kept.text} (${slot.kept.sources.join(', ')})` } : {}),
    ...(slot.chosen !== undefined ? { chosen: slot.chosen } : {}),
    ...(slot.reason ? { reason: slot.reason } : {}),
  };
}
