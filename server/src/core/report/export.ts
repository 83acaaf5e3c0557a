/**
 * The dataset as rows for analysis: one row per seizure (an event with no seizure entry gets one row
 * with an empty drug, so that every event is there), in documented columns and a stable order, written
 * as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheets read Arabic text right), JSON
 * Lines, or GeoJSON points for the events with coordinates.
 */
import { formatAmount } from './amount';
import { detachedDeep } from '../base/text';
import type { SlotSummary } from './kept';
import type { EventRow, SeizureRow } from './rows';

export type Cell = string | number | null;

export interface Column {
  name: string;
  /** What the column holds, for the documentation (docs/export.md is checked against this list). */
  description: string;
  value: (e: EventRow, s: SeizureRow | undefined) => Cell;
}

const joined = (xs: readonly (string | null | undefined)[]) => xs.filter((x): x is string => !!x).join(';');

/** The low end of what a slot keeps (or spans, when disputed), in its base unit. */
const low = (slot: SlotSummary | undefined) => (slot?.contribution ? tidy(slot.contribution.lo) : null);
const high = (slot: SlotSummary | undefined) => (slot?.contribution && slot.contribution.hi !== null ? tidy(slot.contribution.hi) : null);
/** Converted units (3,200 lb, 1.5 short tons) to a millionth of the base unit: no floating-point tails. */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/** How the kept figure is hedged: exact, about, nearly, more_than…; "disputed" when nothing is kept. */
function qualifierOf(slot: SlotSummary | undefined): Cell {
  if (!slot) return null;
  if (slot.status === 'disputed') return 'disputed';
  return slot.kept?.qualifier ?? null;
}

/** "about 215 kg", or each side with its sources when disputed: "about 215 kg (thenational) | about 2,015 kg (asharq)". */
export function asKept(slot: SlotSummary | undefined): Cell {
  if (!slot) return null;
  if (slot.kept) return slot.kept.text;
  if (slot.sides?.length) return slot.sides.map((s) => `${s.text} (${s.sources.join(', ')})`).join(' | ');
  return null;
}

const slotSources = (slot: SlotSummary | undefined): Cell => {
  if (!slot) return null;
  if (slot.kept) return slot.kept.sources.join(';');
  return slot.sides ? [...new Set(slot.sides.flatMap((s) => s.sources))].join(';') : null;
};

const datePart = (e: EventRow, i: number): Cell => {
  const n = e.date.best?.split('-')[i];
  return n ? Number(n) : null;
};

function countColumns(): Column[] {
  return [
    { name: 'count_low', description: 'The count the dataset keeps, low end, in count_unit (a disputed count: the lowest side).', value: (_, s) => low(s?.count) },
    { name: 'count_high', description: 'High end; equal to count_low for a single number, empty when there is no upper end ("more than").', value: (_, s) => high(s?.count) },
    { name: 'count_unit', description: 'tablets, capsules, bars, bricks, packs or plants.', value: (_, s) => s?.count?.contribution?.unit ?? null },
    { name: 'count_qualifier', description: 'How the kept count is hedged: exact, about, nearly, more_than, at_least, up_to, less_than, range; disputed when sources disagree and nothing settles it.', value: (_, s) => qualifierOf(s?.count) },
    { name: 'count_status', description: 'single (one source), agreed (several sources that agree, counted once), settled (a conflicts entry keeps one source), disputed, partial (only parts, sums of other seizures or counts so far), none_kept.', value: (_, s) => s?.count?.status ?? null },
    { name: 'count_as_kept', description: 'The kept count as written, e.g. "more than 1,350,000 tablets"; for a disputed count every side with its sources.', value: (_, s) => asKept(s?.count) },
    { name: 'count_sources', description: 'The sources of the kept count (;-separated).', value: (_, s) => slotSources(s?.count) },
  ];
}

function slotColumns(prefix: 'weight_kg' | 'volume_l', pick: (s: SeizureRow | undefined) => SlotSummary | undefined, what: string): Column[] {
  const short = prefix.split('_')[0];
  return [
    { name: `${prefix}_low`, description: `The ${what} the dataset keeps, low end, in ${prefix.endsWith('kg') ? 'kilograms (tons of unknown kind: 907.18 kg each at the low end)' : 'litres'}.`, value: (_, s) => low(pick(s)) },
    { name: `${prefix}_high`, description: `High end; empty when there is no upper end.`, value: (_, s) => high(pick(s)) },
    { name: `${short}_qualifier`, description: `How the kept ${what} is hedged (as count_qualifier).`, value: (_, s) => qualifierOf(pick(s)) },
    { name: `${short}_status`, description: `As count_status, for the ${what}.`, value: (_, s) => pick(s)?.status ?? null },
    { name: `${short}_as_kept`, description: `The kept ${what} as written, or every side when disputed.`, value: (_, s) => asKept(pick(s)) },
    { name: `${short}_sources`, description: `The sources of the kept ${what}.`, value: (_, s) => slotSources(pick(s)) },
  ];
}

/** The columns, in their order. */
export const COLUMNS: readonly Column[] = [
  { name: 'event_id', description: 'The event id (<date>-<country>-<place>-<drug>).', value: (e) => e.id },
  { name: 'file', description: 'The event file, relative to the dataset root.', value: (e) => e.file },
  { name: 'status', description: 'draft, reviewed, disputed or retracted.', value: (e) => e.status ?? null },
  { name: 'type', description: 'seizure, facility_dismantled or operation.', value: (e) => e.type ?? null },
  { name: 'title', description: 'The event title.', value: (e) => e.title ?? null },
  { name: 'date', description: 'The best-known date, as the id gives it: YYYY-MM-DD, YYYY-MM or YYYY (text); empty when undated.', value: (e) => e.date.best ?? null },
  { name: 'date_precision', description: 'day, month, year or undated.', value: (e) => e.date.precision },
  { name: 'year', description: 'The year of the best-known date, as a number.', value: (e) => datePart(e, 0) },
  { name: 'month', description: 'Its month (1–12) when known.', value: (e) => datePart(e, 1) },
  { name: 'day', description: 'Its day of the month when known.', value: (e) => datePart(e, 2) },
  { name: 'date_from', description: 'The first day the date claims allow (YYYY-MM-DD), empty when open.', value: (e) => e.date.from ?? null },
  { name: 'date_to', description: 'The last day they allow, empty when open.', value: (e) => e.date.to ?? null },
  { name: 'country', description: 'ISO 3166-1 alpha-2 code of the first location; empty when unknown.', value: (e) => e.countries[0] ?? null },
  { name: 'countries', description: 'Every location\'s country (;-separated).', value: (e) => joined(e.countries) },
  { name: 'admin1', description: 'Province or governorate of the first location.', value: (e) => e.admin1 ?? null },
  { name: 'place', description: 'Town, district or crossing of the first location.', value: (e) => e.place ?? null },
  { name: 'location_precision', description: 'point, town, admin2, admin1, country, border, sea or unknown.', value: (e) => e.locationPrecision ?? null },
  { name: 'lat', description: 'Latitude of the first location\'s coordinates (WGS 84), when given.', value: (e) => e.coordinates?.lat ?? null },
  { name: 'lon', description: 'Longitude, when given.', value: (e) => e.coordinates?.lon ?? null },
  { name: 'seizure_index', description: 'Position of the seizure in the event\'s seizures list (0-based); empty for an event with no seizure entry.', value: (_, s) => s?.index ?? null },
  { name: 'drug', description: 'The drug\'s registry id.', value: (_, s) => s?.drug ?? null },
  { name: 'form', description: 'tablet, capsule, powder, resin, plant, liquid, crystal, bar or unknown.', value: (_, s) => s?.form ?? null },
  ...countColumns(),
  ...slotColumns('weight_kg', (s) => s?.weight, 'weight'),
  ...slotColumns('volume_l', (s) => s?.volume, 'volume'),
  { name: 'street_value', description: 'The street value the dataset keeps, as written with its currency (never converted into a quantity).', value: (_, s) => asKept(s?.streetValue) },
  { name: 'agencies', description: 'agency:role pairs (;-separated).', value: (e) => e.agencies.map((a) => `${a.agency}:${a.role}`).join(';') },
  { name: 'arrests', description: 'The arrests the dataset keeps, as written.', value: (e) => asKept(e.arrests) },
  { name: 'sources', description: 'The event\'s source ids (;-separated).', value: (e) => e.sources.join(';') },
  { name: 'source_count', description: 'How many sources the event lists.', value: (e) => e.sources.length },
  { name: 'errors', description: 'Findings of severity error in the event.', value: (e) => e.findings.error },
  { name: 'warnings', description: 'Findings of severity warning.', value: (e) => e.findings.warning },
  { name: 'infos', description: 'Findings of severity info.', value: (e) => e.findings.info },
];

/** The rows of every event, seizure by seizure, in the events' order. */
export function exportRows(events: readonly EventRow[]): Cell[][] {
  const out: Cell[][] = [];
  for (const e of events) {
    const seizures: (SeizureRow | undefined)[] = e.seizures.length ? e.seizures : [undefined];
    for (const s of seizures) out.push(COLUMNS.map((c) => c.value(e, s)));
  }
  return out;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV: a header row, CRLF line ends (RFC 4180), a byte-order mark unless `bom` is false. */
export function toCsv(events: readonly EventRow[], opts: { bom?: boolean } = {}): string {
  return exportAll('csv', events, opts);
}

/** JSON Lines: one object per row, the columns as keys in their order, empty cells as null. */
export function toJsonl(events: readonly EventRow[]): string {
  return exportAll('jsonl', events);
}

export type ExportFormat = 'csv' | 'jsonl' | 'geojson';

/**
 * An export made one event at a time: each row is turned into its lines (or its GeoJSON feature) as
 * it is added and need not be kept; `finish` gives the text `toCsv`, `toJsonl` or `toGeoJson` gives
 * for the same rows.
 */
export interface Exporter {
  add(e: EventRow): void;
  /** Events added so far. */
  readonly events: number;
  finish(): string;
}

export function exporter(format: ExportFormat, opts: { bom?: boolean } = {}): Exporter {
  const parts: string[] = format === 'csv' ? [COLUMNS.map((c) => c.name).join(',')] : [];
  const features: object[] = [];
  let events = 0;
  return {
    add(e) {
      events++;
      if (format === 'geojson') {
        const f = geoJsonFeature(e);
        // Kept to the end: its strings copied, not views into the event's file (see `detached`).
        if (f) features.push(detachedDeep(f));
        return;
      }
      for (const r of exportRows([e])) parts.push(format === 'csv' ? r.map(csvCell).join(',') : JSON.stringify(Object.fromEntries(COLUMNS.map((c, i) => [c.name, r[i]]))) + '\n');
    },
    get events() {
      return events;
    },
    finish() {
      if (format === 'geojson') return JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n';
      if (format === 'jsonl') return parts.join('');
      return (opts.bom === false ? '' : '\uFEFF') + parts.join('\r\n') + '\r\n';
    },
  };
}

function exportAll(format: ExportFormat, events: readonly EventRow[], opts: { bom?: boolean } = {}): string {
  const x = exporter(format, opts);
  for (const e of events) x.add(e);
  return x.finish();
}

/** GeoJSON: one point per event with coordinates, with its seizures summed up in its properties. */
export function toGeoJson(events: readonly EventRow[]): string {
  return exportAll('geojson', events);
}

/** An event's GeoJSON point, if it has coordinates. */
function geoJsonFeature(e: EventRow): object | undefined {
  if (!e.coordinates) return undefined;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [e.coordinates.lon, e.coordinates.lat] },
    properties: {
      event_id: e.id,
      file: e.file,
      title: e.title ?? null,
      status: e.status ?? null,
      type: e.type ?? null,
      date: e.date.best ?? null,
      date_precision: e.date.precision,
      country: e.countries[0] ?? null,
      admin1: e.admin1 ?? null,
      place: e.place ?? null,
      location_precision: e.locationPrecision ?? null,
      seizures: e.seizures.map((s) => ({
        drug: s.drug ?? null,
        count: s.count?.contribution ? formatAmount(s.count.contribution) : null,
        count_status: s.count?.status ?? null,
        weight: s.weight?.contribution ? formatAmount(s.weight.contribution) : null,
        weight_status: s.weight?.status ?? null,
      })),
      errors: e.findings.error,
      warnings: e.findings.warning,
      infos: e.findings.info,
    },
  };
}
