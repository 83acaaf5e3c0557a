// A minimal LSP client over stdio for the benchmarks (vscode-jsonrpc), and memory readings of a
// process from /proc.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';

/** VmRSS and VmHWM (peak) of a process in MB, from /proc; undefined where /proc is missing. */
export function memoryOf(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMB: kb('VmRSS') / 1024, peakMB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

export class Client {
  constructor(command, args, { configuration = () => null, onProgressEnd } = {}) {
    this.proc = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.proc.on('exit', () => this.wake());
    this.proc.stderr.on('data', (d) => {
      if (this.stderr.length < 20000) this.stderr += d;
    });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    /** uri → { count, version, diagnostics, at } of the latest publishDiagnostics. */
    this.diagnostics = new Map();
    this.waiters = [];
    this.published = 0;
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const old = this.diagnostics.get(p.uri);
      this.diagnostics.set(p.uri, { count: (old?.count ?? 0) + 1, version: p.version, diagnostics: p.diagnostics, at: performance.now() });
      this.published++;
      this.wake();
    });
    this.conn.onNotification('$/progress', (p) => {
      if (p.value?.kind === 'end') onProgressEnd?.(performance.now(), p);
      this.wake();
    });
    /** The latest `haulcheck/status` (when asked for with initializationOptions.statusNotifications). */
    this.status = undefined;
    this.conn.onNotification('haulcheck/status', (p) => {
      this.status = p;
      this.wake();
    });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onNotification('telemetry/event', () => {});
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((i) => configuration(i.section)));
    this.conn.onRequest('workspace/workspaceFolders', () => this.folders ?? null);
    this.conn.listen();
    this.versions = new Map();
  }

  wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `pred()` holds (re-checked on every message); rejects after `ms`. */
  async until(pred, ms, what) {
    const deadline = performance.now() + ms;
    for (;;) {
      const v = pred();
      if (v) return v;
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) throw new Error(`server exited (${this.proc.exitCode ?? this.proc.signalCode}) while waiting for ${what}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
      await new Promise((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async initialize(root, capabilities, initializationOptions) {
    const rootUri = pathToFileURL(root).href;
    this.folders = [{ uri: rootUri, name: 'dataset' }];
    const r = await this.conn.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: this.folders, capabilities, initializationOptions });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  open(path, text) {
    const uri = pathToFileURL(path).href;
    this.versions.set(uri, 1);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  }

  /** One incremental change: replaces text[start, end) (given as line/character) with `text`. */
  change(uri, range, text) {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range, text }] });
    return v;
  }

  /** Count of publishDiagnostics received for a uri so far. */
  countFor(uri) {
    return this.diagnostics.get(uri)?.count ?? 0;
  }

  async close() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      void this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), new Promise((r) => setTimeout(r, 3000))]);
    if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}

/** p-th percentile (0–100) of a list of numbers, nearest rank. */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
