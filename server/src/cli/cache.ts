/**
 * `haulcheck check --cache`: what a file's findings depend on, so that a second run uses them only
 * where nothing they depend on changed.
 *
 * A file's findings depend on its text (the entry's hash), on what every file of the dataset depends
 * on (the section's key: the code, the config, the registries, Node's version), and on what its
 * check read beyond its own text, recorded while it ran:
 * - the dataset index: each question a dataset-wide rule asked (the events with this id, citing this
 *   URL, near this event, its look-alikes, its own indexed facts) and a digest of the answer
 *   next run asks the same questions of its own index, built from every file's facts (from the cache
 *   for unchanged files): a new event with the same id elsewhere changes the answer, and the file is
 *   checked again;
 * - the day (`today`): rules compare the dates written in a file with it, so the findings of a file
 *   whose dates are all on or before both days are the same on both;
 * - what the config's paths matched (`layout`, read by the config rules).
 *
 * Facts are kept with a digest each (the hash of their JSON), so that answers are compared without
 * hashing facts again.
 */
import {
  type DatasetContext,
  type DatasetIndex,
  type DatasetIndexView,
  type EventFacts,
  type FileKind,
  type Finding,
  INTERNAL_RULE_ID,
  type Lookalikes,
  type ParsedFile,
  partialDate,
} from '../core';
import { type CacheEntry, CACHE_FORMAT, type ResultCache, codeFingerprint, textHash } from '../node/cache';
import type { Stats } from 'node:fs';
import type { LoadedDataset } from '../node/dataset';
import { VERSION } from './version';

/** One question a check asked beyond its own text, and a digest of the answer. */
export type Dep =
  | ['id', string, string]
  | ['url', string, string]
  | ['near', number, number, string]
  | ['at', string, number, string]
  | ['lookalikes', number, number, number, string]
  | ['events', string]
  | ['layout', string]
  | ['today', string, string | null];

/**
 * What the CLI keeps for a file. Its facts and the questions its check asked of the index are kept
 * apart (the cache file's detail lines), read only when this run needs them: a run in which no file's
 * facts changed answers every file from its findings and digests alone, without building the index.
 */
export interface FileEntry extends CacheEntry {
  /** What the file is to its dataset (null: not a dataset file). */
  kind: FileKind | null;
  /** Its events' facts (without `file`), for the index (a detail). */
  facts?: Omit<EventFacts, 'file'>[];
  /** The digest of each of its events' facts, space-separated. */
  digests?: string;
  /** The findings of its last check (absent: indexed, not checked). */
  findings?: Finding[];
  /** What they depended on in the index (a detail). */
  deps?: Dep[];
  /** What they depended on besides the index: the day, the layout (read by every run, kept beside the findings). */
  local?: Dep[];
  /** The digest of the whole index the findings were worked out with: the same index answers every question the same. */
  index?: string;
  /** The file's size, modification and change times (ms), inode, and when it was read (ms since 1970): see lookupByStat. */
  stat?: StatKey;
}

export type StatKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number, readAt: number];

/**
 * A file changed this close (ms) to the moment it was read may change again within the same tick of
 * its clock without its times changing: its stat is not trusted (git's "racy" entries).
 */
export const RACY_MS = 2000;

/** The stat of a file as the cache compares it, read at `readAt`. */
export function statKey(st: Stats, readAt: number): StatKey {
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino, readAt];
}

const digests = new WeakMap<EventFacts, string>();

/** The digest of one event's facts (kept with the facts object). */
export function factsDigest(f: EventFacts): string {
  let d = digests.get(f);
  if (d === undefined) digests.set(f, (d = textHash(JSON.stringify(f)).slice(0, 22)));
  return d;
}

/** The digest of an answer: its events' digests, in order (hashed when there are several). */
function answerDigest(list: Iterable<EventFacts>): string {
  const parts: string[] = [];
  for (const f of list) parts.push(factsDigest(f));
  return parts.length <= 1 ? (parts[0] ?? '') : textHash(parts.join(' ')).slice(0, 22);
}

/**
 * The dataset index as a check sees it, noting each question and its answer. Only the questions the
 * rules ask are answered (`near` included: the index has it).
 */
class RecordingIndex implements DatasetIndexView {
  constructor(
    private readonly inner: DatasetIndex,
    private readonly deps: Dep[],
  ) {}

  get version(): number {
    return this.inner.version;
  }

  events(): Iterable<EventFacts> {
    const all = this.inner.events();
    this.deps.push(['events', answerDigest(all)]);
    return all;
  }

  byId(id: string): ReadonlySet<EventFacts> {
    const r = this.inner.byId(id);
    this.deps.push(['id', id, answerDigest(r)]);
    return r;
  }

  byUrl(url: string): ReadonlySet<EventFacts> {
    const r = this.inner.byUrl(url);
    this.deps.push(['url', url, answerDigest(r)]);
    return r;
  }

  near(self: EventFacts, days: number): EventFacts[] {
    const r = this.inner.near(self, days);
    this.deps.push(['near', self.docIndex, days, answerDigest(r)]);
    return r;
  }

  at(file: string, docIndex: number): EventFacts | undefined {
    const r = this.inner.at(file, docIndex);
    this.deps.push(['at', file, docIndex, answerDigest(r ? [r] : [])]);
    return r;
  }

  lookalikes(self: EventFacts, days: number, limit: number): Lookalikes {
    const r = this.inner.lookalikes(self, days, limit);
    this.deps.push(['lookalikes', self.docIndex, days, limit, lookalikesDigest(r)]);
    return r;
  }
}

/** The digest of a lookalikes answer: each kin's members in order, with its counts, and whether it was cut. */
function lookalikesDigest(r: Lookalikes): string {
  const parts = r.kins.map(({ kin, citing, near }) => `${answerDigest(kin.members)}:${citing}:${near ? 1 : 0}:${kin.members.size}`);
  return textHash(`${r.truncated ? 1 : 0} ${parts.join(' ')}`).slice(0, 22);
}

/** The latest first day of any date written in the file's values (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
export function latestDay(file: ParsedFile): string | null {
  let latest: string | null = null;
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') {
      const d = v.length <= 10 ? partialDate(v) : undefined;
      if (d && (latest === null || d.start > latest)) latest = d.start;
    } else if (depth < 200 && v && typeof v === 'object') {
      for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
    }
  };
  for (const d of file.docs) walk(d.value, 0);
  return latest;
}

/** Notes what a check reads beyond its text (see the module's comment). */
export class Recorder {
  readonly deps: Dep[] = [];
  private todayRead = false;

  /** The dataset context to check with: the same values, the reads noted. */
  context(base: DatasetContext, index: DatasetIndex): DatasetContext {
    const deps = this.deps;
    const rec = this;
    let layoutNoted = false;
    return {
      registries: base.registries,
      bands: base.bands,
      index: new RecordingIndex(index, deps),
      get today() {
        rec.todayRead = true;
        return base.today;
      },
      get layout() {
        if (!layoutNoted) deps.push(['layout', layoutDigest(base)]);
        layoutNoted = true;
        return base.layout;
      },
    };
  }

  /** The dependencies of the check that ran on `file` with `today`. */
  finish(file: ParsedFile, today: string | undefined): Dep[] {
    if (this.todayRead) this.deps.push(['today', today ?? '', latestDay(file)]);
    return this.deps;
  }
}

function layoutDigest(ctx: DatasetContext): string {
  return textHash(JSON.stringify(ctx.layout ?? null)).slice(0, 22);
}

/**
 * Whether the findings that depended on `deps` hold with this run's index, day and layout.
 * `recordedWith`: the digest of the index they were worked out with (an identical index gives
 * identical answers: its questions need not be asked again).
 */
export function depsHold(deps: readonly Dep[], rel: string, index: DatasetIndex, ctx: DatasetContext, whole: () => string, recordedWith?: string): boolean {
  const sameIndex = recordedWith !== undefined && recordedWith === whole();
  for (const d of deps) {
    if (sameIndex && d[0] !== 'layout' && d[0] !== 'today') continue;
    switch (d[0]) {
      case 'id':
        if (answerDigest(index.byId(d[1])) !== d[2]) return false;
        break;
      case 'url':
        if (answerDigest(index.byUrl(d[1])) !== d[2]) return false;
        break;
      case 'near': {
        const self = index.get(rel)?.find((f) => f.docIndex === d[1]);
        if (!self || answerDigest(index.near(self, d[2])) !== d[3]) return false;
        break;
      }
      case 'at':
        if (answerDigest(index.at(d[1], d[2]) ? [index.at(d[1], d[2])!] : []) !== d[3]) return false;
        break;
      case 'lookalikes': {
        const self = index.get(rel)?.find((f) => f.docIndex === d[1]);
        if (!self || lookalikesDigest(index.lookalikes(self, d[2], d[3])) !== d[4]) return false;
        break;
      }
      case 'events':
        if (whole() !== d[1]) return false;
        break;
      case 'layout':
        if (layoutDigest(ctx) !== d[1]) return false;
        break;
      case 'today': {
        const [, day, latest] = d;
        const today = ctx.today ?? '';
        // Another day: the same findings when no date of the file is after either day.
        if (today !== day && latest !== null && (latest > day || latest > today)) return false;
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

/** The digest of the whole index (for a check that went through every event). */
export function wholeDigest(index: DatasetIndex): () => string {
  let d: string | undefined;
  return () => (d ??= answerDigest(index.events()));
}

/**
 * The key of a dataset's section: what every file's findings depend on besides its text and what
 * its check recorded.
 */
export function datasetKey(ds: LoadedDataset): string {
  const regs = ds.context.registries;
  return textHash(
    JSON.stringify({
      format: CACHE_FORMAT,
      haulcheck: VERSION,
      code: codeFingerprint(),
      node: process.version,
      root: ds.root,
      config: ds.config,
      registries: regs ? { drugs: [...regs.drugs], agencies: [...regs.agencies] } : null,
      bands: ds.context.bands ?? null,
    }),
  );
}

/** A dependency on something else than the index. */
const isLocal = (d: Dep) => d[0] === 'today' || d[0] === 'layout';

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Only plain JSON survives the cache as it was: no NaN or infinity, no undefined in a list, no other objects. */
function plainJson(v: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v)) return v.every((x) => x !== undefined && plainJson(x, depth + 1));
  if (isRecord(v) && Object.getPrototypeOf(v) === Object.prototype) return Object.values(v).every((x) => x === undefined || plainJson(x, depth + 1));
  return false;
}

const isPosition = (p: unknown) => isRecord(p) && typeof p.offset === 'number' && typeof p.line === 'number' && typeof p.character === 'number';

/** A finding as it must look to be used. */
function isFinding(f: unknown): f is Finding {
  return (
    isRecord(f) &&
    typeof f.ruleId === 'string' &&
    typeof f.severity === 'string' &&
    typeof f.message === 'string' &&
    typeof f.pointer === 'string' &&
    typeof f.docIndex === 'number' &&
    isRecord(f.range) &&
    isPosition(f.range.start) &&
    isPosition(f.range.end)
  );
}

function isFacts(f: unknown, rel: string): f is EventFacts {
  return isRecord(f) && f.file === rel && typeof f.docIndex === 'number' && Array.isArray(f.drugs) && Array.isArray(f.quantities) && Array.isArray(f.urls);
}

function isDep(d: unknown): d is Dep {
  if (!Array.isArray(d) || typeof d[0] !== 'string') return false;
  switch (d[0]) {
    case 'id':
    case 'url':
      return d.length === 3 && typeof d[1] === 'string' && typeof d[2] === 'string';
    case 'near':
      return d.length === 4 && typeof d[1] === 'number' && typeof d[2] === 'number' && typeof d[3] === 'string';
    case 'at':
      return d.length === 4 && typeof d[1] === 'string' && typeof d[2] === 'number' && typeof d[3] === 'string';
    case 'lookalikes':
      return d.length === 5 && typeof d[1] === 'number' && typeof d[2] === 'number' && typeof d[3] === 'number' && typeof d[4] === 'string';
    case 'events':
    case 'layout':
      return d.length === 2 && typeof d[1] === 'string';
    case 'today':
      return d.length === 3 && typeof d[1] === 'string' && (d[2] === null || typeof d[2] === 'string');
    default:
      return false;
  }
}

/** The CLI's entries of one run's cache, by dataset. */
export class CheckCache {
  private readonly keys = new Map<string, string>();

  constructor(readonly store: ResultCache) {}

  private keyOf(ds: LoadedDataset): string {
    let k = this.keys.get(ds.root);
    if (k === undefined) this.keys.set(ds.root, (k = datasetKey(ds)));
    return k;
  }

  /**
   * The entry kept for this text of the file, if its parts have the right types (anything else is
   * not used). Its facts and dependencies are read when asked for (factsOf, depsOf).
   */
  lookup(ds: LoadedDataset, rel: string, hash: string): FileEntry | undefined {
    const e = this.store.get(ds.root, this.keyOf(ds), rel, hash);
    if (!e) return undefined;
    const kind = e.kind;
    if (kind !== null && kind !== 'event' && kind !== 'drugs' && kind !== 'agencies' && kind !== 'config') return undefined;
    if (e.digests !== undefined && typeof e.digests !== 'string') return undefined;
    if (e.index !== undefined && typeof e.index !== 'string') return undefined;
    if (e.findings !== undefined && (!Array.isArray(e.findings) || !e.findings.every(isFinding) || !Array.isArray(e.local) || !e.local.every(isDep))) {
      return { hash: e.hash, kind, ...(e.digests !== undefined ? { digests: e.digests } : {}) } as FileEntry;
    }
    return e as FileEntry;
  }

  /**
   * The entry of a file that was not changed since it was hashed, told by its stat alone (size,
   * modification and change times, inode: a write changes the change time, whatever it does to the
   * others), when it had not changed for RACY_MS before it was read. Undefined: read it and hash it.
   */
  lookupByStat(ds: LoadedDataset, rel: string, st: Stats): FileEntry | undefined {
    const e = this.store.peek(ds.root, this.keyOf(ds), rel);
    const k = e?.stat;
    if (!e || !Array.isArray(k) || k.length !== 5 || !k.every((x) => typeof x === 'number')) return undefined;
    const [size, mtime, ctime, ino, readAt] = k as StatKey;
    if (!st.isFile() || st.size !== size || st.mtimeMs !== mtime || st.ctimeMs !== ctime || st.ino !== ino) return undefined;
    if (!(mtime < readAt - RACY_MS && ctime < readAt - RACY_MS)) return undefined;
    return this.lookup(ds, rel, e.hash);
  }

  /** The digests of an entry's facts (in order). */
  digestsOf(entry: FileEntry): string[] {
    return entry.digests ? entry.digests.split(' ') : [];
  }

  private readonly details = new WeakMap<FileEntry, { facts?: unknown; deps?: unknown }>();

  /** An entry's facts and questions: on the entry (made in this run) or on its detail line (read once). */
  private detail(ds: LoadedDataset, rel: string, entry: FileEntry): { facts?: unknown; deps?: unknown } {
    if (entry.facts !== undefined || entry.deps !== undefined) return entry;
    let d = this.details.get(entry);
    if (!d) this.details.set(entry, (d = this.store.detail(ds.root, rel)));
    return d;
  }

  /** The facts of an entry, if they read back whole (else the file must be read again). */
  factsOf(ds: LoadedDataset, entry: FileEntry, rel: string): EventFacts[] | undefined {
    const facts = this.detail(ds, rel, entry).facts;
    const ds_ = this.digestsOf(entry);
    if (!Array.isArray(facts) || facts.length !== ds_.length || !facts.every(isRecord)) return undefined;
    const out = facts.map((f) => ({ file: rel, ...f }));
    if (!out.every((f) => isFacts(f, rel))) return undefined;
    out.forEach((f, i) => digests.set(f, ds_[i]));
    return out;
  }

  /** What an entry's findings depended on besides the index (on the entry). */
  localOf(entry: FileEntry): Dep[] | undefined {
    return entry.findings ? entry.local : undefined;
  }

  /** Everything an entry's findings depended on, the index's answers included, if it reads back whole. */
  depsOf(ds: LoadedDataset, entry: FileEntry, rel: string): Dep[] | undefined {
    const deps = this.detail(ds, rel, entry).deps;
    if (!entry.local || !Array.isArray(deps) || !deps.every(isDep)) return undefined;
    return [...entry.local, ...deps];
  }

  /**
   * Keeps a file's entry for this run: an entry read from the cache and used as it was (`changed`
   * false), one read from the cache and updated (`from`: a new stat, the index its findings go with;
   * its details stay as they were), or a new one. Facts and findings are kept only when they are
   * plain data (JSON gives them back the same); findings with a rule failure are not (the rule runs
   * again next time).
   */
  remember(ds: LoadedDataset, rel: string, entry: FileEntry | NewEntry, changed: boolean, from?: FileEntry): void {
    const key = this.keyOf(ds);
    if (!changed) return this.store.set(ds.root, key, rel, entry as FileEntry, false);
    if (from) {
      const { facts: _f, deps: _d, ...main } = entry as FileEntry;
      return this.store.set(ds.root, key, rel, main as FileEntry, true, from);
    }
    const e = entry as NewEntry;
    const out: FileEntry = { hash: e.hash, kind: e.kind };
    if (e.stat) out.stat = e.stat;
    if (e.facts) {
      if (!plainJson(e.facts)) return; // facts that JSON would change are not kept (the file is read again)
      out.facts = e.facts.map(({ file: _file, ...rest }) => rest);
      out.digests = e.facts.map(factsDigest).join(' ');
    }
    // The questions asked of the index go with the facts; the rest stays with the findings.
    if (e.findings && e.deps && !e.findings.some((f) => f.ruleId === INTERNAL_RULE_ID) && plainJson(e.findings)) {
      out.findings = e.findings;
      out.local = e.deps.filter(isLocal);
      out.deps = e.deps.filter((d) => !isLocal(d));
      if (e.index !== undefined) out.index = e.index;
    }
    this.store.set(ds.root, key, rel, out, true);
  }
}

/** An entry made in this run: facts and dependencies as they are (kept as JSON text). */
export interface NewEntry {
  hash: string;
  kind: FileKind | null;
  facts?: EventFacts[];
  findings?: Finding[];
  deps?: Dep[];
  index?: string;
  stat?: StatKey;
}

/** The digest of the whole index a dataset's facts make, in the order the index holds them (see wholeDigest). */
export function digestOfAll(digestLists: Iterable<readonly string[]>): string {
  const parts: string[] = [];
  for (const list of digestLists) for (const d of list) parts.push(d);
  return parts.length <= 1 ? (parts[0] ?? '') : textHash(parts.join(' ')).slice(0, 22);
}
