/**
 * The incremental index of every event in a dataset: a few facts per event document, updated one
 * file at a time. Dataset-wide rules read it instead of re-reading every file.
 */
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { dateClaimsOf, dayNumber, partialDate, slotsOf, sourcesOf, toKg } from './event';
import { nodeRange, locate } from '../yaml/parse';
import { normaliseAdmin1 } from '../read/places';
import { detached } from '../base/text';

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
  const steps = extractFactsSteps(file, parsed);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * extractFacts in steps, one a document, for a shell that does long work in slices (the editor on a
 * long stream); the result is kept as extractFacts keeps it.
 */
export function* extractFactsSteps(file: string, parsed: ParsedFile): Generator<void, EventFacts[]> {
  let byPath = factsCache.get(parsed);
  const hit = byPath?.get(file);
  if (hit) return hit;
  const out = yield* computeFacts(file, parsed);
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

function* computeFacts(file: string, parsed: ParsedFile): Generator<void, EventFacts[]> {
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
    yield;
  }
  return out;
}

/** One empty list for the facts that have none (a stream of 200,000 small documents keeps no 600,000 empty arrays). */
const NONE = Object.freeze([]) as never[];

/**
 * A copy of a string read from a file. Strings cut from a text are views that keep the whole text
 * alive; the index outlives the texts (10,000 files: 47 → 28 MB of heap with copies).
 */
const own = detached;

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
    const country = loc && typeof loc === 'object' && typeof (loc as { country?: unknown }).country === 'string' ? own((loc as { country: string }).country) : undefined;
    const admin1 = loc && typeof loc === 'object' && typeof (loc as { admin1?: unknown }).admin1 === 'string' ? own((loc as { admin1: string }).admin1) : undefined;
    const drugs = new Set<string>();
    const quantities: QuantityFact[] = [];
    for (const slot of slotsOf(v)) {
      if (!slot.drug) continue;
      const drug = own(slot.drug);
      drugs.add(drug);
      for (const f of slot.figures) {
        // The seizure's own figures: not a part of it, not a sum with other seizures, not a garbled print.
        if (f.value === undefined || f.scope !== 'total' || f.garbled || f.as_of) continue;
        if (slot.field === 'count') quantities.push({ drug, kind: 'count', value: f.value });
        if (slot.field === 'weight') {
          const kg = toKg(f.value, f.unit);
          if (kg !== undefined) quantities.push({ drug, kind: 'kg', value: kg });
        }
      }
    }
    if (Array.isArray(v.seizures)) for (const s of v.seizures) if (s && typeof s === 'object' && typeof (s as { drug?: unknown }).drug === 'string') drugs.add(own((s as { drug: string }).drug));
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
      .map((s) => ({ url: own(s.url as string), source: own(s.id), pointer: urlPointer(s.pointer) }));
    const facts: EventFacts = {
      file,
      docIndex: d.index,
      id,
      idLine,
      country,
      ...(admin1 ? { admin1 } : {}),
      drugs: drugs.size ? [...drugs] : NONE,
      interval: start || end ? { start: open ? undefined : start, end } : undefined,
      quantities: quantities.length ? quantities : NONE,
      urls: urls.length ? urls : NONE,
    };
    return { facts, idOffset };
  }
}

/** The pointers of source URLs (`/sources/0/url`…): the same few strings for every event, made once. */
const urlPointers = new Map<string, string>();

function urlPointer(source: string): string {
  let p = urlPointers.get(source);
  if (p === undefined) {
    if (urlPointers.size >= 1000) urlPointers.clear();
    urlPointers.set(detached(source), (p = detached(`${source}/url`)));
  }
  return p;
}

const urlCache = new Map<string, string>();
const URL_CACHE_LIMIT = 100_000;

/** Normalises a URL for comparison: scheme and host lower-cased, fragment and trailing slash dropped. */
export function normaliseUrl(url: string): string {
  // Dataset rules compare every event's URLs with every other's; the regex runs once per URL.
  let n = urlCache.get(url);
  if (n === undefined) {
    if (urlCache.size >= URL_CACHE_LIMIT) urlCache.clear();
    // Kept as copies: a URL cut from a file's text would keep the whole text alive.
    n = detached(computeNormalisedUrl(url));
    urlCache.set(detached(url), n);
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
  /** The events with this id (each once). */
  byId(id: string): ReadonlySet<EventFacts>;
  /** The events citing this URL (after normalising; each once, however many of its sources cite it). */
  byUrl(url: string): ReadonlySet<EventFacts>;
  /** The indexed facts of one document of a file, if it is indexed. */
  at(file: string, docIndex: number): EventFacts | undefined;
  /**
   * The events that may describe the same seizure as `self`, in index order: those citing one of its
   * URLs, and those in the same country with a drug in common whose date spans are at most `days`
   * days apart. A superset of what a pairwise comparison over `events()` would keep, found without
   * visiting every event.
   */
  near(self: EventFacts, days: number): EventFacts[];
  /**
   * The same candidates as `near`, gathered into kins (events whose facts compare alike), at most
   * `limit` kins, and only URL-sharing events whose dates (when both are known) are at most `days`
   * apart. Linear in what it returns, however many events are alike: a thousand copies of one event
   * are one kin.
   */
  lookalikes(self: EventFacts, days: number, limit: number): Lookalikes;
  /** Increases on every change; lets shells tell whether findings may have changed. */
  readonly version: number;
}

/**
 * Events whose facts compare alike for the duplicate rules — the same country, province, drugs, days
 * and quantities — whatever their ids, files and URLs. The rules compare an event with one of them
 * (`sample`) and count the rest.
 */
export interface Kin {
  readonly sample: EventFacts;
  readonly members: ReadonlySet<EventFacts>;
  /** How many members have each id. */
  readonly ids: ReadonlyMap<string, number>;
}

export interface Lookalikes {
  kins: {
    kin: Kin;
    /** Members that cite one of `self`'s URLs (the most for any one URL). */
    citing: number;
    /** The kin is in `self`'s country with a drug in common and dates within `days`. */
    near: boolean;
  }[];
  /** More kins were near than `limit`: the others are not returned. */
  truncated: boolean;
}

/** An event's date span in day numbers, as the duplicate rules read it (an open end is the known end). */
export function spanDays(f: EventFacts): { start: number; end: number } | undefined {
  const s = f.interval?.start ?? f.interval?.end;
  const e = f.interval?.end ?? f.interval?.start;
  if (!s || !e) return undefined;
  return { start: dayNumber(s), end: dayNumber(e) };
}

/** What the duplicate rules compare of an event: two events with the same signature compare alike with any third. */
function signature(f: EventFacts, span: { start: number; end: number } | undefined): string {
  const quantities = f.quantities.map((q) => `${q.drug}\u0001${q.kind}\u0001${q.value}`).sort();
  return [f.country ?? '\u0001', f.admin1 === undefined ? '\u0001' : normaliseAdmin1(f.admin1), [...new Set(f.drugs)].sort().join('\u0001'), span ? `${span.start}:${span.end}` : '', quantities.join('\u0002')].join('\u0000');
}

/**
 * A kin as the index keeps it. Most kins are one event: its members and ids are then the sample
 * alone, and a set and a map are made only when a second member joins (10,000 events: 3.6 MB less
 * per index). The members and ids keep the order in which they joined, as sets and maps do.
 */
class KinEntry implements Kin {
  /** The members, once a second one joined (kept as a set from then on, whatever leaves). */
  private many: Set<EventFacts> | undefined;
  /** How many members have each id, once a second member joined. */
  private idCounts: Map<string, number> | undefined;

  constructor(
    readonly key: string,
    public sample: EventFacts,
    readonly span: { start: number; end: number } | undefined,
  ) {}

  get members(): ReadonlySet<EventFacts> {
    return this.many ?? new Set([this.sample]);
  }

  get ids(): ReadonlyMap<string, number> {
    return this.idCounts ?? new Map(this.sample.id ? [[this.sample.id, 1]] : []);
  }

  /** Members left (a kin of one is made with its sample: see `join`). */
  get size(): number {
    return this.many ? this.many.size : 1;
  }

  join(f: EventFacts): void {
    if (!this.many) {
      if (f === this.sample) return;
      this.many = new Set([this.sample]);
      this.idCounts = new Map(this.sample.id ? [[this.sample.id, 1]] : []);
    }
    if (this.many.has(f)) return;
    this.many.add(f);
    if (f.id) this.idCounts!.set(f.id, (this.idCounts!.get(f.id) ?? 0) + 1);
  }

  /** `f` leaves; returns how many members are left (0: the kin is gone). */
  leave(f: EventFacts): number {
    if (!this.many) return f === this.sample ? 0 : 1;
    if (!this.many.delete(f)) return this.many.size;
    if (f.id) {
      const n = (this.idCounts!.get(f.id) ?? 0) - 1;
      if (n > 0) this.idCounts!.set(f.id, n);
      else this.idCounts!.delete(f.id);
    }
    if (this.many.size > 0 && this.sample === f) this.sample = this.many.values().next().value!;
    return this.many.size;
  }
}

/** Up to this many kins, a bucket looks through its list instead of keeping a set of them. */
const FEW = 8;

/**
 * Kins sorted by the start of their span (when queried), for a window query over days; for a URL,
 * the kins citing it (dated ones sorted, undated ones apart), with how many members cite it.
 * Removal is lazy: a kin that leaves is skipped, and dropped when the dead outnumber the living.
 * There is a URL bucket for every URL of the dataset, most of them cited by one event: what a
 * bucket holds is made as it is needed (10,000 events: 11.8 → 3.8 MB of buckets).
 */
class Bucket {
  items: KinEntry[] = NO_KINS;
  private sorted = true;
  /** Longest span ever added (an upper bound): how far before a window a span may start and still reach it. */
  maxLen = 0;
  /** The kins of `items` (placed, living or not), once they are more than a few. */
  private placed: Set<KinEntry> | undefined;
  private dead = 0;
  /** URL buckets: members of each kin citing the URL — one kin's count, or a map once several kins cite it. */
  private soleKin: KinEntry | undefined;
  private soleCount = 0;
  private citingMap: Map<KinEntry, number> | undefined;
  /** URL buckets: the kins without dates, made when the first comes. */
  undated: Set<KinEntry> | undefined;

  /** `kins`: a bucket by country and drug, whose kins are alive while the index has them; none: a URL bucket. */
  constructor(private readonly kins?: ReadonlyMap<string, KinEntry>) {}

  private alive(k: KinEntry): boolean {
    return this.kins ? this.kins.get(k.key) === k : this.citing(k) > 0;
  }

  /** URL buckets: how many members of `k` cite the URL (0: none). */
  citing(k: KinEntry): number {
    return this.citingMap ? (this.citingMap.get(k) ?? 0) : k === this.soleKin ? this.soleCount : 0;
  }

  /** URL buckets: sets how many members of `k` cite the URL (0: none any more). */
  setCiting(k: KinEntry, n: number): void {
    if (!this.citingMap) {
      if (this.soleKin === undefined || this.soleKin === k) {
        this.soleKin = n > 0 ? k : undefined;
        this.soleCount = n > 0 ? n : 0;
        return;
      }
      if (n <= 0) return;
      this.citingMap = new Map([[this.soleKin, this.soleCount]]);
      this.soleKin = undefined;
      this.soleCount = 0;
    }
    if (n > 0) this.citingMap.set(k, n);
    else this.citingMap.delete(k);
  }

  /** URL buckets: whether any kin cites the URL. */
  get cited(): boolean {
    return this.citingMap ? this.citingMap.size > 0 : this.soleKin !== undefined;
  }

  private has(k: KinEntry): boolean {
    return this.placed ? this.placed.has(k) : this.items.includes(k);
  }

  add(k: KinEntry): void {
    if (!k.span) {
      (this.undated ??= new Set()).add(k);
      return;
    }
    if (this.has(k)) return;
    this.live++;
    if (this.items === NO_KINS) this.items = [k];
    else this.items.push(k);
    if (this.placed) this.placed.add(k);
    else if (this.items.length > FEW) this.placed = new Set(this.items);
    this.sorted = false;
    this.maxLen = Math.max(this.maxLen, k.span.end - k.span.start);
  }

  /** `k` left the bucket (it may come back: it is then alive again where it was). */
  left(k: KinEntry): void {
    if (!k.span) {
      this.undated?.delete(k);
      return;
    }
    this.live--;
    if (++this.dead * 2 > this.items.length) {
      this.items = this.items.filter((x) => this.alive(x));
      this.placed = this.items.length > FEW ? new Set(this.items) : undefined;
      this.dead = 0;
    }
  }

  /** Kins placed and not left (kept for buckets whose kins never come back: those by country and drug). */
  live = 0;

  /** Kins whose spans are at most `days` from `span`, in order of their start. */
  *window(span: { start: number; end: number }, days: number): Generator<KinEntry> {
    if (!this.sorted) {
      this.items.sort((x, y) => x.span!.start - y.span!.start);
      this.sorted = true;
    }
    // First span that may reach the window: starts at most maxLen days before it.
    const from = span.start - days - this.maxLen;
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].span!.start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.items.length; i++) {
      const k = this.items[i];
      const p = k.span!;
      if (p.start > span.end + days) break;
      if (!this.alive(k)) continue;
      const gap = p.end < span.start ? span.start - p.end : span.end < p.start ? p.start - span.end : 0;
      if (gap <= days) yield k;
    }
  }
}

/** The list of a bucket that never had a kin (shared, never written: the first kin makes a list). */
const NO_KINS: KinEntry[] = [];
const NO_UNDATED: ReadonlySet<KinEntry> = new Set();

export class DatasetIndex implements DatasetIndexView {
  private readonly files = new Map<string, EventFacts[]>();
  /** By id: the one event with it, or a set when several share it (most ids are one event's). */
  private readonly ids = new Map<string, EventFacts | Set<EventFacts>>();
  /** By URL (normalised): the one event citing it, or a set when several do. */
  private readonly urls = new Map<string, EventFacts | Set<EventFacts>>();
  /** Insertion order of each indexed event (order of `events()`). */
  private readonly seq = new Map<EventFacts, number>();
  private nextSeq = 0;
  /** Kins by signature, and the kin of each event. */
  private readonly kins = new Map<string, KinEntry>();
  private readonly kinOf = new Map<EventFacts, KinEntry>();
  /** Kins by country and drug (dated ones only). */
  private readonly buckets = new Map<string, Bucket>();
  /** Kins by URL (normalised). */
  private readonly urlBuckets = new Map<string, Bucket>();
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
    if (f.id) {
      add(this.ids, f.id, f);
      touched.ids.add(f.id);
    }
    for (const u of distinctUrls(f)) add(this.urls, u, f), touched.urls.add(u);
    this.seq.set(f, seq);
    this.join(f);
  }

  private remove(f: EventFacts, touched: { ids: Set<string>; urls: Set<string> }): void {
    if (f.id) {
      remove(this.ids, f.id, f);
      touched.ids.add(f.id);
    }
    for (const u of distinctUrls(f)) remove(this.urls, u, f), touched.urls.add(u);
    this.seq.delete(f);
    this.leave(f);
  }

  /** Puts an event in its kin (a new kin is placed in its buckets). */
  private join(f: EventFacts): void {
    const span = spanDays(f);
    const key = signature(f, span);
    let kin = this.kins.get(key);
    if (!kin) {
      kin = new KinEntry(key, f, span);
      this.kins.set(key, kin);
      if (f.country && span) for (const drug of new Set(f.drugs)) this.bucket(this.buckets, bucketKey(f.country, drug), false).add(kin);
    } else kin.join(f);
    this.kinOf.set(f, kin);
    for (const u of distinctUrls(f)) {
      const b = this.bucket(this.urlBuckets, u, true);
      b.setCiting(kin, b.citing(kin) + 1);
      b.add(kin);
    }
  }

  private leave(f: EventFacts): void {
    const kin = this.kinOf.get(f);
    if (!kin) return;
    this.kinOf.delete(f);
    const left = kin.leave(f);
    for (const u of distinctUrls(f)) {
      const b = this.urlBuckets.get(u);
      if (!b) continue;
      const n = b.citing(kin) - 1;
      b.setCiting(kin, n);
      if (n <= 0) {
        b.left(kin);
        if (!b.cited) this.urlBuckets.delete(u);
      }
    }
    if (left > 0) return;
    this.kins.delete(kin.key);
    if (f.country && kin.span)
      for (const drug of new Set(f.drugs)) {
        const key = bucketKey(f.country, drug);
        const b = this.buckets.get(key);
        if (!b) continue;
        b.left(kin);
        if (b.live <= 0) this.buckets.delete(key);
      }
  }

  private bucket(map: Map<string, Bucket>, key: string, byUrl: boolean): Bucket {
    let b = map.get(key);
    if (!b) map.set(key, (b = new Bucket(byUrl ? undefined : this.kins)));
    return b;
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

  at(file: string, docIndex: number): EventFacts | undefined {
    return factsAt(this.files.get(file), docIndex);
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
    if (self.country && span)
      for (const drug of new Set(self.drugs)) {
        const b = this.buckets.get(bucketKey(self.country, drug));
        if (b) for (const kin of b.window(span, days)) for (const f of kin.members) found.add(f);
      }
    return [...found].sort((a, b) => (this.seq.get(a) ?? 0) - (this.seq.get(b) ?? 0));
  }

  lookalikes(self: EventFacts, days: number, limit: number): Lookalikes {
    const found = new Map<KinEntry, { kin: Kin; citing: number; near: boolean }>();
    let truncated = false;
    const take = (kin: KinEntry): { citing: number; near: boolean } | undefined => {
      let entry = found.get(kin);
      if (!entry) {
        if (found.size >= limit) {
          truncated = true;
          return undefined;
        }
        found.set(kin, (entry = { kin, citing: 0, near: false }));
      }
      return entry;
    };
    const span = spanDays(self);
    // Events citing one of its URLs: those dated within `days` (all of them when it is undated), and
    // those with no dates to compare.
    for (const u of distinctUrls(self)) {
      const b = this.urlBuckets.get(u);
      if (!b) continue;
      const groups: Iterable<KinEntry>[] = [span ? b.window(span, days) : b.items, b.undated ?? NO_UNDATED];
      citing: for (const group of groups)
        for (const kin of group) {
          const n = b.citing(kin);
          if (!n) continue;
          const e = take(kin);
          if (!e) break citing;
          e.citing = Math.max(e.citing, n);
        }
    }
    if (self.country && span)
      for (const drug of new Set(self.drugs)) {
        const b = this.buckets.get(bucketKey(self.country, drug));
        if (!b) continue;
        for (const kin of b.window(span, days)) {
          const e = take(kin);
          if (!e) break;
          e.near = true;
        }
      }
    return { kins: [...found.values()], truncated };
  }

  filesOf(): Iterable<string> {
    return this.files.keys();
  }

  byId(id: string): ReadonlySet<EventFacts> {
    const had = this.ids.get(id);
    return had === undefined ? EMPTY : had instanceof Set ? had : new Set([had]);
  }

  byUrl(url: string): ReadonlySet<EventFacts> {
    const had = this.urls.get(normaliseUrl(url));
    return had === undefined ? EMPTY : had instanceof Set ? had : new Set([had]);
  }
}

const EMPTY: ReadonlySet<EventFacts> = new Set();
const NO_URLS: ReadonlySet<string> = new Set();

/** The facts of the document `docIndex` in a file's list (sorted by document), by bisection. */
export function factsAt(list: readonly EventFacts[] | undefined, docIndex: number): EventFacts | undefined {
  if (!list) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].docIndex < docIndex) lo = mid + 1;
    else hi = mid;
  }
  return list[lo]?.docIndex === docIndex ? list[lo] : undefined;
}

/** An event's URLs, normalised, each once. */
function distinctUrls(f: EventFacts): ReadonlySet<string> {
  return f.urls.length === 0 ? NO_URLS : new Set(f.urls.map((u) => normaliseUrl(u.url)));
}

function bucketKey(country: string, drug: string): string {
  return `${country}\0${drug}`;
}

/**
 * Adds an event under a key of a map that holds the one event with it, or a set when several have it
 * (most ids and URLs are one event's: no set for them).
 */
function add(map: Map<string, EventFacts | Set<EventFacts>>, key: string, f: EventFacts) {
  const had = map.get(key);
  if (had === undefined) map.set(key, f);
  else if (had instanceof Set) had.add(f);
  else if (had !== f) map.set(key, new Set([had, f]));
}

function remove(map: Map<string, EventFacts | Set<EventFacts>>, key: string, f: EventFacts) {
  const had = map.get(key);
  if (had === f) map.delete(key);
  else if (had instanceof Set) {
    had.delete(f);
    if (had.size === 1) map.set(key, had.values().next().value!);
    else if (had.size === 0) map.delete(key);
  }
}
