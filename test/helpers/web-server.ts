/**
 * The language server's browser build (dist/browser-server.js) run as a browser would run it, in
 * Node: in a context of its own that has what a web worker has (postMessage, timers, MessageChannel,
 * TextEncoder, Web Crypto) and nothing of Node's (no process, require, setImmediate or Buffer), with
 * code generation from strings refused (`new Function` and `eval` throw, as under a content security
 * policy that forbids them). Its client answers the file-system port's requests from a folder on
 * disk under a virtual URI (`vscode-vfs://github/…`), as the extension's browser client answers them
 * with `vscode.workspace.fs` (client/src/fs-port.ts). No sleeps: waits on notifications.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { webcrypto } from 'node:crypto';
import { createContext, runInContext } from 'node:vm';
import { type MessageConnection, PortMessageReader, PortMessageWriter, ResponseError, createMessageConnection } from 'vscode-jsonrpc/node';
import { FILE_TYPE, FS_ERROR, READ_DIRECTORY_REQUEST, READ_FILE_REQUEST, STAT_REQUEST, type UriParams } from '../../server/src/lsp/fs-protocol';
import type { PublishedDiagnostics, StatusReport } from './lsp-client';

export const BROWSER_SERVER_JS = join(__dirname, '..', '..', 'dist', 'browser-server.js');

/** The virtual folder the files are served under. */
export const VFS_ROOT = 'vscode-vfs://github/haulcheck/dataset';

/** The file of a virtual URI in `dir`, or undefined when the URI is not under the virtual folder. */
function fileOf(dir: string, uri: string): string | undefined {
  if (uri === VFS_ROOT) return dir;
  if (!uri.startsWith(VFS_ROOT + '/')) return undefined;
  return join(dir, ...uri.slice(VFS_ROOT.length + 1).split('/').map(decodeURIComponent));
}

/** An fs error as the browser client sends it: VS Code's FileSystemError code in `data.code`. */
function fsError(err: unknown): ResponseError<{ code: string }> {
  const e = err as NodeJS.ErrnoException;
  const code = e.code === 'ENOENT' ? 'FileNotFound' : e.code === 'EISDIR' ? 'FileIsADirectory' : e.code === 'ENOTDIR' ? 'FileNotADirectory' : e.code === 'EACCES' ? 'NoPermissions' : 'Unknown';
  return new ResponseError(FS_ERROR, e.message ?? String(err), { code });
}

const typeOf = (p: string) => {
  const st = statSync(p);
  return st.isFile() ? FILE_TYPE.File : st.isDirectory() ? FILE_TYPE.Directory : FILE_TYPE.Unknown;
};

export class WebServer {
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  readonly statuses: StatusReport[] = [];
  readonly logs: string[] = [];
  /** `$/progress` values, in order. */
  readonly progress: { kind: string; title?: string; message?: string }[] = [];
  /** Requests of the file-system port, by method. */
  readonly requests = new Map<string, number>();
  /** Unexpected errors in the server's context. */
  readonly errors: string[] = [];
  private waiters: (() => void)[] = [];
  private readonly channels: MessagePort[] = [];
  private versions = new Map<string, number>();
  /** Runs code in the server's context (to see what it has). */
  readonly evaluate: (code: string) => unknown;

  constructor(readonly dir: string) {
    const { port1: clientEnd, port2: serverEnd } = new MessageChannel();
    this.channels.push(clientEnd, serverEnd);
    const channels = this.channels;
    /** The context's MessageChannel: Node's, its ports unref'd (they keep no test alive). */
    class WorkerMessageChannel {
      readonly port1: object;
      readonly port2: object;
      constructor() {
        const c = new MessageChannel();
        channels.push(c.port1, c.port2);
        const wrap = (port: MessagePort) => ({
          set onmessage(f: (e: { data: unknown }) => void) {
            port.on('message', (data) => f({ data }));
            port.unref();
          },
          postMessage: (m: unknown) => port.postMessage(m),
        });
        this.port1 = wrap(c.port1);
        this.port2 = wrap(c.port2);
      }
    }
    const scope: Record<string, unknown> = {
      console: { log: () => undefined, info: () => undefined, warn: (...a: unknown[]) => this.errors.push(a.join(' ')), error: (...a: unknown[]) => this.errors.push(a.join(' ')), debug: () => undefined },
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      structuredClone,
      performance,
      TextEncoder,
      TextDecoder,
      URL,
      crypto: webcrypto,
      MessageChannel: WorkerMessageChannel,
      postMessage: (m: unknown) => serverEnd.postMessage(m),
      addEventListener: (type: string) => {
        if (type !== 'error' && type !== 'unhandledrejection') throw new Error(`unexpected listener: ${type}`);
      },
    };
    scope.self = scope;
    serverEnd.on('message', (data) => (scope.onmessage as ((e: { data: unknown }) => void) | undefined)?.({ data }));
    const context = createContext(scope, { codeGeneration: { strings: false, wasm: false } });
    this.evaluate = (code) => runInContext(code, context);
    runInContext(readFileSync(BROWSER_SERVER_JS, 'utf8'), context, { filename: BROWSER_SERVER_JS });

    this.conn = createMessageConnection(new PortMessageReader(clientEnd), new PortMessageWriter(clientEnd));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.diagnostics.set(p.uri, p);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.conn.onNotification('haulcheck/status', (p: StatusReport) => {
      this.statuses.push(p);
      this.notify();
    });
    this.conn.onNotification('$/progress', (p: { value: { kind: string; title?: string; message?: string } }) => {
      this.progress.push(p.value);
      this.notify();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    // The file-system port, answered from `dir` as the browser client answers from vscode.workspace.fs.
    const counted = (method: string) => this.requests.set(method, (this.requests.get(method) ?? 0) + 1);
    this.conn.onRequest(READ_FILE_REQUEST, ({ uri }: UriParams) => {
      counted(READ_FILE_REQUEST);
      const file = fileOf(dir, uri);
      if (!file) return fsError(Object.assign(new Error(`${uri} is not in this workspace`), { code: 'ENOENT' }));
      try {
        if (statSync(file).isDirectory()) return fsError(Object.assign(new Error(`${uri} is a folder`), { code: 'EISDIR' }));
        return { text: new TextDecoder().decode(readFileSync(file)) };
      } catch (err) {
        return fsError(err);
      }
    });
    this.conn.onRequest(STAT_REQUEST, ({ uri }: UriParams) => {
      counted(STAT_REQUEST);
      const file = fileOf(dir, uri);
      try {
        return file ? { type: typeOf(file) } : null;
      } catch {
        return null;
      }
    });
    this.conn.onRequest(READ_DIRECTORY_REQUEST, ({ uri }: UriParams) => {
      counted(READ_DIRECTORY_REQUEST);
      const folder = fileOf(dir, uri);
      try {
        if (!folder) throw Object.assign(new Error(`${uri} is not in this workspace`), { code: 'ENOENT' });
        return { entries: readdirSync(folder).map((name) => [name, typeOf(join(folder, name))]) };
      } catch (err) {
        return fsError(err);
      }
    });
    this.conn.listen();
  }

  /** The virtual URI of a path relative to the folder. */
  uri(rel: string): string {
    return `${VFS_ROOT}/${rel.split('/').map(encodeURIComponent).join('/')}`;
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `pred` holds, re-checked on every message from the server; rejects after `ms`. */
  async until<T>(pred: () => T | undefined | false, ms = 20000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}\nerrors:\n${this.errors.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async initialize(): Promise<unknown> {
    const result = await this.conn.sendRequest('initialize', {
      processId: null,
      rootUri: VFS_ROOT,
      workspaceFolders: [{ uri: VFS_ROOT, name: 'dataset' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } } },
      },
      initializationOptions: { statusNotifications: true },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  /** Waits until the dataset is indexed and every file not open is checked. */
  ready(ms = 30000) {
    return this.until(() => {
      const s = this.statuses.at(-1)?.datasets.find((d) => d.uri === VFS_ROOT);
      return s?.state === 'ready' && s.files > 0 && s.checked === s.files ? s : undefined;
    }, ms, 'the dataset indexed and checked');
  }

  open(rel: string, text: string): string {
    const uri = this.uri(rel);
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  /** Tells the server about files changed on disk (1 created, 2 changed, 3 deleted), as the client's watcher does. */
  filesChanged(changes: { rel: string; type: 1 | 2 | 3 }[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: this.uri(c.rel), type: c.type })) });
  }

  diagnosticsFor(uri: string, version?: number): Promise<PublishedDiagnostics> {
    return this.until(() => {
      const d = this.diagnostics.get(uri);
      return d && (version === undefined || d.version === version) ? d : undefined;
    }, 20000, `diagnostics for ${uri}${version ? ` v${version}` : ''}`);
  }

  async close(): Promise<void> {
    await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
    this.conn.dispose();
    for (const p of this.channels) p.close();
  }
}
