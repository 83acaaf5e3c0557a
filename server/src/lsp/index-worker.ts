/**
 * The language server's start-up indexing thread in Node (bundled as dist/server-index.js): the
 * indexing run of indexing.ts with the files read from disk, synchronously (a thread of its own
 * waits for nobody), the facts cache in a file of the editor's storage, and a gate shared with the
 * server that holds the pass over every file while an edit waits for its check.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ResultCache, codeFingerprint, textHash } from '../node/cache';
import type { EventFacts } from '../core';
import { type FactsEntries, type IndexEnv, type IndexJob, type IndexMessage, type IndexNotice, indexDataset } from './indexing';
import { NODE_FILES } from './node-files';

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

/** How a run reads in Node: from disk, synchronously; the facts cache in `job.cacheFile`. */
export function nodeIndexEnv(job: IndexJob, stopped: () => boolean = () => false): IndexEnv {
  return {
    files: NODE_FILES,
    read: (file) => NODE_FILES.readTextNow!(file),
    cache: job.cacheFile ? { load: () => loadCache(job.cacheFile), save: (entries: FactsEntries) => saveCache(job.cacheFile, entries), hash: hashOf } : undefined,
    pause: () => yieldToEdits(job.gate),
    nextTurn: () => new Promise((r) => setImmediate(r)),
    stopped,
  };
}

if (parentPort && workerData) {
  const port = parentPort;
  const job = workerData as IndexJob;
  const open = new Set(Object.keys(job.live));
  port.on('message', (m: IndexNotice) => {
    if (m?.type === 'opened') open.add(m.file);
  });
  indexDataset(job, nodeIndexEnv(job), (m) => port.postMessage(m), open).catch((err: unknown) =>
    port.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IndexMessage),
  );
}
