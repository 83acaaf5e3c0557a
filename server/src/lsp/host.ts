/**
 * What the language server needs of the place it runs in, so that the same server runs in Node
 * (desktop VS Code and every other LSP client: node-host.ts, files on disk, worker threads, the facts
 * cache in the editor's storage) and in a browser's web worker (github.dev, vscode.dev:
 * browser-host.ts, the dataset read through the editor over custom requests, one thread, the facts
 * cache in memory). The server's own modules import no Node API; each host brings its own.
 */
import type { FileKind } from '../core';
import type { Listing, LoadedDataset } from '../shell/dataset';
import type { IndexJob, IndexMessage } from './indexing';
import type { OverviewJob, OverviewResultOf } from './overview-job';

/**
 * How the server names files and moves between them. In Node a file is its absolute path (as the
 * CLI names it); in the browser it is its URI (`vscode-vfs://github/…`, `vscode-remote://…`).
 */
export interface FileNames {
  /** The file a document URI names, or undefined when this host cannot read it (Node: not a file: URI). */
  ofUri(uri: string): string | undefined;
  /** The URI the client knows a file by. */
  uri(file: string): string;
  dirname(file: string): string;
  basename(file: string): string;
  /** A '/'-separated path (relative to `dir`) resolved against the folder `dir`. */
  resolve(dir: string, rel: string): string;
  /** `file` relative to the folder `root`, '/'-separated ('..' where it leaves `root`). */
  relative(root: string, file: string): string;
  /** Whether `file` is inside the folder `root` (and not `root` itself). */
  inside(root: string, file: string): boolean;
}

/** The dataset on the host's file system: found, loaded, listed and read. */
export interface DatasetFiles {
  names: FileNames;
  /** The nearest folder at or above the folder `dir` holding a haulcheck.yaml. */
  findRoot(dir: string): Promise<string | undefined>;
  /** The dataset's config and registries; `live` gives the editor's unsaved texts. */
  load(root: string, live?: (file: string) => string | undefined): Promise<LoadedDataset>;
  /** Every file of the dataset, and what could not be read where files are expected. */
  list(ds: LoadedDataset): Promise<Listing>;
  /** What a file is to its dataset (by the config's globs, then its modeline); undefined: not a dataset file. */
  kindOf(ds: LoadedDataset, file: string, text: string): FileKind | undefined;
  /** A file's text (UTF-8, a leading byte-order mark dropped); throws when it cannot be read. */
  readText(file: string): Promise<string>;
  /**
   * The same without a promise, where the host can (Node: for the many small files of batch work, a
   * blocking read is about ten times faster than a promise). Absent: every read is asynchronous.
   */
  readTextNow?(file: string): string;
  exists(file: string): Promise<boolean>;
  /** Why a file could not be read, as a clause after its name: "is a FIFO (named pipe), not a file". */
  unreadable(err: unknown): string;
  /** Whether a read failed because the file is not there. */
  isMissing(err: unknown): boolean;
  /** A file was created, changed or deleted outside the editor: what the host remembers of it goes. */
  changed?(file: string): void;
}

/** An indexing run (indexing.ts) of one dataset: its index, then its pass over every file when asked. */
export interface IndexRun {
  /** Messages, in order: `begin`, `progress`…, `done`, then the pass's. */
  onMessage(listener: (m: IndexMessage) => void): void;
  /** The run failed (before or after `done`). */
  onFailure(listener: (err: Error) => void): void;
  /** A file was opened in the editor: the pass leaves it to the editor. */
  opened(file: string): void;
  /** Stops the run (its messages stop). */
  stop(): void;
}

/** A dataset overview being made (overview-job.ts). */
export interface OverviewRun {
  promise: Promise<OverviewResultOf>;
  cancel(): void;
}

export interface ServerHost {
  files: DatasetFiles;
  /** What the server runs on, for its log ("node v20.19.0", "a web worker"). */
  platform: string;
  /** Resolves once input that arrived meanwhile has been read (a turn of the event loop). */
  nextTurn(): Promise<void>;
  /**
   * The turn between slices of a long parse or check (large.ts), when the host has its own: timers
   * (other files' debounces) and messages both get their turn. Absent: large.ts's, for Node.
   */
  sliceTurn?(): Promise<void>;
  /**
   * Indexes a dataset (and passes over it when `job.check`), off the server's requests: in a
   * worker thread in Node, in slices between them in a browser.
   */
  startIndexing(job: IndexJob): IndexRun;
  /** Whether an edit waits for its check: indexing runs pause their pass meanwhile. */
  setEditing(editing: boolean): void;
  /** Makes a dataset's overview (the report's summary) off the server's requests. */
  overview(job: OverviewJob): OverviewRun;
}
