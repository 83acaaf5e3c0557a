/**
 * `haulcheck/overview`: the dataset summed up for the editor's overview (a webview of the extension).
 * The work — read every file (open editors' texts first), check each event, sum up — runs in a
 * thread of its own (dist/server-overview.js), so the server keeps answering while it runs; a newer
 * request for the same dataset supersedes an older one still running.
 */
import * as path from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DatasetSummary } from '../core';
import { findDatasetRoot } from '../node/dataset';
import { type OverviewJob, type OverviewMessage, overviewOf } from './overview-worker';

export const OVERVIEW_REQUEST = 'haulcheck/overview';

export interface OverviewParams {
  /** A file or folder of the dataset (the active editor's file); else the first workspace folder with one. */
  uri?: string;
}

export interface OverviewResult {
  /** The dataset's root (absolute); the summary's file paths are relative to it. */
  root: string;
  summary: DatasetSummary;
  ms: number;
}

function fsPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

function rootOf(p: string | undefined): string | undefined {
  if (!p) return undefined;
  try {
    return findDatasetRoot(statSync(p).isDirectory() ? p : path.dirname(p));
  } catch {
    return undefined;
  }
}

function run(job: OverviewJob): { promise: Promise<{ summary: DatasetSummary; ms: number }>; cancel: () => void } {
  const script = path.join(__dirname, 'server-overview.js');
  if (!existsSync(script)) {
    // Running from the sources: on this thread.
    const t0 = performance.now();
    return { promise: overviewOf(job).then((summary) => ({ summary, ms: performance.now() - t0 })), cancel: () => undefined };
  }
  const worker = new Worker(script, { workerData: job });
  const promise = new Promise<{ summary: DatasetSummary; ms: number }>((resolve, reject) => {
    worker.once('message', (m: OverviewMessage) => {
      void worker.terminate();
      if (m.type === 'done') resolve({ summary: m.summary, ms: m.ms });
      else reject(new Error(m.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the overview thread stopped (code ${code})`)));
  });
  return { promise, cancel: () => void worker.terminate() };
}

export function registerOverview(connection: Connection, documents: TextDocuments<TextDocument>, workspaceFolders: () => string[], log: (m: string) => void): void {
  const running = new Map<string, () => void>();
  connection.onRequest(OVERVIEW_REQUEST, async (params: OverviewParams | undefined): Promise<OverviewResult | null> => {
    const root = rootOf(params?.uri ? fsPath(params.uri) : undefined) ?? workspaceFolders().map(rootOf).find((r) => r);
    if (!root) return null;
    running.get(root)?.();
    const live: Record<string, string> = {};
    for (const d of documents.all()) {
      const p = fsPath(d.uri);
      if (p) live[p] = d.getText();
    }
    const job = run({ root, live });
    running.set(root, job.cancel);
    try {
      const { summary, ms } = await job.promise;
      log(`overview of ${root}: ${summary.headline.events} events in ${ms.toFixed(0)} ms`);
      return { root, summary, ms };
    } finally {
      if (running.get(root) === job.cancel) running.delete(root);
    }
  });
}
