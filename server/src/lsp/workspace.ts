/**
 * The language server's view of the datasets in the workspace: per dataset root, its config and
 * registries and an incremental index of every event file. Open documents feed the index from
 * their current text; closed files from the host's files (disk, or the editor's in a browser).
 */
import { DatasetIndex, type ParsedFile, extractFacts, parseFile, resolveConfig } from '../core';
import type { LoadedDataset } from '../shell/dataset';
import type { IndexRun, ServerHost } from './host';
import type { IndexJob, IndexMessage } from './indexing';

export interface DatasetState {
  root: string;
  dataset: LoadedDataset;
  index: DatasetIndex;
  /** Files whose facts come from an open editor rather than from disk. */
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

export class Workspace {
  private readonly states = new Map<string, Promise<DatasetState>>();
  /** The datasets loaded so far, by root (the latest load of each). */
  private readonly ready = new Map<string, DatasetState>();
  /** Indexing runs still checking every file after their index was done, by root. */
  private readonly passes = new Map<string, IndexRun>();
  private pass: IndexPass | undefined;
  /** Invalidations of each root so far: a load that one overtook does not start its pass. */
  private readonly generations = new Map<string, number>();
  /** The indexing runs going on. */
  private readonly runs = new Set<IndexRun>();

  constructor(
    private readonly host: ServerHost,
    private readonly log: (m: string) => void,
    private readonly liveText: (file: string) => string | undefined,
    /** The texts of the open editors, by file (they win over the files on disk). */
    private readonly openTexts: () => Iterable<[string, string]> = () => [],
  ) {}

  /** `file` relative to the dataset root, '/'-separated (how the index and the rules name it). */
  rel(root: string, file: string): string {
    return this.host.files.names.relative(root, file);
  }

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

  /** Tells the indexing runs that an edit waits for its check (they pause) or that none does. */
  setEditing(editing: boolean): void {
    this.host.setEditing(editing);
  }

  /** Tells the indexing runs that a file is open in the editor: their pass leaves it to the editor. */
  fileOpened(file: string): void {
    for (const r of this.runs) r.opened(file);
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
      const run = this.passes.get(r);
      if (run) {
        this.passes.delete(r);
        this.stopRun(run);
        this.pass?.stopped(r);
      }
    }
  }

  private stopRun(run: IndexRun): void {
    this.runs.delete(run);
    run.stop();
  }

  private async load(root: string, progress?: IndexProgress): Promise<DatasetState> {
    const t0 = performance.now();
    const { files } = this.host;
    const dataset = await files.load(root, this.liveText);
    // What could not be read is said in the output channel; the server goes on with what it has.
    for (const p of dataset.problems) this.log(`dataset ${root}: ${p}; it is not used`);
    const index = new DatasetIndex();
    const live: Record<string, string> = {};
    for (const [f, text] of this.openTexts()) live[f] = text;
    let reuse = '';
    const generation = this.generations.get(root) ?? 0;
    const check = await this.pass?.job(root);
    const onMessage = (m: IndexMessage) => {
      if (m.type === 'begin') progress?.begin(`Indexing ${files.names.basename(root)}`, m.total);
      else if (m.type === 'progress') progress?.report(m.done, m.total);
      else if (m.type === 'done') {
        for (const [rel, facts] of m.facts) index.set(rel, facts);
        for (const p of m.problems) this.log(`dataset ${root}: ${p}`);
        if (m.cached) reuse = ` (${m.cached} from the cache, ${m.parsed} read)`;
      } else if (m.type === 'error') throw new Error(m.message);
      else this.pass?.message(root, m);
    };
    // Off the server's requests (a worker thread in Node, slices of this thread in a browser).
    await new Promise<void>((resolve, reject) => {
      const run = this.host.startIndexing({ root, live, check } satisfies IndexJob);
      this.runs.add(run);
      let indexed = false;
      run.onMessage((m) => {
        // A pass overtaken by a newer one (invalidate) is not listened to any more.
        if (indexed && this.passes.get(root) !== run) return;
        try {
          onMessage(m);
        } catch (err) {
          if (!indexed) reject(err);
          else this.failed(root, run, err);
          return;
        }
        if (m.type === 'done') {
          indexed = true;
          resolve();
          if (check && (this.generations.get(root) ?? 0) === generation) this.passes.set(root, run);
          else this.stopRun(run);
        }
        if (m.type === 'checked') {
          this.passes.delete(root);
          this.stopRun(run);
        }
      });
      run.onFailure((err) => {
        this.runs.delete(run);
        if (!indexed) reject(err);
        else this.failed(root, run, err);
      });
    });
    const ms = performance.now() - t0;
    progress?.done(`${index.size} events indexed in ${ms.toFixed(0)} ms${reuse}`);
    this.log(
      `dataset ${root}: ${dataset.hasConfig ? 'haulcheck.yaml' : 'defaults'}, ${dataset.context.registries?.drugs.size ?? 0} drugs, ${dataset.context.registries?.agencies.size ?? 0} agencies, ${index.size} events indexed in ${ms.toFixed(0)} ms${reuse}`,
    );
    return { root, dataset, index, open: new Set() };
  }

  /** A run failed after its index was done: its pass, if it is still the dataset's, stops. */
  private failed(root: string, run: IndexRun, err: unknown): void {
    if (this.passes.get(root) !== run) return;
    this.passes.delete(root);
    this.stopRun(run);
    this.log(`the check of every file of ${root} failed: ${err instanceof Error ? err.message : String(err)}`);
    this.pass?.stopped(root);
  }

  /** Updates the index with a document's facts; returns true when the facts changed. */
  update(st: DatasetState, file: string, parsed: ParsedFile): boolean {
    const rel = this.rel(st.root, file);
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
    const rel = this.rel(st.root, file);
    let text: string | undefined;
    try {
      text = await this.host.files.readText(file);
    } catch {
      text = undefined;
    }
    if (text === undefined || this.host.files.kindOf(st.dataset, file, text) !== 'event') {
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
