/** A real JSON-RPC client for the built language server (dist/server.js over stdio). No sleeps: waits on notifications. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DatasetStatus, StatusReport } from '../../server/src/lsp/status-types';
import { type MessageConnection, StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

export const SERVER_JS = join(__dirname, '..', '..', 'dist', 'server.js');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Array<{
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity?: number;
    code?: string | number;
    codeDescription?: { href: string };
    source?: string;
    message: string;
    data?: unknown;
    relatedInformation?: Array<{
      location: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } };
      message: string;
    }>;
  }>;
}

export type { DatasetStatus, StatusReport };

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface Location {
  uri: string;
  range: Range;
}
export interface LspTextEdit {
  range: Range;
  newText: string;
}
export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: { kind: string; value: string } | string;
  textEdit?: LspTextEdit;
  insertTextFormat?: number;
}
export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: unknown[];
  edit?: { changes?: Record<string, LspTextEdit[]>; documentChanges?: unknown[] };
}
export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

/** Offset of a 0-based line/character (UTF-16) in a text. */
export function offsetAt(text: string, p: Position): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text[i++];
    if (c === '\n' || (c === '\r' && text[i] !== '\n')) line++;
  }
  return Math.min(text.length, i + p.character);
}

/** Applies LSP text edits to a text, as an editor does. */
export function applyLspEdits(text: string, edits: readonly LspTextEdit[]): string {
  const abs = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of abs) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The 0-based position of the first occurrence of `needle` (plus `delta` characters) in a text. */
export function positionOf(text: string, needle: string, delta = 0): Position {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`"${needle}" not found`);
  const before = text.slice(0, i + delta);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly diagnostics = new Map<string, PublishedDiagnostics>();
  /** Every publishDiagnostics received, in order. */
  readonly published: PublishedDiagnostics[] = [];
  /** Resolves with the exit code (or signal) when the server process exits. */
  readonly exited: Promise<number | string | null>;
  /** True once the JSON-RPC connection saw its stream close. */
  connectionClosed = false;
  readonly logs: string[] = [];
  private waiters: Array<() => void> = [];
  private versions = new Map<string, number>();
  /** What the server gets for `workspace/configuration` (section `haulcheck`); null = defaults. */
  settings: Record<string, unknown> | null = null;
  readonly texts = new Map<string, string>();
  /** Every `haulcheck/status` notification received, in order. */
  readonly statuses: StatusReport[] = [];
  /** What the server gets for `workspace/configuration` of any other section (yaml-language-server asks for `yaml`…). */
  sections: Record<string, unknown> = {};

  /** `env`: extra environment variables for the server (the test-only switches of server/src/lsp/guard.ts). */
  constructor(args: string[] = ['--stdio'], env: Record<string, string> = {}, script = SERVER_JS) {
    this.proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    this.exited = new Promise((resolve) => this.proc.once('exit', (code, signal) => resolve(code ?? signal)));
    this.proc.stderr!.on('data', (d) => this.logs.push(String(d)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      this.notify();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      this.notify();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((i) => (i.section === undefined || i.section === 'haulcheck' ? this.settings : (this.sections[i.section] ?? null))),
    );
    this.conn.onNotification('haulcheck/status', (p: StatusReport) => {
      this.statuses.push(p);
      this.notify();
    });
    this.conn.onClose(() => {
      this.connectionClosed = true;
      this.notify();
    });
    this.conn.listen();
  }

  /** An incremental change: replaces [start, end) (line/character) with `text`. */
  changeRange(uri: string, start: { line: number; character: number }, end: { line: number; character: number }, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start, end }, text }] });
    return v;
  }

  private notify() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `pred` holds, re-checked on every message from the server; rejects after `ms`. */
  async until<T>(pred: () => T | undefined | false, ms = 10000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; server log:\n${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** The latest `haulcheck/status` of the dataset at `root`. */
  statusOf(root: string): DatasetStatus | undefined {
    return this.statuses.at(-1)?.datasets.find((d) => d.root === root);
  }

  /** Waits until the dataset at `root` is indexed and every file not open is checked (needs `statusNotifications`). */
  ready(root: string, ms = 30000): Promise<DatasetStatus> {
    return this.until(() => {
      const s = this.statusOf(root);
      return s?.state === 'ready' ? s : undefined;
    }, ms, `dataset ${root} ready`);
  }

  /** Tells the server about files changed on disk (1 created, 2 changed, 3 deleted). */
  filesChanged(changes: { path: string; type: 1 | 2 | 3 }[]): void {
    void this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: pathToFileURL(c.path).href, type: c.type })) });
  }

  closeDocument(uri: string): void {
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** workspace/didChangeConfiguration with these settings (what a client without `workspace/configuration` sends). */
  configure(settings: Record<string, unknown>): void {
    void this.conn.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  async initialize(rootPath: string, capabilities: Record<string, unknown> = {}, initializationOptions?: Record<string, unknown>): Promise<unknown> {
    const rootUri = pathToFileURL(rootPath).href;
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'dataset' }],
      capabilities,
      initializationOptions,
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(path: string, text: string): string {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  change(uri: string, text: string): number {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    this.texts.set(uri, text);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  /** Waits for diagnostics of `uri` published for `version` (or any, when omitted). */
  diagnosticsFor(uri: string, version?: number, ms?: number): Promise<PublishedDiagnostics> {
    return this.until(() => {
      const d = this.diagnostics.get(uri);
      return d && (version === undefined || d.version === version) ? d : undefined;
    }, ms, `diagnostics for ${uri}${version ? ` v${version}` : ''}`);
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: { kind: string; value: string }; range?: unknown } | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  completion(uri: string, line: number, character: number): Promise<{ isIncomplete: boolean; items: CompletionItem[] } | null> {
    return this.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  codeActions(uri: string, range: Range, diagnostics: PublishedDiagnostics['diagnostics'], only?: string[]): Promise<CodeAction[] | null> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  definition(uri: string, line: number, character: number): Promise<Location | Location[] | null> {
    return this.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } });
  }

  references(uri: string, line: number, character: number, includeDeclaration = true): Promise<Location[] | null> {
    return this.conn.sendRequest('textDocument/references', { textDocument: { uri }, position: { line, character }, context: { includeDeclaration } });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | null> {
    return this.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  inlayHints(uri: string, range: Range): Promise<Array<{ position: Position; label: string; tooltip?: string }> | null> {
    return this.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.conn.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  async close(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // the server may already be gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 2000))]);
      if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    }
  }
}
