/**
 * `haulcheck check`: resolve the paths to dataset files, read and index every file of each dataset,
 * check the files asked for, return results. With `jobs` > 1 the reading and checking run in worker
 * threads; the results are the same, in the same order, as in one thread.
 */
import { existsSync, promises as fsp, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { LineIndex } from '../core';
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
  openDataset,
  parseItem,
  relPath,
} from './work';
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
  const { kinds, facts, checked } =
    workers > 1 ? await runInWorkers(all, checkFiles, datasets, req, workers) : await runHere(all, checkFiles, datasets, req);
  const indexes = new Map([...facts].map(([root, f]) => [root, buildIndex(f)]));
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
    results.push({
      path: file,
      root: item.root,
      displayPath: path.relative(req.cwd, file) || file,
      text: c.text,
      lines: c.lines ?? new LineIndex(c.text),
      findings: c.findings,
      omitted: c.omitted,
      hidden: c.hidden,
      kind,
      options: checkOptions(ds, indexes.get(item.root)!, file),
    });
  }
  const eventsRead = [...kinds.values()].filter((k) => k === 'event').length;
  return { results: [...results, ...problems.values()], notDataset, eventsRead, datasets: [...datasets.values()] };
}

interface RunOutput {
  kinds: Map<string, ParsedItem['kind']>;
  facts: Map<string, FactsList>;
  checked: Map<string, { text: string; lines?: LineIndex } & Checked>;
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
  return { kinds, facts, checked };
}

/** The worker bundle: beside the CLI bundle, or in dist/ when running from the sources. */
export function workerScript(): string {
  const candidates = [path.join(__dirname, 'cli-worker.js'), path.join(__dirname, '..', '..', '..', 'dist', 'cli-worker.js')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`cannot find the worker script (looked for ${candidates.join(', ')}); run the build first`);
  return found;
}

async function runInWorkers(all: WorkItem[], checkFiles: string[], datasets: Map<string, LoadedDataset>, req: CheckRequest, n: number): Promise<RunOutput> {
  const script = workerScript();
  const specs: DatasetSpec[] = [...datasets.values()].map((ds) => ({ root: ds.root, today: ds.context.today, ruleOverrides: req.ruleOverrides, layout: ds.context.layout }));
  const pool = Array.from({ length: n }, () => new Worker(script));
  const ask = (w: Worker, msg: ToWorker) =>
    new Promise<FromWorker>((resolve, reject) => {
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
  try {
    // Round robin: neighbouring files (often alike in size) spread over the workers.
    const shares = pool.map((_, i) => all.filter((_, j) => j % n === i));
    const owner = new Map<string, number>();
    shares.forEach((s, i) => s.forEach((item) => owner.set(item.file, i)));
    const parsedReplies = await Promise.all(pool.map((w, i) => ask(w, { type: 'parse', cwd: req.cwd, specs, items: shares[i] })));
    const kinds: RunOutput['kinds'] = new Map();
    const factsByFile = new Map<string, ParsedItem['facts']>();
    for (const r of parsedReplies) {
      if (r.type !== 'parsed') continue;
      for (const it of r.items) {
        kinds.set(it.file, it.kind as ParsedItem['kind']);
        factsByFile.set(it.file, it.facts);
      }
    }
    const facts = factsOf(all, datasets, (f) => factsByFile.get(f));
    const factsMsg = Object.fromEntries(facts);
    const toCheck = pool.map((_, i) => checkFiles.filter((f) => owner.get(f) === i && kinds.get(f)));
    const checkedReplies = await Promise.all(pool.map((w, i) => ask(w, { type: 'check', facts: factsMsg, files: toCheck[i], limits: req.limits, baseline: req.baseline })));
    const checked: RunOutput['checked'] = new Map();
    for (const r of checkedReplies) if (r.type === 'checked') for (const { file, ...x } of r.results) checked.set(file, x);
    return { kinds, facts, checked };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
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
