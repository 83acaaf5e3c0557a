/**
 * One event read for analysis: its best-known date, where it happened (and a point on a map when it
 * can be placed), its agencies, and per seizure what the dataset keeps for each figure, with the
 * event's findings counted. Plain data, built from the event's value and the findings of its check.
 */
import type { Finding, Severity } from '../base/types';
import { dateClaimsOf, slotsOf, sourcesOf } from '../model/event';
import { findAdmin1 } from '../read/places';
import ADMIN1_POINTS from '../read/admin1-points.json';
import { type ConflictEntry, type SlotSummary, conflictsOf, keptOf } from './kept';

export type DatePrecision = 'day' | 'month' | 'year' | 'undated';

export interface EventDate {
  /** The best-known date, as the event's id gives it: 2026-02-22, 2025-02, 2025, or absent. */
  best?: string;
  precision: DatePrecision;
  /** The days the date claims allow, when they say (open ends absent). */
  from?: string;
  to?: string;
}

export interface MapPoint {
  lat: number;
  lon: number;
  /** From the event's coordinates, or the label point of its province (Natural Earth). */
  by: 'coordinates' | 'admin1';
}

export interface SeizureRow {
  index: number;
  drug?: string;
  form?: string;
  count?: SlotSummary;
  weight?: SlotSummary;
  volume?: SlotSummary;
  streetValue?: SlotSummary;
}

export interface FindingRef {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 0-based line in the file. */
  line: number;
  pointer: string;
}

export interface EventRow {
  id: string;
  /** Dataset-relative path of the file, `/`-separated. */
  file: string;
  docIndex: number;
  /** 0-based line of the id (or of the document's start). */
  line: number;
  status?: string;
  type?: string;
  title?: string;
  date: EventDate;
  /** The country of each location, in order (null: unknown). */
  countries: (string | null)[];
  admin1?: string;
  place?: string;
  locationPrecision?: string;
  coordinates?: { lat: number; lon: number };
  point?: MapPoint;
  agencies: { agency: string; role: string }[];
  seizures: SeizureRow[];
  arrests?: SlotSummary;
  sources: string[];
  findings: { error: number; warning: number; info: number };
  /** The findings themselves (hints left out). */
  messages: FindingRef[];
  /** Slots a `figures/derived` finding marks as converted from another figure. */
  derived: string[];
  /** `conflicts` entries on something else than a seizure's figures (the date, the arrests…). */
  otherConflicts: ConflictEntry[];
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const POINTS = ADMIN1_POINTS as unknown as Record<string, [number, number]>;

/** The date the id carries: "2026-02-22-sy-homs-captagon" → 2026-02-22 (day). */
export function idDate(id: string): { best?: string; precision: DatePrecision } {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?-/.exec(id);
  if (!m) return { precision: 'undated' };
  return { best: m[0].slice(0, -1), precision: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}

function dateOf(event: Record<string, unknown>, id: string): EventDate {
  const out: EventDate = idDate(id);
  // The days the claims allow: where they overlap, else the whole span they cover.
  let lo: string | undefined;
  let hi: string | undefined;
  let loOpen = false;
  let hiOpen = false;
  let overlapLo: string | undefined;
  let overlapHi: string | undefined;
  let any = false;
  for (const c of dateClaimsOf(event)) {
    if (!c.interval) continue;
    any = true;
    const { start, end } = c.interval;
    if (start === undefined) loOpen = true;
    else {
      if (lo === undefined || start < lo) lo = start;
      if (overlapLo === undefined || start > overlapLo) overlapLo = start;
    }
    if (end === undefined) hiOpen = true;
    else {
      if (hi === undefined || end > hi) hi = end;
      if (overlapHi === undefined || end < overlapHi) overlapHi = end;
    }
  }
  if (!any) return out;
  if (overlapLo === undefined || overlapHi === undefined || overlapLo <= overlapHi) {
    if (overlapLo) out.from = overlapLo;
    if (overlapHi) out.to = overlapHi;
  } else {
    if (lo && !loOpen) out.from = lo;
    if (hi && !hiOpen) out.to = hi;
  }
  return out;
}

/** Where to put the event on a map: its first coordinates, else its first province's label point. */
function pointOf(locations: Record<string, unknown>[]): MapPoint | undefined {
  for (const l of locations) {
    const c = l.coordinates;
    if (isObj(c) && typeof c.lat === 'number' && typeof c.lon === 'number' && Math.abs(c.lat) <= 90 && Math.abs(c.lon) <= 180) return { lat: c.lat, lon: c.lon, by: 'coordinates' };
  }
  for (const l of locations) {
    const country = str(l.country);
    const admin1 = str(l.admin1);
    const sub = country && admin1 ? findAdmin1(country, admin1) : undefined;
    const p = sub && POINTS[sub.code];
    if (p) return { lat: p[0], lon: p[1], by: 'admin1' };
  }
  return undefined;
}

export interface RowInput {
  /** The document's value. */
  value: unknown;
  file: string;
  docIndex: number;
  /** 0-based line of the id, if known. */
  idLine?: number;
  /** The findings of this document. */
  findings: readonly Finding[];
  /** The 0-based line of a JSON pointer, to place each disagreement's figures (optional). */
  lineOf?: (pointer: string) => number | undefined;
}

/** Places a disagreement: the slot's line and each figure's. */
function placeSlot(slot: SlotSummary, lineOf: (pointer: string) => number | undefined): void {
  if (!slot.sides || slot.sides.length < 2) return;
  const line = lineOf(slot.pointer);
  if (line !== undefined) slot.line = line;
  for (const side of slot.sides)
    for (const f of side.figures) {
      const l = lineOf(f.pointer);
      if (l !== undefined) f.line = l;
    }
}

/** The event's row, or undefined when the document is not an event (not an object). */
export function eventRow(input: RowInput): EventRow | undefined {
  const v = input.value;
  if (!isObj(v)) return undefined;
  const id = str(v.id) ?? input.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '');
  const locations = (Array.isArray(v.location) ? v.location : [v.location]).filter(isObj);
  const first = locations[0] ?? {};
  const sources = sourcesOf(v);
  const conflicts = conflictsOf(v);
  const seizures = new Map<number, SeizureRow>();
  if (Array.isArray(v.seizures))
    v.seizures.forEach((s, index) => {
      if (isObj(s)) seizures.set(index, { index, ...(str(s.drug) ? { drug: str(s.drug) } : {}), ...(str(s.form) ? { form: str(s.form) } : {}) });
    });
  let arrests: SlotSummary | undefined;
  for (const slot of slotsOf(v)) {
    if (slot.field === 'arrests') {
      arrests = keptOf(slot, sources, conflicts);
      if (input.lineOf) placeSlot(arrests, input.lineOf);
    }
    if (slot.index === undefined || slot.field === 'quantity') continue;
    const row = seizures.get(slot.index);
    if (!row || slot.field === 'arrests') continue;
    const kept = keptOf(slot, sources, conflicts);
    if (input.lineOf) placeSlot(kept, input.lineOf);
    if (slot.field === 'street_value') row.streetValue = kept;
    else row[slot.field] = kept;
  }
  const counts = { error: 0, warning: 0, info: 0 };
  const messages: FindingRef[] = [];
  const derived = new Set<string>();
  for (const f of input.findings) {
    if (f.severity === 'hint') continue;
    counts[f.severity]++;
    messages.push({ ruleId: f.ruleId, severity: f.severity, message: f.message, line: f.range.start.line, pointer: f.pointer });
    if (f.ruleId === 'figures/derived') {
      const m = /^\/seizures\/\d+\/(?:count|weight|volume)/.exec(f.pointer);
      if (m) derived.add(m[0]);
    }
  }
  const coordinates = isObj(first.coordinates) && typeof first.coordinates.lat === 'number' && typeof first.coordinates.lon === 'number' ? { lat: first.coordinates.lat, lon: first.coordinates.lon } : undefined;
  const point = pointOf(locations);
  // Its strings are views into the file's text: what keeps a row, or parts of it, for longer than the
  // text copies them (`detachedDeep`: the summary, the export, datasetRows).
  return {
    id,
    file: input.file,
    docIndex: input.docIndex,
    line: input.idLine ?? 0,
    ...(str(v.status) ? { status: str(v.status) } : {}),
    ...(str(v.type) ? { type: str(v.type) } : {}),
    ...(str(v.title) ? { title: str(v.title) } : {}),
    date: dateOf(v, id),
    countries: locations.map((l) => str(l.country) ?? null),
    ...(str(first.admin1) ? { admin1: str(first.admin1) } : {}),
    ...(str(first.place) ? { place: str(first.place) } : {}),
    ...(str(first.precision) ? { locationPrecision: str(first.precision) } : {}),
    ...(coordinates ? { coordinates } : {}),
    ...(point ? { point } : {}),
    agencies: Array.isArray(v.agencies)
      ? v.agencies.filter(isObj).filter((a) => str(a.agency)).map((a) => ({ agency: str(a.agency)!, role: str(a.role) ?? 'unknown' }))
      : [],
    seizures: [...seizures.values()],
    ...(arrests ? { arrests } : {}),
    sources: sources.map((s) => s.id),
    findings: counts,
    messages,
    derived: [...derived],
    otherConflicts: conflicts.filter((c) => !/^\/(?:seizures\/\d+\/(?:count|weight|volume|street_value)|arrests)(?:\/|$)/.test(c.pointer)),
  };
}
