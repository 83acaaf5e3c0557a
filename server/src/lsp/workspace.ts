/**
 * The language server's view of the datasets in the workspace: per dataset root, its config and
 * registries and an incremental index of every event file. Open documents feed the index from
 * their current text; closed files from disk.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { DatasetIndex, type ParsedFile, extractFacts, parseFile, resolveConfig } from '../core';
import { type IndexJob, type IndexMessage, type IndexNotice, indexDataset } from './index-worker';
import { type LoadedDataset, kindOf, loadDataset, readText } from '../node/dataset';

export interface DatasetState {
  root: string;
  dataset: LoadedDataset;
  index: DatasetIndex;
  /** Files (absolute) whose facts come from an open editor rather than from disk. */
  open: Set<string>;
}

/**
 * The pass over every file that the indexing thread makes once the index is complete (the problems
 * of the files that are not open, lsp/problems.ts).
 */
export interface IndexPass {
  /** What to check (undefined: nothing), asked before each indexing. */
  job(root: string): Promise<IndexJob['check']>;
  /** The pass's messages (`checking`, `problems`, `checked`), after `done`. */
  message(root: string, m: IndexMessage): void;
  /** The pass stopped before it was done (the dataset is read again, or the thread failed). */
  stopped(root: string): void;
}

export interface IndexProgress {
  begin(title: string, total: number): void;
  report(done: number, total: number): void;
  done(message: string): void;
}

export function relPath(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

export class Workspace {
  private readonly states = new Map<string, Promise<DatasetState>>();
  /** The datasets loaded so far, by root (the latest load of each). */
  private readonly ready = new Map<string, DatasetState>();
  /** Indexing threads still checking every file after their index was done, by root. */
  private readonly passes = new Map<string, Worker>();
  private pass: IndexPass | undefined;
  /** Invalidations of each root so far: a load that one overtook does not start its pass. */
  private readonly generations = new Map<string, number>();
  /** The indexing threads running. */
  private readonly threads = new Set<Worker>();
  /** Shared with every indexing thread: 1 while an edit waits for its check (they wait then). */
  private readonly gate = new Int32Array(new SharedArrayBuffer(4));

  constructor(
    private readonly log: (m: string) => void,
    private readonly liveText: (file: string) => string | undefined,
    /** The texts of the open editors, by absolute path (they win over the files on disk). */
    private readonly openTexts: () => Iterable<[string, string]> = () => [],
    /** Where the facts of the last start are kept (the editor's storage for the extension), if anywhere. */
    private readonly cacheDir: () => string | undefined = () => undefined,
  ) {}

  /** Loads (once) and indexes a dataset, yielding to the event loop now and then so requests are served. */
  get(root: string, progress?: IndexProgress): Promise<DatasetState> {
    let st = this.states.get(root);
    if (!st) {
      const loading = (st = this.load(root, progress));
      this.states.set(root, st);
      st.then(
        (ds) => {
          // A load that an invalidation overtook is not the dataset any more.
          if (this.states.get(root) !== loading) return;
          this.ready.set(root, ds);
        },
        (e) => {
          this.log(`dataset ${root} failed to load: ${e instanceof Error ? e.message : String(e)}`);
          if (this.states.get(root) === loading) {
            this.states.delete(root);
            this.pass?.stopped(root);
          }
        },
      );
    }
    return st;
  }

  /** The dataset at `root` if it is loaded and current (not being re-read after an invalidation). */
  loaded(root: string): DatasetState | undefined {
    return this.states.has(root) ? this.ready.get(root) : undefined;
  }

  /** Tells the indexing threads that an edit waits for its check (they pause) or that none does. */
  setEditing(editing: boolean): void {
    if ((Atomics.load(this.gate, 0) === 1) === editing) return;
    Atomics.store(this.gate, 0, editing ? 1 : 0);
    if (!editing) Atomics.notify(this.gate, 0);
  }

  /** Tells the indexing threads that a file is open in the editor: their pass leaves it to the editor. */
  fileOpened(file: string): void {
    for (const w of this.threads) w.postMessage({ type: 'opened', file } satisfies IndexNotice);
  }

  /** Has each indexing thread, once its index is done, check every file (see IndexPass). */
  setPass(pass: IndexPass): void {
    this.pass = pass;
  }

  roots(): string[] {
    return [...this.states.keys()];
  }

  /** Forgets a dataset (its config or registries changed); it is re-read on next use. */
  invalidate(root?: string): void {
    for (const r of root ? [root] : [...this.states.keys()]) {
      this.generations.set(r, (this.generations.get(r) ?? 0) + 1);
      this.states.delete(r);
      this.ready.delete(r);
      // A pass over the old dataset says nothing about the new one.
      const w = this.passes.get(r);
      if (w) {
        this.passes.delete(r);
        void w.terminate();
        this.pass?.stopped(r);
      }
    }
  }

  private async load(root: string, progress?: IndexProgress): Promise<DatasetState> {
    const t0 = performance.now();
    const dataset = await loadDataset(root, undefined, this.liveText);
    // What could not be read is said in the output channel; the server goes on with what it has.
    for (const p of dataset.problems) this.log(`dataset ${root}: ${p}; it is not used`);
    const index = new DatasetIndex();
    const live: Record<string, string> = {};
    for (const [f, text] of this.openTexts()) live[f] = text;
    let reuse = '';
    const generation = this.generations.get(root) ?? 0;
    const check = await this.pass?.job(root);
    const onMessage = (m: IndexMessage) => {
      if (m.type === 'begin') progress?.begin(`Indexing ${path.basename(root)}`, m.total);
      else if (m.type === 'progress') progress?.report(m.done, m.total);
      else if (m.type === 'done') {
        for (const [rel, facts] of m.facts) index.set(rel, facts);
        for (const p of m.problems) this.log(`dataset ${root}: ${p}`);
        if (m.cached) reuse = ` (${m.cached} from the cache, ${m.parsed} read)`;
      } else if (m.type === 'error') throw new Error(m.message);
      else this.pass?.message(root, m);
    };
    const dir = this.cacheDir();
    const cacheFile = dir ? path.join(dir, `index-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`) : undefined;
    const script = path.join(__dirname, 'server-index.js');
    if (existsSync(script)) {
      // In a worker thread: the reading and parsing garbage goes with its heap.
      await new Promise<void>((resolve, reject) => {
        const worker = new Worker(script, { workerData: { root, live, cacheFile, check, gate: this.gate } satisfies IndexJob });
        this.threads.add(worker);
        worker.once('exit', () => this.threads.delete(worker));
        let indexed = false;
        worker.on('message', (m: IndexMessage) => {
          // A pass overtaken by a newer one (invalidate) is not listened to any more.
          if (indexed && this.passes.get(root) !== worker) return;
          try {
            onMessage(m);
          } catch (err) {
            reject(err);
          }
          if (m.type === 'done') {
            indexed = true;
            resolve();
            if (check && (this.generations.get(root) ?? 0) === generation) this.passes.set(root, worker);
            else void worker.terminate();
          }
          if (m.type === 'checked') {
            this.passes.delete(root);
            void worker.terminate();
          }
        });
        worker.on('error', (err) => {
          if (!indexed) reject(err);
          else if (this.passes.get(root) === worker) {
            this.passes.delete(root);
            this.log(`the check of every file of ${root} failed: ${err.message}`);
            this.pass?.stopped(root);
          }
        });
        // (After `done` the promise is settled and the exit of the terminated thread changes nothing.)
        worker.on('exit', (code) => reject(new Error(`the indexing thread exited (code ${code}) before it was done`)));
      });
    } else {
      // Running from the sources (no bundle beside this file): on this thread, the index first.
      await new Promise<void>((resolve, reject) => {
        indexDataset({ root, live, cacheFile, check }, (m) => {
          onMessage(m);
          if (m.type === 'done') resolve();
        }).then(resolve, (err: unknown) => {
          reject(err);
          this.pass?.stopped(root);
        });
      });
    }
    const ms = performance.now() - t0;
    progress?.done(`${index.size} events indexed in ${ms.toFixed(0)} ms${reuse}`);
    this.log(
      `dataset ${root}: ${dataset.hasConfig ? 'haulcheck.yaml' : 'defaults'}, ${dataset.context.registries?.drugs.size ?? 0} drugs, ${dataset.context.registries?.agencies.size ?? 0} agencies, ${index.size} events indexed in ${ms.toFixed(0)} ms${reuse}`,
    );
    return { root, dataset, index, open: new Set() };
  }

  /** Updates the index with a document's facts; returns true when the facts changed. */
  update(st: DatasetState, file: string, parsed: ParsedFile): boolean {
    const rel = relPath(st.root, file);
    const facts = extractFacts(rel, parsed);
    const old = st.index.get(rel);
    // Unchanged documents keep their facts objects (see extractFacts): compare references first.
    if (old && old.length === facts.length) {
      if (facts.every((f, i) => f === old[i])) return false;
      if (facts.every((f, i) => f === old[i] || JSON.stringify(f) === JSON.stringify(old[i]))) {
        st.index.adopt(rel, facts);
        return false;
      }
    }
    st.index.set(rel, facts);
    return true;
  }

  /** Re-reads a file from disk into the index (closed in the editor, or changed outside it). */
  async refreshFromDisk(st: DatasetState, file: string): Promise<boolean> {
    const rel = relPath(st.root, file);
    let text: string | undefined;
    try {
      text = await readText(file);
    } catch {
      text = undefined;
    }
    if (text === undefined || kindOf(st.dataset, file, text) !== 'event') {
      if (!st.index.has(rel)) return false;
      st.index.delete(rel);
      return true;
    }
    return this.update(st, file, parseFile(text));
  }

  /** The dataset's config with editor setting overrides applied. */
  configFor(st: DatasetState, ruleOverrides: Record<string, unknown>) {
    if (Object.keys(ruleOverrides).length === 0) return st.dataset.config;
    return resolveConfig(st.dataset.rawConfig, ruleOverrides);
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
