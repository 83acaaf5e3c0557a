/**
 * The language server's start-up indexing, in a worker thread (bundled as dist/server-index.js):
 * reads and parses every event file of a dataset and sends back their facts; then, when asked,
 * checks every file of the dataset against the complete index and sends back their findings (the
 * problems of the files that are not open, lsp/problems.ts). The reading, parsing and checking
 * garbage lives and dies with the worker's heap, so the server keeps only the facts (about 3 KB an
 * event) and its requests are answered while a large dataset is indexed and checked.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkForEditor } from './large';
import { DatasetIndex, type EventFacts, type Finding, extractFacts, parseFile, resolveConfig } from '../core';
import { type ListingProblem, kindOf, listDataset, loadDataset, readTextSync, unreadable, unreadableFinding } from '../node/dataset';
import * as path from 'node:path';
import { ResultCache, codeFingerprint, textHash } from '../node/cache';

export interface IndexJob {
  root: string;
  /** Unsaved editor texts by absolute path: they win over the files on disk. */
  live: Record<string, string>;
  /**
   * A file of facts kept from the last start (in the editor's storage for the extension, never in
   * the dataset): a file whose text has the same hash is not parsed again. Absent: no cache.
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

/** Waits while the server says an edit is waiting for its check (job.gate is 1). */
export function yieldToEdits(gate: Int32Array | undefined): void {
  if (!gate) return;
  while (Atomics.load(gate, 0) === 1) Atomics.wait(gate, 0, 1, 100);
}

/**
 * The facts cache: by dataset path, the hash of the text they were read from. The CLI's cache (`--cache`)
 * and this one are the same kind of file (node/cache.ts: written atomically, never trusted from other
 * code or when broken), each in its own place: this one in the editor's storage.
 */
interface FactsCache {
  entries: Record<string, { hash: string; facts: EventFacts[] }>;
}

/** The section of the facts, and the key that ties them to this build. */
const SECTION = 'index';

function hashOf(text: string): string {
  return textHash(text);
}

/** The cache file opened by the last loadCache (written back by saveCache). */
let opened: ResultCache | undefined;

function loadCache(file: string | undefined): FactsCache['entries'] {
  opened = file ? ResultCache.open(file) : undefined;
  return (opened?.entries(SECTION, codeFingerprint()) ?? {}) as FactsCache['entries'];
}

function saveCache(file: string | undefined, entries: FactsCache['entries']): void {
  if (!file || !opened || opened.file !== file) return;
  for (const [rel, e] of Object.entries(entries)) opened.set(SECTION, codeFingerprint(), rel, e);
  // A cache that cannot be written only costs the next start its speed.
  opened.save();
  opened = undefined;
}

export type IndexMessage =
  | { type: 'begin'; total: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; facts: [rel: string, facts: EventFacts[]][]; parsed: number; cached: number; problems: string[] }
  /** The check of every file (`job.check`) begins: `total` files. */
  | { type: 'checking'; total: number }
  /** Findings of checked files (absolute paths), every file once, clean ones with none. */
  | { type: 'problems'; files: [file: string, findings: Finding[]][] }
  | { type: 'checked'; total: number }
  | { type: 'error'; message: string };

/** What the server tells an indexing thread: a file opened in the editor (its check is the editor's). */
export type IndexNotice = { type: 'opened'; file: string };

/**
 * Indexes a dataset: the facts of each event file, in file order; then, when asked, checks every
 * file but those open in the editor (`open`: those of `job.live`, and those the server says open).
 */
export async function indexDataset(job: IndexJob, post: (m: IndexMessage) => void, open: Set<string> = new Set(Object.keys(job.live))): Promise<void> {
  const live = (f: string) => (Object.prototype.hasOwnProperty.call(job.live, f) ? job.live[f] : undefined);
  const dataset = await loadDataset(job.root, undefined, live);
  const listing = await listDataset(dataset);
  const events = listing.files.filter((f) => /\.ya?ml$/.test(f));
  // (In two functions: the facts cache read and written while indexing is garbage during the check.)
  const facts = indexFacts(job, dataset, events, live, post, listing.problems.map((p) => p.message));
  if (job.check) await checkDataset(job, job.check.rules, dataset, events, facts, open, post, listing.problems);
}

function indexFacts(
  job: IndexJob,
  dataset: Awaited<ReturnType<typeof loadDataset>>,
  events: string[],
  live: (file: string) => string | undefined,
  post: (m: IndexMessage) => void,
  // Unreadable folders and files that are not files: not indexed, and said in the log.
  problems: string[],
): [string, EventFacts[]][] {
  post({ type: 'begin', total: events.length });
  const facts: [string, EventFacts[]][] = [];
  const cache = loadCache(job.cacheFile);
  const kept: FactsCache['entries'] = {};
  let parsed = 0;
  let cached = 0;
  const BATCH = 500;
  for (let i = 0; i < events.length; i++) {
    const f = events[i];
    let text: string | undefined;
    try {
      text = live(f) ?? readTextSync(f);
    } catch (err) {
      text = undefined;
      problems.push(`${path.relative(job.root, f).split(path.sep).join('/')} ${unreadable(err)}: it is not indexed.`);
    }
    if (text !== undefined && kindOf(dataset, f, text) === 'event') {
      const rel = path.relative(job.root, f).split(path.sep).join('/');
      const hash = job.cacheFile ? hashOf(text) : '';
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
      if (job.cacheFile) kept[rel] = { hash, facts: fileFacts };
    }
    if ((i + 1) % BATCH === 0) post({ type: 'progress', done: i + 1, total: events.length });
  }
  if (parsed > 0 || Object.keys(cache).length !== cached) saveCache(job.cacheFile, kept);
  post({ type: 'done', facts, parsed, cached, problems });
  return facts;
}

/** A dataset file that cannot be read, as `haulcheck check` says it: an error on the file, the others checked. */
export function unreadableFileFinding(rel: string, err: unknown): Finding {
  const why = unreadable(err);
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
  rules: Record<string, unknown>,
  dataset: Awaited<ReturnType<typeof loadDataset>>,
  files: string[],
  facts: [string, EventFacts[]][],
  open: Set<string>,
  post: (m: IndexMessage) => void,
  /** What the listing could not read (folders, FIFOs…): an error on each, as `haulcheck check` reports them. */
  unlisted: ListingProblem[] = [],
): Promise<void> {
  const index = new DatasetIndex();
  for (const [rel, f] of facts) index.set(rel, f);
  const config = Object.keys(rules).length ? resolveConfig(dataset.rawConfig, rules) : dataset.config;
  const context = { ...dataset.context, index };
  post({ type: 'checking', total: files.length + unlisted.length });
  let batch: [string, Finding[]][] = unlisted.map((p) => [p.path, [unreadableFinding(p.message)]]);
  const send = async () => {
    post({ type: 'problems', files: batch });
    batch = [];
    // Between batches the thread reads its messages: files opened meanwhile are skipped.
    await new Promise((r) => setImmediate(r));
  };
  await new Promise((r) => setImmediate(r));
  for (const f of files) {
    yieldToEdits(job.gate);
    if (open.has(f)) {
      batch.push([f, []]);
      continue;
    }
    const rel = path.relative(job.root, f).split(path.sep).join('/');
    let text: string;
    try {
      text = readTextSync(f);
    } catch (err) {
      batch.push([f, [unreadableFileFinding(rel, err)]]);
      continue;
    }
    const kind = kindOf(dataset, f, text);
    const findings = kind ? checkForEditor(text, kind, { config, dataset: context, path: rel }) : [];
    batch.push([f, findings.map(shown)]);
    if (batch.length === PROBLEMS_BATCH) await send();
  }
  if (batch.length) await send();
  post({ type: 'checked', total: files.length + unlisted.length });
}

if (parentPort && workerData) {
  const port = parentPort;
  const job = workerData as IndexJob;
  const open = new Set(Object.keys(job.live));
  port.on('message', (m: IndexNotice) => {
    if (m?.type === 'opened') open.add(m.file);
  });
  indexDataset(job, (m) => port.postMessage(m), open).catch((err: unknown) =>
    port.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IndexMessage),
  );
}
