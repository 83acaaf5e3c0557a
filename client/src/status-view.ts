/**
 * What the language status items say: the dataset of the active file (its root, events indexed,
 * problems, indexing or checking under way) from the server's `haulcheck/status`, and the server's
 * own state. Kept free of `vscode` imports so that it can be tested in Node.
 */

import type { DatasetStatus, StatusReport } from '../../server/src/lsp/status-types';

export type { DatasetStatus, StatusReport };

export interface ItemView {
  text: string;
  detail: string;
  busy: boolean;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The dataset a file belongs to: the deepest root that holds it. */
export function datasetOf(file: string, datasets: readonly DatasetStatus[], sep = '/'): DatasetStatus | undefined {
  let best: DatasetStatus | undefined;
  for (const d of datasets) {
    const root = d.root.endsWith(sep) ? d.root : d.root + sep;
    if (file.startsWith(root) && (!best || d.root.length > best.root.length)) best = d;
  }
  return best;
}

/** "3 errors, 12 warnings", "no problems". */
export function problemsText(d: Pick<DatasetStatus, 'errors' | 'warnings' | 'infos'>): string {
  const parts = [d.errors && count(d.errors, 'error'), d.warnings && count(d.warnings, 'warning'), d.infos && count(d.infos, 'info')].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no problems';
}

/** The dataset item: what it is doing, how many events, how many problems; the root in the detail. */
export function datasetView(d: DatasetStatus, rootLabel: string): ItemView {
  const scope = d.workspaceProblems ? 'problems of every file' : 'problems of the open files';
  const detail = `Dataset ${rootLabel} — ${scope}`;
  if (d.state === 'indexing') {
    const progress = d.total ? ` ${(d.indexed ?? 0).toLocaleString('en-US')}/${d.total.toLocaleString('en-US')} files` : '';
    return { text: `Indexing${progress}`, detail, busy: true };
  }
  const events = count(d.events, 'event');
  if (d.state === 'checking') {
    const progress = d.files && d.checked < d.files ? ` ${d.checked.toLocaleString('en-US')}/${d.files.toLocaleString('en-US')} files` : '';
    return { text: `${events} · checking${progress}`, detail, busy: true };
  }
  return { text: `${events} · ${problemsText(d)}`, detail, busy: false };
}

export type ServerState = 'starting' | 'running' | 'stopped' | 'disabled';

/** The server item: its state and the one thing to do about it. */
export function serverView(state: ServerState): { text: string; detail: string; command: { title: string; command: string }; error: boolean } {
  switch (state) {
    case 'disabled':
      return { text: 'Disabled in this workspace', detail: 'Haulcheck', command: { title: 'Enable', command: 'haulcheck.enableWorkspace' }, error: false };
    case 'stopped':
      return { text: 'Language server stopped', detail: 'Haulcheck', command: { title: 'Restart', command: 'haulcheck.restartServer' }, error: true };
    case 'starting':
      return { text: 'Language server starting', detail: 'Haulcheck', command: { title: 'Restart', command: 'haulcheck.restartServer' }, error: false };
    default:
      return { text: 'Language server running', detail: 'Haulcheck', command: { title: 'Restart', command: 'haulcheck.restartServer' }, error: false };
  }
}
