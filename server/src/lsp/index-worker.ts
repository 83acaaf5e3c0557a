/**
 * The language server's start-up indexing, in a worker thread (bundled as dist/server-index.js):
 * reads and parses every event file of a dataset and sends back their facts. The reading and
 * parsing garbage lives and dies with the worker's heap, so the server keeps only the facts (about
 * 3 KB an event) and its requests are answered while a large dataset is indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type EventFacts, extractFacts, parseFile } from '../core';
import { kindOf, listDataset, loadDataset, readTextSync, unreadable } from '../node/dataset';
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
  | { type: 'error'; message: string };

/** Indexes a dataset: the facts of each event file, in file order. */
export async function indexDataset(job: IndexJob, post: (m: IndexMessage) => void): Promise<void> {
  const live = (f: string) => (Object.prototype.hasOwnProperty.call(job.live, f) ? job.live[f] : undefined);
  const dataset = await loadDataset(job.root, undefined, live);
  const listing = await listDataset(dataset);
  const events = listing.files.filter((f) => /\.ya?ml$/.test(f));
  // Unreadable folders and files that are not files: not indexed, and said in the log.
  const problems = listing.problems.map((p) => p.message);
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
}

if (parentPort && workerData) {
  const port = parentPort;
  indexDataset(workerData as IndexJob, (m) => port.postMessage(m)).catch((err: unknown) =>
    port.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IndexMessage),
  );
}
