/**
 * `haulcheck/overview`: the dataset summed up for the editor's overview (a webview of the extension).
 * The work — read every file (open editors' texts first), check each event, sum up — runs off the
 * server's requests (overview-job.ts: in a thread of its own in Node, dist/server-overview.js), so
 * the server keeps answering while it runs; a newer request for the same dataset supersedes an
 * older one still running.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DatasetSummary } from '../core';
import type { ServerHost } from './host';

export const OVERVIEW_REQUEST = 'haulcheck/overview';

export interface OverviewParams {
  /** A file or folder of the dataset (the active editor's file); else the first workspace folder with one. */
  uri?: string;
}

export interface OverviewResult {
  /** The dataset's root (an absolute path, or a URI where the files are the editor's); the summary's file paths are relative to it. */
  root: string;
  /** The root's URI. */
  rootUri: string;
  summary: DatasetSummary;
  ms: number;
}

export function registerOverview(connection: Connection, documents: TextDocuments<TextDocument>, workspaceFolders: () => string[], log: (m: string) => void, host: ServerHost): void {
  const { files } = host;
  const running = new Map<string, () => void>();
  /** The dataset of a file or folder (a file's own folder is looked at first: it holds no haulcheck.yaml of its own). */
  const rootOf = async (p: string | undefined) => (p ? files.findRoot(p) : undefined);
  connection.onRequest(OVERVIEW_REQUEST, async (params: OverviewParams | undefined): Promise<OverviewResult | null> => {
    let root = await rootOf(params?.uri ? files.names.ofUri(params.uri) : undefined);
    for (const folder of workspaceFolders()) root ??= await rootOf(folder);
    if (!root) return null;
    running.get(root)?.();
    const live: Record<string, string> = {};
    for (const d of documents.all()) {
      const p = files.names.ofUri(d.uri);
      if (p) live[p] = d.getText();
    }
    const job = host.overview({ root, live });
    running.set(root, job.cancel);
    try {
      const { summary, ms } = await job.promise;
      log(`overview of ${root}: ${summary.headline.events} events in ${ms.toFixed(0)} ms`);
      return { root, rootUri: files.names.uri(root), summary, ms };
    } finally {
      if (running.get(root) === job.cancel) running.delete(root);
    }
  });
}
