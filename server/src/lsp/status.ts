/**
 * The state of each dataset for the editor's status item: the `haulcheck/status` notification,
 * sent only to clients that ask for it (initializationOptions.statusNotifications: the VS Code
 * extension). At most one every STATUS_INTERVAL_MS, and always the latest state.
 */
import { NotificationType } from 'vscode-languageserver';

export const STATUS_INTERVAL_MS = 200;

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

export const statusNotification = new NotificationType<StatusReport>('haulcheck/status');

/** Calls `send` soon after `changed()`, at most once per interval, always with what `compose` gives then. */
export function throttled(send: () => void, intervalMs = STATUS_INTERVAL_MS): { changed(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  const fire = () => {
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    send();
    timer = setTimeout(fire, intervalMs);
  };
  return {
    changed() {
      dirty = true;
      if (!timer) timer = setTimeout(fire, 0);
    },
  };
}
