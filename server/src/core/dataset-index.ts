/**
 * The incremental index of every event in a dataset: a few facts per event document, updated one
 * file at a time. Dataset-wide rules read it instead of re-reading every file.
 */
import type { ParsedFile } from './parse';
import { dateClaimsOf, slotsOf, sourcesOf, toKg } from './model';
import { nodeRange, locate } from './parse';

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
  drugs: string[];
  /** The widest interval of days the event's date claims allow. */
  interval?: { start?: string; end?: string };
  quantities: QuantityFact[];
  urls: { url: string; source: string; pointer: string }[];
}

export function extractFacts(file: string, parsed: ParsedFile): EventFacts[] {
  const out: EventFacts[] = [];
  for (const d of parsed.docs) {
    const v = d.value as Record<string, unknown> | undefined;
    if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
    const id = typeof v.id === 'string' ? v.id : undefined;
    let idLine: number | undefined;
    if (id) {
      const r = nodeRange(locate(d.doc, '/id').node);
      if (r) idLine = parsed.lines.position(r[0]).line;
    }
    const loc = Array.isArray(v.location) ? v.location[0] : v.location;
    const country = loc && typeof loc === 'object' && typeof (loc as { country?: unknown }).country === 'string' ? (loc as { country: string }).country : undefined;
    const drugs = new Set<string>();
    const quantities: QuantityFact[] = [];
    for (const slot of slotsOf(v)) {
      if (!slot.drug) continue;
      drugs.add(slot.drug);
      for (const f of slot.figures) {
        if (f.value === undefined) continue;
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
    const urls = sourcesOf(v)
      .filter((s) => typeof s.url === 'string' && s.url)
      .map((s) => ({ url: s.url as string, source: s.id, pointer: `${s.pointer}/url` }));
    out.push({
      file,
      docIndex: d.index,
      id,
      idLine,
      country,
      drugs: [...drugs],
      interval: start || end ? { start: open ? undefined : start, end } : undefined,
      quantities,
      urls,
    });
  }
  return out;
}

/** Normalises a URL for comparison: scheme and host lower-cased, fragment and trailing slash dropped. */
export function normaliseUrl(url: string): string {
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
  /** Increases on every change; lets shells tell whether findings may have changed. */
  readonly version: number;
}

export class DatasetIndex implements DatasetIndexView {
  private readonly files = new Map<string, EventFacts[]>();
  private readonly ids = new Map<string, EventFacts[]>();
  private readonly urls = new Map<string, EventFacts[]>();
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
    const touched = this.delete(file);
    this.files.set(file, facts);
    for (const f of facts) {
      if (f.id) add(this.ids, f.id, f), touched.ids.add(f.id);
      for (const u of f.urls) add(this.urls, normaliseUrl(u.url), f), touched.urls.add(normaliseUrl(u.url));
    }
    this._version++;
    return touched;
  }

  delete(file: string): { ids: Set<string>; urls: Set<string> } {
    const touched = { ids: new Set<string>(), urls: new Set<string>() };
    const old = this.files.get(file);
    if (!old) return touched;
    this.files.delete(file);
    for (const f of old) {
      if (f.id) remove(this.ids, f.id, f), touched.ids.add(f.id);
      for (const u of f.urls) remove(this.urls, normaliseUrl(u.url), f), touched.urls.add(normaliseUrl(u.url));
    }
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

  *events(): Iterable<EventFacts> {
    for (const list of this.files.values()) yield* list;
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
