/**
 * The language server's host in a browser (github.dev, vscode.dev, code-server's browser extension
 * host): a web worker with no file system, no threads and no process. The dataset is read through
 * the editor (port-files.ts over the client's file-system requests), files are named by their URIs
 * (uri-names.ts), and the indexing, the pass over every file and the overview run on the server's
 * own thread in short slices between its requests, the pass pausing while an edit waits for its
 * check. The facts of the last indexing of each dataset are kept in memory, so that a dataset read
 * again (its config or registries changed) parses only the files whose text changed.
 */
import type { Connection } from 'vscode-languageserver';
import type { RowsReader } from '../shell/rows';
import type { IndexRun, ServerHost } from './host';
import { type FactsEntries, type IndexEnv, type IndexJob, type IndexMessage, indexDataset } from './indexing';
import { overviewOf } from './overview-job';
import { type FilePort, clientPort, portFiles } from './port-files';
import { URI_NAMES } from './uri-names';

/** Longest stretch of indexing or checking on the server's thread before its messages are read. */
const SLICE_MS = 8;
/** Reads of a run in flight at once (each is a request to the editor). */
const READ_AHEAD = 32;

/** A turn of the event loop: a message to itself (a timer of 0 ms is 4 ms once nested). */
function turns(): () => Promise<void> {
  if (typeof MessageChannel !== 'function') return () => new Promise((r) => setTimeout(r, 0));
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((r) => {
      waiting.push(r);
      channel.port2.postMessage(0);
    });
}

/** A text's SHA-256 (Web Crypto), or undefined where it is not offered (not a secure context). */
function hasher(): ((text: string) => Promise<string>) | undefined {
  const subtle = (globalThis as { crypto?: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } } }).crypto?.subtle;
  if (!subtle) return undefined;
  const encoder = new TextEncoder();
  return async (text) => {
    const bytes = new Uint8Array(await subtle.digest('SHA-256', encoder.encode(text)));
    let hex = '';
    for (const b of bytes) hex += b.toString(16).padStart(2, '0');
    return hex;
  };
}

/** Reads of a list of files started ahead of their use, a window at a time. */
class ReadAhead {
  private readonly pending = new Map<string, Promise<string>>();
  private next = 0;

  constructor(
    private readonly files: readonly string[],
    private readonly read: (file: string) => Promise<string>,
  ) {
    this.fill();
  }

  private fill(): void {
    while (this.pending.size < READ_AHEAD && this.next < this.files.length) {
      const f = this.files[this.next++];
      const p = this.read(f);
      p.catch(() => undefined); // the failure is the taker's
      this.pending.set(f, p);
    }
  }

  take(file: string): Promise<string> {
    const p = this.pending.get(file);
    if (!p) return this.read(file);
    this.pending.delete(file);
    this.fill();
    return p;
  }
}

export function browserHost(connection: Connection, port: FilePort = clientPort(connection)): ServerHost {
  const files = portFiles(port, URI_NAMES);
  const nextTurn = turns();
  let editing = false;
  /** Runs waiting for the edits to be checked. */
  const paused: (() => void)[] = [];
  /** The facts of the last indexing of each dataset (by root). */
  const facts = new Map<string, FactsEntries>();
  const hash = hasher();

  function startIndexing(job: IndexJob): IndexRun {
    const message: ((m: IndexMessage) => void)[] = [];
    const failure: ((err: Error) => void)[] = [];
    const open = new Set(Object.keys(job.live));
    let stopped = false;
    let sliceStart = performance.now();
    let ahead: ReadAhead | undefined;
    const env: IndexEnv = {
      files,
      read: (file) => (ahead ? ahead.take(file) : files.readText(file)),
      readAhead: (list) => void (ahead = new ReadAhead(list, (f) => files.readText(f))),
      cache: hash && { load: () => facts.get(job.root) ?? {}, save: (entries) => void facts.set(job.root, entries), hash },
      pause: () => (editing ? new Promise<void>((r) => paused.push(r)) : undefined),
      nextTurn: async () => {
        await nextTurn();
        sliceStart = performance.now();
      },
      sliceOver: () => performance.now() - sliceStart > SLICE_MS,
      stopped: () => stopped,
    };
    // Started on the next turn, once the caller listens.
    void nextTurn()
      .then(() => indexDataset(job, env, (m) => !stopped && message.forEach((f) => f(m)), open))
      .catch((err: unknown) => {
        if (!stopped) failure.forEach((f) => f(err instanceof Error ? err : new Error(String(err))));
      });
    return {
      onMessage: (f) => void message.push(f),
      onFailure: (f) => void failure.push(f),
      opened: (file) => void open.add(file),
      stop: () => void (stopped = true),
    };
  }

  const rows: RowsReader = {
    load: (root, overrides, live) => files.load(root, live, overrides),
    list: async (ds) => (await files.list(ds)).files,
    read: (file) => files.readText(file),
    kindOf: files.kindOf,
    relative: URI_NAMES.relative,
  };

  return {
    files,
    platform: 'a web worker',
    nextTurn,
    // A timer's turn (other files' debounces), then a message's (the client's requests).
    sliceTurn: async () => {
      await new Promise((r) => setTimeout(r, 0));
      await nextTurn();
    },
    startIndexing,
    setEditing(value) {
      editing = value;
      if (!value) for (const r of paused.splice(0)) r();
    },
    overview(job) {
      const t0 = performance.now();
      return { promise: overviewOf(rows, job).then((summary) => ({ summary, ms: performance.now() - t0 })), cancel: () => undefined };
    },
  };
}
