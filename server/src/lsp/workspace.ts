/**
 * The language server's view of the datasets in the workspace: per dataset root, its config and
 * registries and an incremental index of every event file. Open documents feed the index from
 * their current text; closed files from disk.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DatasetIndex, type ParsedFile, extractFacts, parseFile, resolveConfig } from '../core';
import { type LoadedDataset, kindOf, listDatasetFiles, loadDataset, readText, readTextSync } from '../node/dataset';

export interface DatasetState {
  root: string;
  dataset: LoadedDataset;
  index: DatasetIndex;
  /** Files (absolute) whose facts come from an open editor rather than from disk. */
  open: Set<string>;
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

  constructor(
    private readonly log: (m: string) => void,
    private readonly liveText: (file: string) => string | undefined,
  ) {}

  /** Loads (once) and indexes a dataset, yielding to the event loop now and then so requests are served. */
  get(root: string, progress?: IndexProgress): Promise<DatasetState> {
    let st = this.states.get(root);
    if (!st) {
      st = this.load(root, progress);
      this.states.set(root, st);
      st.catch((e) => {
        this.log(`dataset ${root} failed to load: ${e instanceof Error ? e.message : String(e)}`);
        this.states.delete(root);
      });
    }
    return st;
  }

  roots(): string[] {
    return [...this.states.keys()];
  }

  /** Forgets a dataset (its config or registries changed); it is re-read on next use. */
  invalidate(root?: string): void {
    if (root) this.states.delete(root);
    else this.states.clear();
  }

  private async load(root: string, progress?: IndexProgress): Promise<DatasetState> {
    const t0 = performance.now();
    const dataset = await loadDataset(root, undefined, this.liveText);
    const index = new DatasetIndex();
    const files = await listDatasetFiles(dataset);
    const events = files.filter((f) => /\.ya?ml$/.test(f));
    progress?.begin(`Indexing ${path.basename(root)}`, events.length);
    // Reads run ahead of parsing (a window of concurrent reads), parsing runs on this thread;
    // the event loop gets a turn every batch so that requests are served while indexing.
    // Batches of synchronous reads (ten times faster than promises for small files) and parses;
    // the event loop gets a turn between batches so that requests are served while indexing.
    const BATCH = 200;
    const read = (f: string) => {
      try {
        return this.liveText(f) ?? readTextSync(f);
      } catch {
        return undefined;
      }
    };
    for (let i = 0; i < events.length; i += BATCH) {
      for (const f of events.slice(i, i + BATCH)) {
        const text = read(f);
        if (text === undefined || kindOf(dataset, f, text, false) !== 'event') continue;
        const rel = relPath(root, f);
        index.set(rel, extractFacts(rel, parseFile(text, undefined, { trees: 'lazy' })));
      }
      progress?.report(Math.min(i + BATCH, events.length), events.length);
      await new Promise((r) => setImmediate(r));
    }
    const ms = performance.now() - t0;
    progress?.done(`${index.size} events indexed in ${ms.toFixed(0)} ms`);
    this.log(
      `dataset ${root}: ${dataset.hasConfig ? 'haulcheck.yaml' : 'defaults'}, ${dataset.context.registries?.drugs.size ?? 0} drugs, ${dataset.context.registries?.agencies.size ?? 0} agencies, ${index.size} events indexed in ${ms.toFixed(0)} ms`,
    );
    return { root, dataset, index, open: new Set() };
  }

  /** Updates the index with a document's facts; returns true when the facts changed. */
  update(st: DatasetState, file: string, parsed: ParsedFile): boolean {
    const rel = relPath(st.root, file);
    const facts = extractFacts(rel, parsed);
    const old = st.index.get(rel);
    // Unchanged documents keep their facts objects (see extractFacts): compare references first.
    if (old && old.length === facts.length && facts.every((f, i) => f === old[i] || JSON.stringify(f) === JSON.stringify(old[i]))) return false;
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
    if (text === undefined || kindOf(st.dataset, file, text, false) !== 'event') {
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
