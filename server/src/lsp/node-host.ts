/**
 * The language server's host in Node (the desktop extension and every LSP client that starts
 * `haulcheck-language-server`): files on disk (node-files.ts), indexing and the overview in worker
 * threads beside the bundle (dist/server-index.js, dist/server-overview.js; on the server's own
 * thread when running from the sources), the facts cache in a file of the editor's storage.
 */
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type ResourceLimits, Worker } from 'node:worker_threads';
import { DISK_ROWS } from '../node/rows';
import { DATASET_THREAD_LIMITS, outOfMemory } from '../node/threads';
import type { IndexRun, OverviewRun, ServerHost } from './host';
import { type IndexJob, type IndexMessage, type IndexNotice, indexDataset } from './indexing';
import { nodeIndexEnv } from './index-worker';
import { NODE_FILES } from './node-files';
import { type OverviewJob, type OverviewMessage, type OverviewResultOf, overviewOf } from './overview-job';

export interface NodeHost extends ServerHost {
  /** The client's storage folder for this extension (initializationOptions.cacheDir), for the facts cache. */
  useStorage(dir: string | undefined): void;
  /** Where the host says what it did that the server did not ask for (a thread read again without its heap limit). */
  useLog(log: (message: string) => void): void;
  /** The heap limit of the indexing threads in MB (initializationOptions.indexHeapMb); undefined: node/threads.ts's. */
  useIndexHeap(mb: number | undefined): void;
}

/** Listeners of a run, fed by whichever way it runs. */
function listeners() {
  const message: ((m: IndexMessage) => void)[] = [];
  const failure: ((err: Error) => void)[] = [];
  return {
    message,
    failure,
    run: (rest: Pick<IndexRun, 'opened' | 'stop'>): IndexRun => ({
      onMessage: (f) => void message.push(f),
      onFailure: (f) => void failure.push(f),
      ...rest,
    }),
  };
}

/**
 * An indexing run in a worker thread: the reading and parsing garbage goes with its heap, which is
 * bounded (`limits`, node/threads.ts). A dataset too large for that heap is read again in a thread
 * without the limit (and the log says so): before its index is done, as if nothing had happened;
 * during the pass over every file, only the new thread's pass is passed on (the server has the index).
 */
function threadRun(script: string, job: IndexJob, limits: ResourceLimits, log: (m: string) => void): IndexRun {
  const l = listeners();
  /** Files opened in the editor since the run began: a thread started again is told them too. */
  const opened = new Set<string>();
  let worker: Worker;
  const start = (limited: boolean, indexed: boolean) => {
    // Whether the server has this run's index: a thread started again then keeps its index to itself.
    let done = indexed;
    const w = (worker = new Worker(script, { workerData: job, ...(limited ? { resourceLimits: limits } : {}) }));
    for (const file of opened) w.postMessage({ type: 'opened', file } satisfies IndexNotice);
    w.on('message', (m: IndexMessage) => {
      if (w !== worker || (indexed && (m.type === 'begin' || m.type === 'progress' || m.type === 'done'))) return;
      if (m.type === 'done') done = true;
      l.message.forEach((f) => f(m));
    });
    w.on('error', (err) => {
      if (w !== worker) return;
      if (limited && outOfMemory(err)) {
        log(`dataset ${job.root}: ${done ? 'the check of every file' : 'the index'} needed more than the ${limits.maxOldGenerationSizeMb} MB its thread may use; reading it again without that limit`);
        start(false, done);
        return;
      }
      l.failure.forEach((f) => f(err));
    });
    w.on('exit', (code) => w === worker && l.failure.forEach((f) => f(new Error(`the indexing thread exited (code ${code}) before it was done`))));
  };
  start(true, false);
  return l.run({
    opened: (file) => {
      opened.add(file);
      worker.postMessage({ type: 'opened', file } satisfies IndexNotice);
    },
    stop: () => {
      // Its exit is no failure.
      l.failure.length = 0;
      l.message.length = 0;
      void worker.terminate();
    },
  });
}

/** Running from the sources (no bundle beside this file): on this thread. */
function inThreadRun(job: IndexJob): IndexRun {
  const l = listeners();
  let stopped = false;
  const open = new Set(Object.keys(job.live));
  // (Started on the next turn, once the caller listens.)
  void Promise.resolve().then(() =>
    indexDataset(job, nodeIndexEnv({ ...job, gate: undefined }, () => stopped), (m) => !stopped && l.message.forEach((f) => f(m)), open).catch((err: unknown) => {
      if (!stopped) l.failure.forEach((f) => f(err instanceof Error ? err : new Error(String(err))));
    }),
  );
  return l.run({ opened: (file) => open.add(file), stop: () => void (stopped = true) });
}

export function nodeHost(): NodeHost {
  let cacheDir: string | undefined;
  let log: (message: string) => void = () => undefined;
  let indexLimits: ResourceLimits = DATASET_THREAD_LIMITS;
  /** Shared with every indexing thread: 1 while an edit waits for its check (they wait then). */
  const gate = new Int32Array(new SharedArrayBuffer(4));
  return {
    files: NODE_FILES,
    platform: `node ${process.version}`,
    nextTurn: () => new Promise((r) => setImmediate(r)),
    useStorage(dir) {
      cacheDir = dir && path.isAbsolute(dir) ? dir : undefined;
    },
    useLog(f) {
      log = f;
    },
    useIndexHeap(mb) {
      indexLimits = mb ? { ...DATASET_THREAD_LIMITS, maxOldGenerationSizeMb: mb } : DATASET_THREAD_LIMITS;
    },
    startIndexing(job) {
      const cacheFile = cacheDir ? path.join(cacheDir, `index-${createHash('sha1').update(job.root).digest('hex').slice(0, 16)}.json`) : undefined;
      const script = path.join(__dirname, 'server-index.js');
      return existsSync(script) ? threadRun(script, { ...job, cacheFile, gate }, indexLimits, log) : inThreadRun({ ...job, cacheFile });
    },
    setEditing(editing) {
      if ((Atomics.load(gate, 0) === 1) === editing) return;
      Atomics.store(gate, 0, editing ? 1 : 0);
      if (!editing) Atomics.notify(gate, 0);
    },
    overview(job: OverviewJob): OverviewRun {
      const script = path.join(__dirname, 'server-overview.js');
      if (!existsSync(script)) {
        // Running from the sources: on this thread.
        const t0 = performance.now();
        return { promise: overviewOf(DISK_ROWS, job).then((summary) => ({ summary, ms: performance.now() - t0 })), cancel: () => undefined };
      }
      let worker: Worker | undefined;
      let cancelled = false;
      // In a thread of bounded heap (node/threads.ts); a dataset too large for it, in one without the limit.
      const attempt = (limited: boolean) =>
        new Promise<OverviewResultOf>((resolve, reject) => {
          const w = (worker = new Worker(script, { workerData: job, ...(limited ? { resourceLimits: DATASET_THREAD_LIMITS } : {}) }));
          w.once('message', (m: OverviewMessage) => {
            void w.terminate();
            if (m.type === 'done') resolve({ summary: m.summary, ms: m.ms });
            else reject(new Error(m.message));
          });
          w.once('error', reject);
          w.once('exit', (code) => reject(new Error(`the overview thread stopped (code ${code})`)));
        });
      const promise = attempt(true).catch((err: unknown) => {
        if (!outOfMemory(err) || cancelled) throw err;
        log(`the overview of ${job.root} needed more than the ${DATASET_THREAD_LIMITS.maxOldGenerationSizeMb} MB its thread may use; reading it again without that limit`);
        return attempt(false);
      });
      return {
        promise,
        cancel: () => {
          cancelled = true;
          void worker?.terminate();
        },
      };
    },
  };
}
