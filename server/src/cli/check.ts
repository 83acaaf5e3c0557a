/**
 * `haulcheck check`: resolve the paths to dataset files, read and index every file of each dataset,
 * check the files asked for, return results. With `jobs` > 1 the reading and checking run in worker
 * threads; the results are the same, in the same order, as in one thread.
 */
import { type Stats, existsSync, promises as fsp, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DatasetIndex, type EventFacts, type FileKind, LineIndex } from '../core';
import { type Listing, type LoadedDataset, findDatasetRoot, isInside, listDataset, notDatasetReason, unreadableFinding } from '../node/dataset';
import type { FileResult } from './types';
import {
  type Checked,
  type DatasetSpec,
  type Keeping,
  type FactsList,
  InputError,
  type ParsedItem,
  UsageError,
  type WorkItem,
  buildIndex,
  checkItem,
  checkOptions,
  checkRecorded,
  keptOf,
  openDataset,
  parseItem,
  parseItemSync,
  readItem,
  relPath,
} from './work';
import { type Dep, type FileEntry, type StatKey, CheckCache, RACY_MS, depsHold, digestOfAll, factsDigest, statKey } from './cache';
import { ResultCache, textHash } from '../node/cache';
import type { FromWorker, ToWorker } from './worker';
import { BaselineHider, type BaselineSpec, type ReportLimits } from './limits';

export { InputError, UsageError } from './work';

export interface CheckRequest {
  paths: string[];
  cwd: string;
  ruleOverrides?: Record<string, unknown>;
  /** Overrides today (YYYY-MM-DD) for reproducible runs. */
  today?: string;
  /** Worker threads to use (1: everything on the main thread), or 'auto' (see autoWorkers). */
  jobs?: number | 'auto';
  /** What the report shows of each file (the rest is counted); without it, every finding is kept. */
  limits?: ReportLimits;
  /** A baseline whose findings are hidden as files are checked (with `limits`). */
  baseline?: BaselineSpec;
  /**
   * Keep and use the results of unchanged files in this cache file (`--cache`; see cache.ts).
   * `now`: the clock (ms since 1970) that dates each read, injected by tests.
   */
  cache?: { file: string; now?: () => number };
}

/** With --jobs N, fewer files per worker than this start fewer workers (a worker's start costs more). */
export const MIN_FILES_PER_WORKER = 32;

/**
 * Files per worker below which a worker does not pay for itself, measured here (docs/performance.md):
 * a worker costs about 0.2 s of CPU to start (the bundle, the schema validators) and 0.2–0.4 s of
 * wall time; a file costs about 0.5 ms. On two real cores the second worker saves n × 0.25 ms, so it
 * pays from about 1,600 files; 2,000 leaves a margin.
 */
export const AUTO_FILES_PER_WORKER = 2000;

/**
 * The default number of threads: workers only where they pay. Two logical CPUs are counted as one
 * core (hyperthreads, or a VM's vCPUs: two here deliver one core's throughput, and --jobs 2 is
 * 1.6–2× slower than one thread), so workers start only with four or more, one per two CPUs, each
 * with at least AUTO_FILES_PER_WORKER files.
 */
export function autoWorkers(files: number, cpus: number): number {
  const cores = Math.floor(cpus / 2);
  if (cores < 2) return 1;
  return Math.max(1, Math.min(cores, Math.floor(files / AUTO_FILES_PER_WORKER)));
}

export interface CheckRun {
  /** The files checked, in order. */
  results: FileResult[];
  /** Files named on the command line that are not dataset files (not checked), with why. */
  notDataset: { file: string; why: string }[];
  /** Event files read in the run: checked, or indexed for the dataset-wide rules. */
  eventsRead: number;
  /** The datasets the run opened. */
  datasets: LoadedDataset[];
  /** With a cache: how many files it answered, how many were checked, and what went wrong with it. */
  cache?: CacheReport;
}

export interface CacheReport {
  file: string;
  /** Files whose findings came from the cache. */
  reused: number;
  /** Files checked (changed, new, or a dataset-wide finding that may have changed). */
  checked: number;
  /** Why the cache could not be read or written, if it could not. */
  problems: string[];
}

/** The files checked (see checkRun for what else a run found). */
export async function runCheck(req: CheckRequest): Promise<FileResult[]> {
  return (await checkRun(req)).results;
}

export async function checkRun(req: CheckRequest): Promise<CheckRun> {
  const datasets = new Map<string, LoadedDataset>();
  const getDataset = async (root: string) => {
    let ds = datasets.get(root);
    if (!ds) {
      ds = await openDataset({ root, ruleOverrides: req.ruleOverrides, today: req.today });
      datasets.set(root, ds);
    }
    return ds;
  };
  // Each dataset is listed once (a walk over thousands of files).
  const listed = new Map<string, Promise<Listing>>();
  const listOf = (ds: LoadedDataset) => {
    let l = listed.get(ds.root);
    if (!l) listed.set(ds.root, (l = listDataset(ds)));
    return l;
  };
  const targets: WorkItem[] = [];
  /** What the listing could not read under the folders asked for: error findings of their own. */
  const problems = new Map<string, FileResult>();
  const paths = req.paths.length ? req.paths : [findDatasetRoot(req.cwd) ?? ''];
  if (!paths[0]) throw new UsageError(`No ${'haulcheck.yaml'} found in ${req.cwd} or above; give the dataset folder or files to check.`);
  for (const p of paths) {
    const abs = path.resolve(req.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new InputError(`Cannot read ${p}: no such file or folder.`);
    }
    if (st.isDirectory()) {
      const root = findDatasetRoot(abs) ?? abs;
      const ds = await getDataset(root);
      const listing = await listOf(ds);
      // The listed files are inside the dataset (links out of it are dropped); a folder of it holds
      // those under its path. Resolving every path (realpath) is only needed for the others.
      const under = [abs + path.sep, realpathSync(abs) + path.sep];
      const inFolder = (f: string) => abs === root || under.some((u) => f.startsWith(u)) || isInside(abs, f);
      for (const f of listing.files) if (inFolder(f)) targets.push({ root, file: f, explicit: false });
      for (const p of listing.problems)
        if (inFolder(p.path) || p.path === abs)
          problems.set(p.path, { path: p.path, root, displayPath: path.relative(req.cwd, p.path) || p.path, text: '', lines: new LineIndex(''), findings: [unreadableFinding(p.message)] });
    } else {
      const root = findDatasetRoot(path.dirname(abs)) ?? path.dirname(abs);
      await getDataset(root);
      targets.push({ root, file: abs, explicit: true });
    }
  }
  // Every file of each dataset is read and indexed, so that dataset-wide rules see the whole
  // dataset even when only some files are checked; files named on the command line are indexed too.
  const items = new Map<string, WorkItem>();
  for (const ds of datasets.values()) for (const f of (await listOf(ds)).files) items.set(f, { root: ds.root, file: f, explicit: false });
  for (const t of targets) {
    const known = items.get(t.file);
    if (!known) items.set(t.file, t);
    else if (t.explicit) known.explicit = true;
  }
  const checkFiles = [...new Set(targets.map((t) => t.file))];
  const all = [...items.values()];
  const workers =
    req.jobs === 'auto' ? autoWorkers(all.length, availableParallelism()) : Math.max(1, Math.min(req.jobs ?? 1, Math.ceil(all.length / MIN_FILES_PER_WORKER)));
  let cacheReport: CacheReport | undefined;
  let out: RunOutput & { indexOf?: (root: string) => DatasetIndex };
  if (req.cache) {
    const store = ResultCache.open(req.cache.file, ['facts', 'deps']);
    cacheReport = { file: req.cache.file, reused: 0, checked: 0, problems: store.problem ? [`the cache ${req.cache.file} is not used: ${store.problem}`] : [] };
    out = await runCached(all, checkFiles, datasets, req, workers, new CheckCache(store), cacheReport);
    const failed = store.save();
    if (failed) cacheReport.problems.push(`the cache ${req.cache.file} could not be written (${failed}); the next run checks everything again`);
  } else out = workers > 1 ? await runInWorkers(all, checkFiles, datasets, req, workers) : await runHere(all, checkFiles, datasets, req);
  const { kinds, facts, checked } = out;
  const built = out.indexes ?? new Map<string, DatasetIndex>();
  // The index of a dataset, for --fix (which checks again as it fixes): built here when the run did not.
  const indexOf =
    out.indexOf ??
    ((root: string) => {
      let index = built.get(root);
      if (!index) built.set(root, (index = buildIndex(facts.get(root) ?? [])));
      return index;
    });
  const results: FileResult[] = [];
  const notDataset: CheckRun['notDataset'] = [];
  for (const file of checkFiles) {
    const kind = kinds.get(file);
    if (!kind) {
      const item = items.get(file)!;
      if (item.explicit) notDataset.push({ file, why: notDatasetReason(datasets.get(item.root)!, file) });
      continue;
    }
    const item = items.get(file)!;
    const ds = datasets.get(item.root)!;
    const c = checked.get(file)!;
    results.push(fileResult(file, item.root, path.relative(req.cwd, file) || file, c, kind, () => checkOptions(ds, indexOf(item.root), file)));
  }
  const eventsRead = [...kinds.values()].filter((k) => k === 'event').length;
  return { results: [...results, ...problems.values()], notDataset, eventsRead, datasets: [...datasets.values()], ...(cacheReport ? { cache: cacheReport } : {}) };
}

/** A checked file; its line index is made when a formatter first asks (most files have no finding). */
function fileResult(file: string, root: string, displayPath: string, c: CheckedFile, kind: FileKind, optionsOf: () => NonNullable<FileResult['options']>): FileResult {
  let lines = c.lines;
  let options: FileResult['options'];
  let text = typeof c.text === 'string' ? c.text : undefined;
  const read = c.text;
  return {
    path: file,
    root,
    displayPath,
    get text() {
      return (text ??= typeof read === 'string' ? read : read());
    },
    get lines() {
      return (lines ??= new LineIndex(this.text));
    },
    findings: c.findings,
    omitted: c.omitted,
    hidden: c.hidden,
    kind,
    get options() {
      return (options ??= optionsOf());
    },
  };
}

/** A checked file: its text, or how to read it (a file whose findings the cache gave is read if a formatter asks), and what the report keeps. */
type CheckedFile = { text: string | (() => string); lines?: LineIndex } & Checked;

interface RunOutput {
  kinds: Map<string, ParsedItem['kind']>;
  facts: Map<string, FactsList>;
  checked: Map<string, CheckedFile>;
  /** The index of each dataset, when the run built it (else it is built from `facts`). */
  indexes?: Map<string, DatasetIndex>;
}

function factsOf(all: WorkItem[], datasets: Map<string, LoadedDataset>, get: (file: string) => ParsedItem['facts']): Map<string, FactsList> {
  const facts = new Map<string, FactsList>([...datasets.keys()].map((r) => [r, []]));
  for (const item of all) {
    const f = get(item.file);
    if (f) facts.get(item.root)!.push([relPath(datasets.get(item.root)!, item.file), f]);
  }
  return facts;
}

/** What the report keeps, for the checking pass. */
function keepingOf(req: CheckRequest): Keeping | undefined {
  return req.limits ? { limits: req.limits, baseline: req.baseline && new BaselineHider(req.baseline) } : undefined;
}

async function runHere(all: WorkItem[], checkFiles: string[], datasets: Map<string, LoadedDataset>, req: CheckRequest): Promise<RunOutput> {
  const parsed = new Map<string, ParsedItem>();
  for (const item of all) parsed.set(item.file, await parseItem(datasets.get(item.root)!, item, req.cwd));
  const facts = factsOf(all, datasets, (f) => parsed.get(f)!.facts);
  const kinds = new Map([...parsed].map(([f, p]) => [f, p.kind]));
  const indexes = new Map([...facts].map(([root, f]) => [root, buildIndex(f)]));
  const byFile = new Map(all.map((i) => [i.file, i]));
  const checked: RunOutput['checked'] = new Map();
  const keeping = keepingOf(req);
  for (const file of checkFiles) {
    const p = parsed.get(file)!;
    if (!p.kind) continue;
    const item = byFile.get(file)!;
    checked.set(file, { text: p.text, lines: p.file.lines, ...checkItem(datasets.get(item.root)!, indexes.get(item.root)!, item, p, keeping) });
    // The parse is not needed any more: its trees and values go (the text stays for the report).
    parsed.delete(file);
  }
  return { kinds, facts, checked, indexes };
}

/** The worker bundle: beside the CLI bundle, or in dist/ when running from the sources. */
export function workerScript(): string {
  const candidates = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, '..', '..', '..', 'dist', 'cli-worker.js')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`cannot find the worker script (looked for ${candidates.join(', ')}); run the build first`);
  return found;
}

async function runInWorkers(all: WorkItem[], checkFiles: string[], datasets: Map<string, LoadedDataset>, req: CheckRequest, n: number): Promise<RunOutput> {
  const pool = new Pool(datasets, req, n);
  try {
    const parsed = await pool.parse(all);
    const kinds: RunOutput['kinds'] = new Map([...parsed].map(([f, p]) => [f, p.kind]));
    const facts = factsOf(all, datasets, (f) => parsed.get(f)?.facts);
    const byFile = new Map(all.map((i) => [i.file, i]));
    const done = await pool.check(
      checkFiles.filter((f) => kinds.get(f)).map((f) => byFile.get(f)!),
      facts,
      false,
    );
    const checked: RunOutput['checked'] = new Map([...done].map(([f, { deps: _, ...c }]) => [f, c]));
    return { kinds, facts, checked };
  } finally {
    await pool.close();
  }
}

/**
 * The worker threads of a run: each parses its share of the files (round robin: neighbouring files,
 * often alike in size, spread over the workers) and checks the files it parsed; a file to check that
 * no worker parsed (one the cache answered, checked again) goes to the next worker in turn.
 */
class Pool {
  private readonly workers: Worker[];
  private readonly owner = new Map<string, number>();
  private readonly specs: DatasetSpec[];

  constructor(
    datasets: Map<string, LoadedDataset>,
    private readonly req: CheckRequest,
    n: number,
  ) {
    const script = workerScript();
    this.specs = [...datasets.values()].map((ds) => ({ root: ds.root, today: ds.context.today, ruleOverrides: req.ruleOverrides, layout: ds.context.layout }));
    this.workers = Array.from({ length: n }, () => new Worker(script));
  }

  private ask(w: Worker, msg: ToWorker): Promise<FromWorker> {
    return new Promise<FromWorker>((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`a worker thread exited (code ${code})`));
      w.once('message', (m: FromWorker) => {
        w.off('error', reject);
        w.off('exit', onExit);
        if (m.type === 'error') reject(m.input ? new InputError(m.message) : new Error(m.message));
        else resolve(m);
      });
      w.once('error', reject);
      w.once('exit', onExit);
      w.postMessage(msg);
    });
  }

  /** Opens the datasets in every worker (once), then reads and parses `items`: their kinds and facts. */
  async parse(items: WorkItem[]): Promise<Map<string, { kind?: ParsedItem['kind']; facts?: ParsedItem['facts'] }>> {
    const n = this.workers.length;
    const shares = this.workers.map((_, i) => items.filter((_, j) => j % n === i));
    shares.forEach((share, i) => share.forEach((item) => this.owner.set(item.file, i)));
    const replies = await Promise.all(this.workers.map((w, i) => this.ask(w, { type: 'parse', cwd: this.req.cwd, specs: this.specs, items: shares[i] })));
    const out = new Map<string, { kind?: ParsedItem['kind']; facts?: ParsedItem['facts'] }>();
    for (const r of replies) if (r.type === 'parsed') for (const it of r.items) out.set(it.file, { kind: it.kind as ParsedItem['kind'], facts: it.facts });
    return out;
  }

  /** Checks `items` against the index of `facts`; `record`: with what each check read (for the cache). */
  async check(items: WorkItem[], facts: Map<string, FactsList>, record: boolean): Promise<Map<string, { text: string; deps?: Dep[] } & Checked>> {
    const n = this.workers.length;
    const shares: WorkItem[][] = this.workers.map(() => []);
    let next = 0;
    for (const item of items) {
      let i = this.owner.get(item.file);
      if (i === undefined) this.owner.set(item.file, (i = next++ % n));
      shares[i].push(item);
    }
    const factsMsg = Object.fromEntries(facts);
    const replies = await Promise.all(this.workers.map((w, i) => this.ask(w, { type: 'check', cwd: this.req.cwd, specs: this.specs, facts: factsMsg, items: shares[i], record, limits: this.req.limits, baseline: this.req.baseline })));
    const out = new Map<string, { text: string; deps?: Dep[] } & Checked>();
    for (const r of replies) if (r.type === 'checked') for (const x of r.results) out.set(x.file, x);
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Whether a file's stat differs from the one kept, or is trusted now and was not then (see lookupByStat). */
function newStat(kept: StatKey | undefined, now: StatKey | undefined): boolean {
  if (!now) return false;
  if (!kept || kept.slice(0, 4).some((x, i) => x !== now[i])) return true;
  const racy = (k: StatKey) => !(k[1] < k[4] - RACY_MS && k[2] < k[4] - RACY_MS);
  return racy(kept) && !racy(now);
}

/** A file of a cached run: read, hashed, looked up, and parsed only if it must be. */
interface CachedState {
  item: WorkItem;
  ds: LoadedDataset;
  rel: string;
  /** Its text, once read (a file the cache knows unchanged by its stat is read only if it must be). */
  text?: string;
  hash?: string;
  /** Its stat when it was read (for the next run). */
  stat?: StatKey;
  entry?: FileEntry;
  /** Its parse, when it was parsed in this thread (or could not be read). */
  parsed?: ParsedItem;
  kind?: ParsedItem['kind'];
  /** Its facts, once read from the cache or parsed (undefined for an entry not yet read). */
  facts?: ParsedItem['facts'];
  /** Its findings and what they depended on, when it was checked in this run. */
  findings?: FileResult['findings'];
  deps?: Dep[];
}

/**
 * A run with a cache (see cache.ts). Every file's stat is compared with the one kept, and a file
 * whose stat changed is read and hashed; a file whose text and dataset are as they were keeps its
 * entry, the others are parsed. When the facts of the dataset are all as they were when a file's
 * findings were worked out (the same digest of the whole index), its findings are used as they are;
 * otherwise the index is built and the questions its check asked are asked again: the same answers,
 * the same findings; another answer, and the file is checked again. Then the cache keeps this run's
 * entries.
 */
async function runCached(
  all: WorkItem[],
  checkFiles: string[],
  datasets: Map<string, LoadedDataset>,
  req: CheckRequest,
  workers: number,
  cache: CheckCache,
  report: CacheReport,
): Promise<RunOutput & { indexOf: (root: string) => DatasetIndex }> {
  // The cache keeps every finding of a file; the report's limits and the baseline apply to them as they are used.
  const keeping = keepingOf(req);
  const states: CachedState[] = [];
  const byFile = new Map<string, CachedState>();
  const misses: CachedState[] = [];
  for (const item of all) {
    const ds = datasets.get(item.root)!;
    const rel = relPath(ds, item.file);
    const readAt = (req.cache?.now ?? Date.now)();
    let stat: Stats | undefined;
    try {
      stat = statSync(item.file);
    } catch {
      // readItem says why
    }
    let st: CachedState;
    const known = stat && cache.lookupByStat(ds, rel, stat);
    if (known) st = { item, ds, rel, hash: known.hash, stat: known.stat, entry: known, kind: known.kind ?? undefined };
    else {
      const read = readItem(ds, item, req.cwd);
      if ('failed' in read) st = { item, ds, rel, text: '', parsed: read.failed, kind: read.failed.kind };
      else {
        const hash = textHash(read.text);
        const entry = cache.lookup(ds, rel, hash);
        st = { item, ds, rel, text: read.text, hash, stat: stat && statKey(stat, readAt), entry, kind: entry?.kind ?? undefined };
        if (!entry) misses.push(st);
      }
    }
    states.push(st);
    byFile.set(item.file, st);
  }
  /** The text of a file known by its stat, read now that it must be: the same text, or it is not kept. */
  const textOf = (st: CachedState): string => {
    if (st.text !== undefined) return st.text;
    const read = readItem(st.ds, st.item, req.cwd);
    if ('failed' in read) {
      st.parsed = read.failed;
      st.hash = undefined;
      return (st.text = '');
    }
    if (textHash(read.text) !== st.hash) st.hash = undefined; // changed since its stat was taken
    return (st.text = read.text);
  };
  /** Reads and parses files in this thread, or in workers when there are enough of them (see autoWorkers). */
  let pool: Pool | undefined;
  const poolFor = (n: number) => (workers > 1 && n >= MIN_FILES_PER_WORKER * workers ? (pool ??= new Pool(datasets, req, workers)) : undefined);
  const parse = async (list: CachedState[]) => {
    const p = poolFor(list.length);
    if (p) {
      const parsed = await p.parse(list.map((m) => ({ ...m.item, text: textOf(m) })));
      for (const m of list) Object.assign(m, parsed.get(m.item.file) ?? {});
      return;
    }
    for (const m of list) {
      m.parsed = await parseItem(m.ds, m.item, req.cwd, textOf(m));
      m.kind = m.parsed.kind;
      m.facts = m.parsed.facts;
    }
  };
  try {
    await parse(misses);
    // The digest of each dataset's whole index, from its files' digests in index order.
    const digestsOf = (st: CachedState) => (st.facts ? st.facts.map(factsDigest) : st.entry?.digests !== undefined ? cache.digestsOf(st.entry) : []);
    const wholes = new Map<string, string>();
    for (const root of datasets.keys()) wholes.set(root, digestOfAll(states.filter((st) => st.item.root === root && st.kind === 'event').map(digestsOf)));

    // Files whose findings hold as they are: the same index (and the same day and layout, for
    // those that read them). The others need the index.
    const checked: RunOutput['checked'] = new Map();
    const undecided: CachedState[] = [];
    const empty = new DatasetIndex();
    for (const file of checkFiles) {
      const st = byFile.get(file)!;
      if (!st.kind) continue;
      if (st.parsed?.error) {
        checked.set(file, { text: '', ...checkItem(st.ds, empty, st.item, st.parsed, keeping) });
        continue;
      }
      const e = st.entry;
      // The same index: only the day and the layout can have changed (the questions are not read).
      const local = e?.findings && e.index === wholes.get(st.ds.root) ? cache.localOf(e) : undefined;
      if (local && depsHold(local, st.rel, empty, st.ds.context, () => e!.index!, e!.index)) {
        checked.set(file, { text: st.text ?? (() => textOf(st)), ...keptOf(file, e!.findings!, keeping) });
        report.reused++;
      } else undecided.push(st);
    }

    // The index, built only when some file needs it (from the cache's facts and the parsed ones).
    const indexes = new Map<string, DatasetIndex>();
    const facts = new Map<string, FactsList>();
    const indexOf = (root: string): DatasetIndex => {
      let index = indexes.get(root);
      if (!index) indexes.set(root, (index = buildIndex(factsList(root))));
      return index;
    };
    /** Every event's facts, in index order: from the cache, else (facts that do not read back whole) from the file again. */
    const factsList = (root: string): FactsList => {
      let list = facts.get(root);
      if (list) return list;
      for (const st of states) {
        if (st.item.root !== root || st.facts || st.kind !== 'event' || !st.entry) continue;
        st.facts = cache.factsOf(st.ds, st.entry, st.rel);
        if (st.facts) continue;
        st.entry = undefined;
        st.parsed = parseItemSync(st.ds, st.item, req.cwd, textOf(st));
        st.kind = st.parsed.kind;
        st.facts = st.parsed.facts;
      }
      facts.set(root, (list = states.filter((st) => st.item.root === root && st.kind === 'event' && st.facts).map((st) => [st.rel, st.facts!] as [string, EventFacts[]])));
      return list;
    };
    const toCheck: CachedState[] = [];
    for (const st of undecided) {
      const e = st.entry;
      const deps = e?.findings ? cache.depsOf(st.ds, e, st.rel) : undefined;
      const root = st.ds.root;
      if (e && deps && depsHold(deps, st.rel, indexOf(root), st.ds.context, () => wholes.get(root)!, e.index)) {
        checked.set(st.item.file, { text: st.text ?? (() => textOf(st)), ...keptOf(st.item.file, e.findings!, keeping) });
        report.reused++;
      } else toCheck.push(st);
    }
    report.checked = toCheck.length;
    const p = poolFor(toCheck.length);
    if (p) {
      const done = await p.check(toCheck.map((st) => ({ ...st.item, text: textOf(st) })), new Map([...datasets.keys()].map((r) => [r, factsList(r)])), true);
      for (const st of toCheck) Object.assign(st, done.get(st.item.file));
    } else {
      for (const st of toCheck) {
        const text = textOf(st);
        st.parsed ??= await parseItem(st.ds, st.item, req.cwd, text);
        Object.assign(st, checkRecorded(st.ds, indexOf(st.ds.root), st.item, st.parsed));
      }
    }
    for (const st of toCheck) checked.set(st.item.file, { text: st.text ?? '', lines: st.parsed?.file.lines, ...keptOf(st.item.file, st.findings!, keeping) });

    // This run's entries: every file read; its findings with what they depended on, when it was
    // checked now or its findings were reused (they go with this run's index now).
    for (const st of states) {
      if (st.hash === undefined) continue;
      const whole = wholes.get(st.ds.root)!;
      const base = { hash: st.hash, kind: st.kind ?? null, stat: st.stat };
      if (st.findings !== undefined) cache.remember(st.ds, st.rel, { ...base, facts: st.facts, findings: st.findings, deps: st.deps, index: whole }, true);
      else if (!st.entry) cache.remember(st.ds, st.rel, { ...base, facts: st.facts }, true);
      else {
        const reindexed = checked.has(st.item.file) && st.entry.index !== whole;
        if (reindexed || newStat(st.entry.stat, st.stat)) cache.remember(st.ds, st.rel, { ...st.entry, stat: st.stat, ...(reindexed ? { index: whole } : {}) }, true, st.entry);
        else cache.remember(st.ds, st.rel, st.entry, false);
      }
    }
    const kinds: RunOutput['kinds'] = new Map(states.map((st) => [st.item.file, st.kind]));
    return { kinds, facts, checked, indexes, indexOf };
  } finally {
    await pool?.close();
  }
}

export async function fileExists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}
