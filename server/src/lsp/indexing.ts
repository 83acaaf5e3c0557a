/**
 * The language server's start-up indexing: reads and parses every event file of a dataset and
 * sends back their facts; then, when asked, checks every file of the dataset against the complete
 * index and sends back their findings (the problems of the files that are not open, problems.ts).
 * In Node it runs in a worker thread (index-worker.ts), whose heap takes the reading, parsing and
 * checking garbage with it, so the server keeps only the facts (about 3 KB an event) and answers
 * while a large dataset is indexed and checked; in a browser it runs on the server's thread, in
 * slices between its requests (browser-host.ts). The host's IndexEnv says how files are read.
 */
import { checkForEditor } from './large';
import { DatasetIndex, type EventFacts, type Finding, extractFacts, parseFile, resolveConfig } from '../core';
import { type ListingProblem, type LoadedDataset, unreadableFinding } from '../shell/dataset';
import type { DatasetFiles } from './host';

export interface IndexJob {
  root: string;
  /** Unsaved editor texts by file: they win over the files on disk. */
  live: Record<string, string>;
  /**
   * A file of facts kept from the last start (in the editor's storage for the extension, never in
   * the dataset): a file whose text has the same hash is not parsed again. Absent: no cache on disk.
   */
  cacheFile?: string;
  /**
   * Once indexed, check every file of the dataset with these rule severity overrides (the editor's
   * settings) and send their findings. Absent: index only.
   */
  check?: { rules: Record<string, unknown> };
  /**
   * Set to 1 by the server while an edit waits for its check: once the index is done, the thread
   * waits before checking its next file, so that on a machine with one free core the editor comes
   * first (see `yieldToEdits`). Never while indexing: the editor's checks wait for the index.
   */
  gate?: Int32Array;
}

/** The facts of each file by dataset path, with the hash of the text they were read from. */
export type FactsEntries = Record<string, { hash: string; facts: EventFacts[] }>;

/** Where the facts of the last indexing are kept (a file in Node, memory in a browser). */
export interface FactsCache {
  load(): FactsEntries;
  save(entries: FactsEntries): void;
  /** The hash of a text. */
  hash(text: string): string | Promise<string>;
}

/** How an indexing run reads and waits, where it runs. */
export interface IndexEnv {
  files: DatasetFiles;
  /** A file's text: without a promise where the host reads synchronously (a thread of its own). */
  read(file: string): string | Promise<string>;
  /** The files about to be read, in order (a host whose reads are requests starts some ahead). */
  readAhead?(files: readonly string[]): void;
  cache?: FactsCache;
  /** Waits while an edit waits for its check (between files of the pass). */
  pause(): void | Promise<void>;
  /** Lets the messages that arrived meanwhile in (files opened in the editor, a stop). */
  nextTurn(): Promise<void>;
  /** Whether the run should let the server's other work in now (a browser's single thread); absent: at batch ends only. */
  sliceOver?(): boolean;
  /** Whether the run was stopped: it ends at its next file. */
  stopped?(): boolean;
}

export type IndexMessage =
  | { type: 'begin'; total: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; facts: [rel: string, facts: EventFacts[]][]; parsed: number; cached: number; problems: string[] }
  /** The check of every file (`job.check`) begins: `total` files. */
  | { type: 'checking'; total: number }
  /** Findings of checked files, every file once, clean ones with none. */
  | { type: 'problems'; files: [file: string, findings: Finding[]][] }
  | { type: 'checked'; total: number }
  | { type: 'error'; message: string };

/** What the server tells an indexing thread: a file opened in the editor (its check is the editor's). */
export type IndexNotice = { type: 'opened'; file: string };

/** A read that may or may not be a promise, awaited only when it is one. */
async function textOf(env: IndexEnv, file: string): Promise<string> {
  const t = env.read(file);
  return typeof t === 'string' ? t : await t;
}

/**
 * Indexes a dataset: the facts of each event file, in file order; then, when asked, checks every
 * file but those open in the editor (`open`: those of `job.live`, and those the server says open).
 */
export async function indexDataset(job: IndexJob, env: IndexEnv, post: (m: IndexMessage) => void, open: Set<string> = new Set(Object.keys(job.live))): Promise<void> {
  const live = (f: string) => (Object.prototype.hasOwnProperty.call(job.live, f) ? job.live[f] : undefined);
  const dataset = await env.files.load(job.root, live);
  const listing = await env.files.list(dataset);
  const events = listing.files.filter((f) => /\.ya?ml$/.test(f));
  // (In two functions: the facts cache read and written while indexing is garbage during the check.)
  const facts = await indexFacts(job, env, dataset, events, live, post, listing.problems.map((p) => p.message));
  if (facts && job.check) await checkDataset(job, env, job.check.rules, dataset, events, facts, open, post, listing.problems);
}

async function indexFacts(
  job: IndexJob,
  env: IndexEnv,
  dataset: LoadedDataset,
  events: string[],
  live: (file: string) => string | undefined,
  post: (m: IndexMessage) => void,
  // Unreadable folders and files that are not files: not indexed, and said in the log.
  problems: string[],
): Promise<[string, EventFacts[]][] | undefined> {
  const { names } = env.files;
  post({ type: 'begin', total: events.length });
  const facts: [string, EventFacts[]][] = [];
  const cache = env.cache?.load() ?? {};
  const kept: FactsEntries = {};
  env.readAhead?.(events.filter((f) => live(f) === undefined));
  let parsed = 0;
  let cached = 0;
  const BATCH = 500;
  for (let i = 0; i < events.length; i++) {
    if (env.stopped?.()) return undefined;
    if (env.sliceOver?.()) await env.nextTurn();
    const f = events[i];
    let text: string | undefined;
    try {
      text = live(f) ?? (await textOf(env, f));
    } catch (err) {
      text = undefined;
      problems.push(`${names.relative(job.root, f)} ${env.files.unreadable(err)}: it is not indexed.`);
    }
    if (text !== undefined && env.files.kindOf(dataset, f, text) === 'event') {
      const rel = names.relative(job.root, f);
      const h = env.cache ? env.cache.hash(text) : '';
      const hash = typeof h === 'string' ? h : await h;
      const hit = cache[rel];
      let fileFacts: EventFacts[];
      if (hit && hit.hash === hash && Array.isArray(hit.facts) && hit.facts.every((x) => x && x.file === rel)) {
        fileFacts = hit.facts;
        cached++;
      } else {
        fileFacts = extractFacts(rel, parseFile(text, undefined, { trees: 'lazy' }));
        parsed++;
      }
      facts.push([rel, fileFacts]);
      if (env.cache) kept[rel] = { hash, facts: fileFacts };
    }
    if ((i + 1) % BATCH === 0) post({ type: 'progress', done: i + 1, total: events.length });
  }
  if (env.cache && (parsed > 0 || Object.keys(cache).length !== cached)) env.cache.save(kept);
  post({ type: 'done', facts, parsed, cached, problems });
  return facts;
}

/** A dataset file that cannot be read, as `haulcheck check` says it: an error on the file, the others checked. */
export function unreadableFileFinding(rel: string, why: string): Finding {
  return unreadableFinding(why.startsWith('is ') ? `${rel} ${why}: it is not read.` : `The file ${rel} ${why}: it is not checked.`);
}

/** Files per `problems` message. */
const PROBLEMS_BATCH = 200;

/** What the server shows of a finding: all but its fixes (computed again for a file once it is open). */
function shown(f: Finding): Finding {
  const { fixes: _fixes, ...rest } = f;
  return rest;
}

/**
 * Checks every file of the dataset from disk against the complete index, as the server checks a
 * closed file; files open in the editor are left to the editor (and counted as checked).
 */
async function checkDataset(
  job: IndexJob,
  env: IndexEnv,
  rules: Record<string, unknown>,
  dataset: LoadedDataset,
  files: string[],
  facts: [string, EventFacts[]][],
  open: Set<string>,
  post: (m: IndexMessage) => void,
  /** What the listing could not read (folders, FIFOs…): an error on each, as `haulcheck check` reports them. */
  unlisted: ListingProblem[] = [],
): Promise<void> {
  const { names } = env.files;
  const index = new DatasetIndex();
  for (const [rel, f] of facts) index.set(rel, f);
  const config = Object.keys(rules).length ? resolveConfig(dataset.rawConfig, rules) : dataset.config;
  const context = { ...dataset.context, index };
  post({ type: 'checking', total: files.length + unlisted.length });
  let batch: [string, Finding[]][] = unlisted.map((p) => [p.path, [unreadableFinding(p.message)]]);
  const send = async () => {
    post({ type: 'problems', files: batch });
    batch = [];
    // Between batches the run reads its messages: files opened meanwhile are skipped.
    await env.nextTurn();
  };
  await env.nextTurn();
  env.readAhead?.(files.filter((f) => !open.has(f)));
  for (const f of files) {
    const paused = env.pause();
    if (paused) await paused;
    if (env.stopped?.()) return;
    if (env.sliceOver?.()) {
      // The findings so far go out with the turn: a browser's Problems panel fills as it goes.
      if (batch.length) await send();
      else await env.nextTurn();
    }
    if (open.has(f)) {
      batch.push([f, []]);
      continue;
    }
    const rel = names.relative(job.root, f);
    let text: string;
    try {
      text = await textOf(env, f);
    } catch (err) {
      batch.push([f, [unreadableFileFinding(rel, env.files.unreadable(err))]]);
      continue;
    }
    const kind = env.files.kindOf(dataset, f, text);
    const findings = kind ? checkForEditor(text, kind, { config, dataset: context, path: rel }) : [];
    batch.push([f, findings.map(shown)]);
    if (batch.length === PROBLEMS_BATCH) await send();
  }
  if (batch.length) await send();
  if (env.stopped?.()) return;
  post({ type: 'checked', total: files.length + unlisted.length });
}
