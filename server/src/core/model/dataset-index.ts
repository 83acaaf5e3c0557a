/**
 * The incremental index of every event in a dataset: a few facts per event document, updated one
 * file at a time. Dataset-wide rules read it instead of re-reading every file.
 */
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { dateClaimsOf, dayNumber, partialDate, slotsOf, sourcesOf, toKg } from './event';
import { nodeRange, locate } from '../yaml/parse';

export interface QuantityFact {
  drug: string;
  /** `tablets` (any count unit) or `kg` (any mass unit, converted). */
  kind: 'count' | 'kg';
  value: number;
}

export interface EventFacts {
  /** Dataset-relative path of the file, `/`-separated. */
  file: string;
  docIndex: number;
  id?: string;
  /** Line (0-based) of the id, for messages that point to the other file. */
  idLine?: number;
  country?: string;
  /** The province (admin1) as written, when the event has one location with one. */
  admin1?: string;
  drugs: string[];
  /** The widest interval of days the event's date claims allow. */
  interval?: { start?: string; end?: string };
  quantities: QuantityFact[];
  urls: { url: string; source: string; pointer: string }[];
}

/**
 * Facts already extracted from a parsed file, by dataset path: the index, the dataset rules and the
 * shells ask for the same file's facts several times per check, and a ParsedFile never changes.
 */
const factsCache = new WeakMap<ParsedFile, Map<string, EventFacts[]>>();

/** The facts of every event document of a parsed file (computed once per parsed file and path). */
export function extractFacts(file: string, parsed: ParsedFile): EventFacts[] {
  let byPath = factsCache.get(parsed);
  const hit = byPath?.get(file);
  if (hit) return hit;
  const out = computeFacts(file, parsed);
  if (!byPath) factsCache.set(parsed, (byPath = new Map()));
  byPath.set(file, out);
  return out;
}

/**
 * Facts of one document, kept with the document: a document reused by the next version of its file
 * (see `parseFile`'s `previous`) keeps its facts, and the very same object when nothing moved, so
 * that comparing a file's facts before and after an edit is mostly comparing references.
 */
const docFactsCache = new WeakMap<ParsedDocument, { file: string; idOffset?: number; facts: EventFacts }>();

function computeFacts(file: string, parsed: ParsedFile): EventFacts[] {
  const out: EventFacts[] = [];
  for (const d of parsed.docs) {
    const v = d.value as Record<string, unknown> | undefined;
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const cached = docFactsCache.get(d);
    if (cached && cached.file === file) {
      const idLine = cached.idOffset === undefined ? undefined : parsed.lines.position(d.start + cached.idOffset).line;
      if (cached.facts.idLine !== idLine || cached.facts.docIndex !== d.index) cached.facts = { ...cached.facts, idLine, docIndex: d.index };
      out.push(cached.facts);
      continue;
    }
    const facts = documentFacts(file, parsed, d, v);
    docFactsCache.set(d, { file, idOffset: facts.idOffset, facts: facts.facts });
    out.push(facts.facts);
  }
  return out;
}

/**
 * A copy of a string read from a file. Strings cut from a text are views that keep the whole text
 * alive; the index outlives the texts (10,000 files: 47 → 28 MB of heap with copies).
 */
function own<T extends string | undefined>(text: T): T {
  return (text && text.length >= 13 ? (' ' + text).slice(1) : text) as T;
}

function documentFacts(file: string, parsed: ParsedFile, d: ParsedDocument, v: Record<string, unknown>): { facts: EventFacts; idOffset?: number } {
  {
    const id = typeof v.id === 'string' ? own(v.id) : undefined;
    let idLine: number | undefined;
    let idOffset: number | undefined;
    if (id) {
      const at = d.idAt ?? nodeRange(locate(d.doc, '/id').node)?.[0];
      if (at !== undefined) {
        idLine = parsed.lines.position(at).line;
        idOffset = at - d.start;
      }
    }
    const loc = Array.isArray(v.location) ? v.location[0] : v.location;
    const country = loc && typeof loc === 'object' && typeof (loc as { country?: unknown }).country === 'string' ? (loc as { country: string }).country : undefined;
    const admin1 = loc && typeof loc === 'object' && typeof (loc as { admin1?: unknown }).admin1 === 'string' ? own((loc as { admin1: string }).admin1) : undefined;
    const drugs = new Set<string>();
    const quantities: QuantityFact[] = [];
    for (const slot of slotsOf(v)) {
      if (!slot.drug) continue;
      drugs.add(slot.drug);
      for (const f of slot.figures) {
        // The seizure's own figures: not a part of it, not a sum with other seizures, not a garbled print.
        if (f.value === undefined || f.scope !== 'total' || f.garbled || f.as_of) continue;
        if (slot.field === 'count') quantities.push({ drug: slot.drug, kind: 'count', value: f.value });
        if (slot.field === 'weight') {
          const kg = toKg(f.value, f.unit);
          if (kg !== undefined) quantities.push({ drug: slot.drug, kind: 'kg', value: kg });
        }
      }
    }
    if (Array.isArray(v.seizures)) for (const s of v.seizures) if (s && typeof s === 'object' && typeof (s as { drug?: unknown }).drug === 'string') drugs.add((s as { drug: string }).drug);
    let start: string | undefined;
    let end: string | undefined;
    let open = false;
    for (const c of dateClaimsOf(v)) {
      if (!c.interval) continue;
      if (c.interval.start === undefined) open = true;
      else if (start === undefined || c.interval.start < start) start = c.interval.start;
      if (c.interval.end !== undefined && (end === undefined || c.interval.end > end)) end = c.interval.end;
    }
    // No claim gives days: the id's date is the maintainer's best-known date of the event.
    if (!start && !end && !open && id) {
      const idDate = partialDate(/^(\d{4}(?:-\d{2}){0,2})-/.exec(id)?.[1]);
      if (idDate) {
        start = idDate.start;
        end = idDate.end;
      }
    }
    const urls = sourcesOf(v)
      .filter((s) => typeof s.url === 'string' && s.url)
      .map((s) => ({ url: own(s.url as string), source: own(s.id), pointer: `${s.pointer}/url` }));
    const facts: EventFacts = {
      file,
      docIndex: d.index,
      id,
      idLine,
      country,
      ...(admin1 ? { admin1 } : {}),
      drugs: [...drugs],
      interval: start || end ? { start: open ? undefined : start, end } : undefined,
      quantities,
      urls,
    };
    return { facts, idOffset };
  }
}

const urlCache = new Map<string, string>();
const URL_CACHE_LIMIT = 100_000;

/** Normalises a URL for comparison: scheme and host lower-cased, fragment and trailing slash dropped. */
export function normaliseUrl(url: string): string {
  // Dataset rules compare every event's URLs with every other's; the regex runs once per URL.
  let n = urlCache.get(url);
  if (n === undefined) {
    if (urlCache.size >= URL_CACHE_LIMIT) urlCache.clear();
    n = computeNormalisedUrl(url);
    urlCache.set(url, n);
  }
  return n;
}

function computeNormalisedUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^#]*)/i.exec(url.trim());
  if (!m) return url.trim();
  let rest = m[3];
  if (rest.endsWith('/')) rest = rest.slice(0, -1);
  return `${m[1].toLowerCase()}://${m[2].toLowerCase().replace(/^www\./, '')}${rest}`;
}

export interface DatasetIndexView {
  /** Every event document indexed. */
  events(): Iterable<EventFacts>;
  byId(id: string): readonly EventFacts[];
  byUrl(url: string): readonly EventFacts[];
  /**
   * The events that may describe the same seizure as `self`, in index order: those citing one of its
   * URLs, and those in the same country with a drug in common whose date spans are at most `days`
   * days apart. A superset of what a pairwise comparison over `events()` would keep, found without
   * visiting every event.
   */
  near?(self: EventFacts, days: number): EventFacts[];
  /** Increases on every change; lets shells tell whether findings may have changed. */
  readonly version: number;
}

/** An event's date span in day numbers, as the duplicate rules read it (an open end is the known end). */
export function spanDays(f: EventFacts): { start: number; end: number } | undefined {
  const s = f.interval?.start ?? f.interval?.end;
  const e = f.interval?.end ?? f.interval?.start;
  if (!s || !e) return undefined;
  return { start: dayNumber(s), end: dayNumber(e) };
}

interface Placed {
  facts: EventFacts;
  start: number;
  end: number;
}

/** Events of one country and drug, sorted by the start of their span when queried. */
interface Bucket {
  items: Placed[];
  sorted: boolean;
  /** Longest span ever added (an upper bound): how far before a window a span may start and still reach it. */
  maxLen: number;
}

export class DatasetIndex implements DatasetIndexView {
  private readonly files = new Map<string, EventFacts[]>();
  private readonly ids = new Map<string, EventFacts[]>();
  private readonly urls = new Map<string, EventFacts[]>();
  /** Insertion order of each indexed event (order of `events()`). */
  private readonly seq = new Map<EventFacts, number>();
  private nextSeq = 0;
  private readonly buckets = new Map<string, Bucket>();
  /** `events()` as an array, rebuilt after a change. */
  private flat: EventFacts[] | undefined;
  private _version = 0;

  get version(): number {
    return this._version;
  }

  get size(): number {
    let n = 0;
    for (const f of this.files.values()) n += f.length;
    return n;
  }

  /** Replaces a file's facts. Returns the ids and URLs whose set of files changed (before and after). */
  set(file: string, facts: EventFacts[]): { ids: Set<string>; urls: Set<string> } {
    const old = this.files.get(file);
    if (old && old.length === facts.length) {
      // Document by document: the unchanged ones (the same objects, see extractFacts) stay as they
      // are (an edit in one document of a long stream re-indexes that document, not the stream).
      const touched = { ids: new Set<string>(), urls: new Set<string>() };
      for (let i = 0; i < facts.length; i++) {
        if (facts[i] === old[i]) continue;
        const seq = this.seq.get(old[i])!;
        this.remove(old[i], touched);
        this.add(facts[i], touched, seq);
      }
      this.files.set(file, facts);
      this.flat = undefined;
      this._version++;
      return touched;
    }
    const touched = this.delete(file);
    this.files.set(file, facts);
    for (const f of facts) this.add(f, touched, this.nextSeq++);
    this.flat = undefined;
    this._version++;
    return touched;
  }

  private add(f: EventFacts, touched: { ids: Set<string>; urls: Set<string> }, seq: number): void {
    if (f.id) add(this.ids, f.id, f), touched.ids.add(f.id);
    for (const u of f.urls) add(this.urls, normaliseUrl(u.url), f), touched.urls.add(normaliseUrl(u.url));
    this.seq.set(f, seq);
    this.place(f);
  }

  private remove(f: EventFacts, touched: { ids: Set<string>; urls: Set<string> }): void {
    if (f.id) remove(this.ids, f.id, f), touched.ids.add(f.id);
    for (const u of f.urls) remove(this.urls, normaliseUrl(u.url), f), touched.urls.add(normaliseUrl(u.url));
    this.seq.delete(f);
    this.unplace(f);
  }

  /**
   * Replaces a file's facts with equal ones (new objects, the same content, e.g. an editor's parse of
   * what was indexed from disk). Nothing a rule can see changes, so the version stays: findings kept
   * for this version stay valid, and the next comparison is by reference.
   */
  adopt(file: string, facts: EventFacts[]): void {
    const version = this._version;
    this.set(file, facts);
    this._version = version;
  }

  delete(file: string): { ids: Set<string>; urls: Set<string> } {
    const touched = { ids: new Set<string>(), urls: new Set<string>() };
    const old = this.files.get(file);
    if (!old) return touched;
    this.files.delete(file);
    for (const f of old) this.remove(f, touched);
    this.flat = undefined;
    this._version++;
    return touched;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The facts of one file (undefined when it is not indexed). */
  get(file: string): readonly EventFacts[] | undefined {
    return this.files.get(file);
  }

  events(): Iterable<EventFacts> {
    // Dataset rules iterate the whole index once per checked document: one array, built once per change.
    if (!this.flat) {
      const all: EventFacts[] = [];
      for (const list of this.files.values()) for (const f of list) all.push(f);
      this.flat = all;
    }
    return this.flat;
  }

  near(self: EventFacts, days: number): EventFacts[] {
    const found = new Set<EventFacts>();
    for (const u of self.urls) for (const f of this.byUrl(u.url)) found.add(f);
    const span = spanDays(self);
    if (self.country && span) {
      for (const drug of new Set(self.drugs)) {
        const b = this.buckets.get(bucketKey(self.country, drug));
        if (!b) continue;
        if (!b.sorted) {
          b.items.sort((x, y) => x.start - y.start);
          b.sorted = true;
        }
        // First span that may reach the window: starts at most maxLen days before it.
        const from = span.start - days - b.maxLen;
        let lo = 0;
        let hi = b.items.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (b.items[mid].start < from) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < b.items.length; i++) {
          const p = b.items[i];
          if (p.start > span.end + days) break;
          const gap = p.end < span.start ? span.start - p.end : span.end < p.start ? p.start - span.end : 0;
          if (gap <= days) found.add(p.facts);
        }
      }
    }
    if (found.size < 2) return [...found];
    // In index order: each event's place looked up once, not once per comparison.
    return [...found]
      .map((f) => ({ f, at: this.seq.get(f) ?? 0 }))
      .sort((a, b) => a.at - b.at)
      .map((x) => x.f);
  }

  private place(f: EventFacts): void {
    const span = f.country ? spanDays(f) : undefined;
    if (!span) return;
    for (const drug of new Set(f.drugs)) {
      const key = bucketKey(f.country!, drug);
      let b = this.buckets.get(key);
      if (!b) this.buckets.set(key, (b = { items: [], sorted: true, maxLen: 0 }));
      b.items.push({ facts: f, start: span.start, end: span.end });
      b.sorted = false;
      b.maxLen = Math.max(b.maxLen, span.end - span.start);
    }
  }

  private unplace(f: EventFacts): void {
    if (!f.country) return;
    for (const drug of new Set(f.drugs)) {
      const b = this.buckets.get(bucketKey(f.country, drug));
      if (!b) continue;
      const i = b.items.findIndex((p) => p.facts === f);
      if (i >= 0) b.items.splice(i, 1); // removal keeps the order
      if (b.items.length === 0) this.buckets.delete(bucketKey(f.country, drug));
    }
  }

  filesOf(): Iterable<string> {
    return this.files.keys();
  }

  byId(id: string): readonly EventFacts[] {
    return this.ids.get(id) ?? [];
  }

  byUrl(url: string): readonly EventFacts[] {
    return this.urls.get(normaliseUrl(url)) ?? [];
  }
}

function bucketKey(country: string, drug: string): string {
  return `${country}\0${drug}`;
}

function add(map: Map<string, EventFacts[]>, key: string, f: EventFacts) {
  const l = map.get(key);
  if (l) l.push(f);
  else map.set(key, [f]);
}

function remove(map: Map<string, EventFacts[]>, key: string, f: EventFacts) {
  const l = map.get(key);
  if (!l) return;
  const i = l.indexOf(f);
  if (i >= 0) l.splice(i, 1);
  if (l.length === 0) map.delete(key);
}
