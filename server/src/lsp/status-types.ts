/**
 * The `haulcheck/status` notification's data: what the server says of each dataset. Types only, no
 * imports, so that the VS Code client (client/src/status-view.ts) and the tests share them with the
 * server (status.ts) without loading it.
 */
export interface DatasetStatus {
  /** Absolute path of the dataset root (the folder of its haulcheck.yaml) and its URI. */
  root: string;
  uri: string;
  /** `indexing`: reading every event; `checking`: looking for the problems of the files not open; `ready`. */
  state: 'indexing' | 'checking' | 'ready';
  /** Event files read so far while indexing, of `total`. */
  indexed?: number;
  total?: number;
  /** Events in the index (once indexed). */
  events: number;
  /** Whether the problems of every file are shown (workspace mode) or those of the open files only. */
  workspaceProblems: boolean;
  /** Dataset files of the current pass, and how many are checked. */
  files: number;
  checked: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface StatusReport {
  datasets: DatasetStatus[];
}
