/**
 * The language server's start-up indexing, in a worker thread (bundled as dist/server-index.js):
 * reads and parses every event file of a dataset and sends back their facts. The reading and
 * parsing garbage lives and dies with the worker's heap, so the server keeps only the facts (about
 * 3 KB an event) and its requests are answered while a large dataset is indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type EventFacts, extractFacts, parseFile } from '../core';
import { kindOf, listDatasetFiles, loadDataset, readTextSync } from '../node/dataset';
import * as path from 'node:path';

export interface IndexJob {
  root: string;
  /** Unsaved editor texts by absolute path: they win over the files on disk. */
  live: Record<string, string>;
}

export type IndexMessage =
  | { type: 'begin'; total: number }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; facts: [rel: string, facts: EventFacts[]][] }
  | { type: 'error'; message: string };

/** Indexes a dataset: the facts of each event file, in file order. */
export async function indexDataset(job: IndexJob, post: (m: IndexMessage) => void): Promise<void> {
  const live = (f: string) => (Object.prototype.hasOwnProperty.call(job.live, f) ? job.live[f] : undefined);
  const dataset = await loadDataset(job.root, undefined, live);
  const events = (await listDatasetFiles(dataset)).filter((f) => /\.ya?ml$/.test(f));
  post({ type: 'begin', total: events.length });
  const facts: [string, EventFacts[]][] = [];
  const BATCH = 500;
  for (let i = 0; i < events.length; i++) {
    const f = events[i];
    let text: string | undefined;
    try {
      text = live(f) ?? readTextSync(f);
    } catch {
      text = undefined;
    }
    if (text !== undefined && kindOf(dataset, f, text, false) === 'event') {
      const rel = path.relative(job.root, f).split(path.sep).join('/');
      facts.push([rel, extractFacts(rel, parseFile(text, undefined, { trees: 'lazy' }))]);
    }
    if ((i + 1) % BATCH === 0) post({ type: 'progress', done: i + 1, total: events.length });
  }
  post({ type: 'done', facts });
}

if (parentPort && workerData) {
  const port = parentPort;
  indexDataset(workerData as IndexJob, (m) => port.postMessage(m)).catch((err: unknown) =>
    port.postMessage({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies IndexMessage),
  );
}
