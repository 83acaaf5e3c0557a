/**
 * Reading an event's values as facts: figure slots as lists of figures (with their JSON pointers),
 * units converted exactly, partial dates as day intervals. Pure functions over plain data.
 */
import { formatPointer } from '../base/pointer';
import { deepFreeze } from '../base/memo';
import { dayNumber, daysInMonth, fromDayNumber, partialDate } from '../read/calendar';

// The units and the calendar live with the text readers; the event model re-exports them.
export * from '../read/units';
export * from '../read/calendar';

export type Qualifier = 'exact' | 'about' | 'more_than' | 'at_least' | 'nearly' | 'less_than' | 'up_to' | 'range';

/** What part of the seizure a figure covers (schema: `scope`). */
export type Scope = 'total' | 'part' | 'aggregate';

/** Where in its source a figure is written (schema: `where`). */
export type Where = 'headline' | 'lead' | 'body' | 'caption' | 'url';

export interface Figure {
  value?: number;
  unit?: string;
  qualifier: Qualifier;
  min?: number;
  max?: number;
  source?: string;
  basis?: string;
  as_of?: string;
  as_reported?: string;
  /** total (default), part (with its `part` label) or aggregate. */
  scope: Scope;
  part?: string;
  where?: Where;
  /** The source's own name for the drug, when it differs from the seizure's. */
  drugAsReported?: string;
  /** The source prints this figure garbled: kept as printed, not used to check other figures. */
  garbled: boolean;
  /** For money (street values): the ISO 4217 currency. */
  currency?: string;
  /** The source gives no unit; `unit` is the slot's usual one (kg for a weight), taken for comparing. */
  unitAssumed?: boolean;
  note?: string;
  /** The figure was written as a bare number (shorthand for an exact figure). */
  shorthand: boolean;
  /** JSON pointer of this figure (of the number itself for shorthand). */
  pointer: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A reading of an event value made once and shared: a dozen rules read the slots, sources and date
 * claims of the same document, and a document reused by the next version of its file keeps its value.
 * The value is never changed once parsed, so the reading is kept with it (a WeakMap: it goes with the
 * value) and frozen, so that no reader can change it for the next.
 */
function perEvent<T>(read: (event: unknown) => T[]): (event: unknown) => readonly T[] {
  const memo = new WeakMap<object, readonly T[]>();
  return (event) => {
    if (typeof event !== 'object' || event === null) return deepFreeze(read(event));
    let out = memo.get(event);
    if (!out) memo.set(event, (out = deepFreeze(read(event))));
    return out;
  };
}

function toFigure(v: unknown, pointer: string): Figure | undefined {
  if (typeof v === 'number') return { value: v, qualifier: 'exact', scope: 'total', garbled: false, shorthand: true, pointer };
  if (!isObj(v)) return undefined;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return {
    value: num(v.value),
    unit: str(v.unit),
    qualifier: (str(v.qualifier) as Qualifier | undefined) ?? 'exact',
    min: num(v.min),
    max: num(v.max),
    source: str(v.source),
    basis: str(v.basis),
    as_of: str(v.as_of),
    as_reported: str(v.as_reported),
    scope: v.scope === 'part' || v.scope === 'aggregate' ? v.scope : 'total',
    part: str(v.part),
    where: str(v.where) as Where | undefined,
    drugAsReported: str(v.drug_as_reported),
    garbled: v.garbled === true,
    currency: str(v.currency),
    note: str(v.note),
    shorthand: false,
    pointer,
  };
}

/** A figure slot (number, figure, or list of figures) as a list of figures, each with its pointer. */
export function figuresOf(slot: unknown, pointer: string): Figure[] {
  if (Array.isArray(slot)) {
    const out: Figure[] = [];
    slot.forEach((item, i) => {
      const f = toFigure(item, `${pointer}/${i}`);
      if (f) out.push(f);
    });
    return out;
  }
  const f = toFigure(slot, pointer);
  return f ? [f] : [];
}

/** Every figure slot of an event, with a label: seizures[i].count/weight/volume, other_items[i].quantity, arrests. */
export interface SlotRef {
  /** JSON pointer of the slot. */
  pointer: string;
  /** `count`, `weight`, `volume`, `quantity` or `arrests`. */
  field: 'count' | 'weight' | 'volume' | 'street_value' | 'quantity' | 'arrests';
  /** Index in `seizures` (or `other_items`), if any. */
  index?: number;
  drug?: string;
  form?: string;
  figures: Figure[];
}

/** Every figure slot of an event, in document order (read once per value, frozen). */
export const slotsOf = perEvent(readSlots);

function readSlots(event: unknown): SlotRef[] {
  if (!isObj(event)) return [];
  const out: SlotRef[] = [];
  if (Array.isArray(event.seizures)) {
    event.seizures.forEach((s, i) => {
      if (!isObj(s)) return;
      for (const field of ['count', 'weight', 'volume', 'street_value'] as const) {
        if (s[field] === undefined || s[field] === null) continue;
        const pointer = formatPointer(['seizures', i, field]);
        out.push({
          pointer,
          field,
          index: i,
          drug: typeof s.drug === 'string' ? s.drug : undefined,
          form: typeof s.form === 'string' ? s.form : undefined,
          figures: figuresOf(s[field], pointer),
        });
      }
    });
  }
  if (Array.isArray(event.other_items)) {
    event.other_items.forEach((o, i) => {
      if (!isObj(o) || o.quantity === undefined) return;
      const pointer = formatPointer(['other_items', i, 'quantity']);
      out.push({ pointer, field: 'quantity', index: i, figures: figuresOf(o.quantity, pointer) });
    });
  }
  if (event.arrests !== undefined && event.arrests !== null) {
    out.push({ pointer: '/arrests', field: 'arrests', figures: figuresOf(event.arrests, '/arrests') });
  }
  return out;
}

/**
 * The interval of true values a figure allows, before rounding tolerance: "more than 200,000" is
 * (200000, ∞), "about 65" is 65 (the caller applies a rounding tolerance), "range" is [min, max].
 */
export interface Interval {
  lo: number;
  hi: number;
  /** The bounds come from "about": callers widen them by their rounding tolerance. */
  approximate: boolean;
}

export function intervalOf(f: Figure): Interval | undefined {
  const v = f.value;
  switch (f.qualifier) {
    case 'range':
      return f.min !== undefined && f.max !== undefined ? { lo: f.min, hi: f.max, approximate: false } : undefined;
    case 'more_than':
    case 'at_least':
      return v === undefined ? undefined : { lo: v, hi: Infinity, approximate: false };
    case 'less_than':
    case 'up_to':
      return v === undefined ? undefined : { lo: 0, hi: v, approximate: false };
    case 'nearly':
      // "nearly 9 million": a little below 9 million; how far below is the caller's tolerance.
      return v === undefined ? undefined : { lo: v, hi: v, approximate: true };
    case 'about':
      return v === undefined ? undefined : { lo: v, hi: v, approximate: true };
    default:
      return v === undefined ? undefined : { lo: v, hi: v, approximate: false };
  }
}

/** A date claim of an event (`date` may be one claim or a list, one per source). */
export interface DateClaim {
  on?: string;
  from?: string;
  to?: string;
  precision?: string;
  as_reported?: string | null;
  refers_to?: 'event' | 'announcement';
  source?: string;
  /** Where in the source the date is written (headline, lead, body…). */
  where?: Where;
  pointer: string;
  /** The days the claim allows (from `on`, or from `from`/`to`, open ends left undefined). */
  interval?: { start?: string; end?: string };
}

/** The date claims of an event (read once per value, frozen). */
export const dateClaimsOf = perEvent(readDateClaims);

function readDateClaims(event: unknown): DateClaim[] {
  if (!isObj(event)) return [];
  const raw = event.date;
  const list = Array.isArray(raw) ? raw.map((c, i) => [c, `/date/${i}`] as const) : raw === undefined ? [] : [[raw, '/date'] as const];
  const out: DateClaim[] = [];
  for (const [c, pointer] of list) {
    if (!isObj(c)) continue;
    const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const claim: DateClaim = {
      on: str(c.on),
      from: str(c.from),
      to: str(c.to),
      precision: str(c.precision),
      as_reported: typeof c.as_reported === 'string' ? c.as_reported : c.as_reported === null ? null : undefined,
      refers_to: c.refers_to === 'announcement' ? 'announcement' : 'event',
      source: str(c.source),
      where: str(c.where) as Where | undefined,
      pointer,
    };
    const on = partialDate(claim.on);
    if (on) {
      // A week is given by its first day, a quarter by its first month.
      if (claim.precision === 'week' && on.precision === 'day') claim.interval = { start: on.start, end: fromDayNumber(dayNumber(on.start) + 6) };
      else if (claim.precision === 'quarter' && on.precision === 'month') {
        const [y, m] = on.start.split('-').map(Number);
        const last = Math.min(m + 2, 12);
        claim.interval = { start: on.start, end: `${y}-${String(last).padStart(2, '0')}-${String(daysInMonth(y, last)).padStart(2, '0')}` };
      } else claim.interval = { start: on.start, end: on.end };
    }
    else {
      const from = partialDate(claim.from);
      const to = partialDate(claim.to);
      if (from || to) claim.interval = { start: from?.start, end: to?.end };
    }
    out.push(claim);
  }
  return out;
}

/** Sources of an event by id. */
export interface SourceRef {
  id: string;
  index: number;
  pointer: string;
  publisher?: string;
  url?: string | null;
  published?: string | null;
  quotes: string[];
  language?: string;
  /** The news agency whose copy the article carries (copies of one wire story are one account). */
  wire?: string;
  /** The article's headline, when recorded. */
  title?: string | null;
}

/** The sources of an event (read once per value, frozen). */
export const sourcesOf = perEvent(readSources);

function readSources(event: unknown): SourceRef[] {
  if (!isObj(event) || !Array.isArray(event.sources)) return [];
  const out: SourceRef[] = [];
  event.sources.forEach((s, index) => {
    if (!isObj(s) || typeof s.id !== 'string') return;
    out.push({
      id: s.id,
      index,
      pointer: `/sources/${index}`,
      publisher: typeof s.publisher === 'string' ? s.publisher : undefined,
      url: typeof s.url === 'string' ? s.url : s.url === null ? null : undefined,
      published: typeof s.published === 'string' ? s.published : s.published === null ? null : undefined,
      quotes: Array.isArray(s.quotes) ? s.quotes.filter((q): q is string => typeof q === 'string') : [],
      language: typeof s.language === 'string' ? s.language : undefined,
      wire: typeof s.wire === 'string' ? s.wire : undefined,
      title: typeof s.title === 'string' ? s.title : s.title === null ? null : undefined,
    });
  });
  return out;
}

const sourceMaps = new WeakMap<readonly SourceRef[], Map<string, SourceRef>>();

/**
 * The source with this id (the first, when two share it). Rules look a source up for every figure
 * and date claim: a table per list of sources keeps an event with thousands of sources linear.
 */
export function findSource(sources: readonly SourceRef[], id: string | undefined): SourceRef | undefined {
  if (id === undefined) return undefined;
  if (sources.length <= 8) return sources.find((s) => s.id === id);
  let byId = sourceMaps.get(sources);
  if (!byId) {
    byId = new Map();
    for (const s of sources) if (!byId.has(s.id)) byId.set(s.id, s);
    sourceMaps.set(sources, byId);
  }
  return byId.get(id);
}

/** Every `source:` reference in an event (figures, dates, suspects, items), with its pointer (read once per value, frozen). */
export const sourceReferences = perEvent(readSourceReferences);

function readSourceReferences(event: unknown): { id: string; pointer: string }[] {
  const out = [...stringsOf(event).refs];
  // conflicts[].values[].source and conflicts[].chosen refer to sources too
  if (isObj(event) && Array.isArray(event.conflicts)) {
    event.conflicts.forEach((c, i) => {
      if (!isObj(c)) return;
      if (typeof c.chosen === 'string') out.push({ id: c.chosen, pointer: formatPointer(['conflicts', i, 'chosen']) });
      if (Array.isArray(c.values))
        c.values.forEach((v, j) => {
          if (isObj(v) && typeof v.source === 'string') out.push({ id: v.source, pointer: formatPointer(['conflicts', i, 'values', j, 'source']) });
        });
    });
  }
  return out;
}

/** Written like a day the schema's date pattern accepts (month 01–12, day 01–31). */
const DAY_SHAPED = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;

/** A placeholder left to fill in: `TODO`, alone or leading the text ("TODO: why …"). */
const PLACEHOLDER = /^\s*TODO\b/;

/** The sources' own words, quoted as they are (impossible dates included). */
const WORDS = new Set(['as_reported', 'quotes']);

/** Placeholders deeper than this are not looked for. */
const PLACEHOLDER_DEPTH = 64;

/** What the rules that look at every string of an event need, found in one walk of its value. */
export interface EventStrings {
  /** `source:` and `chosen:` strings outside the top-level `sources` and `conflicts`, in document order. */
  readonly refs: readonly { id: string; pointer: string }[];
  /** Strings written like a day (YYYY-MM-DD, month 01–12, day 01–31) outside the sources' own words (`as_reported`, `quotes`). */
  readonly days: readonly { text: string; pointer: string }[];
  /** Strings that are still a placeholder (`TODO`, alone or leading), at most 64 levels deep. */
  readonly placeholders: readonly { text: string; pointer: string }[];
}

const stringsMemo = new WeakMap<object, EventStrings>();

/**
 * The strings of an event that source references, date checks and placeholder checks look at, found
 * in one walk (three rules walked the whole value each) and kept with the value, frozen.
 */
export function stringsOf(event: unknown): EventStrings {
  if (typeof event !== 'object' || event === null) return deepFreeze(readStrings(event));
  let out = stringsMemo.get(event);
  if (!out) stringsMemo.set(event, (out = deepFreeze(readStrings(event))));
  return out;
}

function readStrings(event: unknown): EventStrings {
  const refs: { id: string; pointer: string }[] = [];
  const days: { text: string; pointer: string }[] = [];
  const placeholders: { text: string; pointer: string }[] = [];
  // `segs` is the walk's stack: a pointer is written only for a string that is kept.
  const segs: (string | number)[] = [];
  const walk = (v: unknown, depth: number, words: boolean, refsToo: boolean) => {
    if (typeof v === 'string') {
      if (depth <= PLACEHOLDER_DEPTH && v.includes('TODO') && PLACEHOLDER.test(v)) placeholders.push({ text: v, pointer: formatPointer(segs) });
      if (!words && v.length === 10 && DAY_SHAPED.test(v)) days.push({ text: v, pointer: formatPointer(segs) });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        segs.push(i);
        walk(v[i], depth + 1, words, refsToo);
        segs.pop();
      }
    } else if (isObj(v)) {
      for (const k of Object.keys(v)) {
        const x = v[k];
        segs.push(k);
        // The top-level `sources` and `conflicts` hold no reference (conflicts' are read apart).
        const refs_ = refsToo && !(depth === 0 && (k === 'sources' || k === 'conflicts'));
        if (refs_ && (k === 'source' || k === 'chosen') && typeof x === 'string') refs.push({ id: x, pointer: formatPointer(segs) });
        walk(x, depth + 1, words || WORDS.has(k), refs_);
        segs.pop();
      }
    }
  };
  walk(event, 0, false, true);
  return { refs, days, placeholders };
}
