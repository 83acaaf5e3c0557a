/**
 * The state of each dataset for the editor's status item: the `haulcheck/status` notification,
 * sent only to clients that ask for it (initializationOptions.statusNotifications: the VS Code
 * extension). At most one every STATUS_INTERVAL_MS, and always the latest state.
 */
import { NotificationType } from 'vscode-languageserver';
import type { StatusReport } from './status-types';

export type { DatasetStatus, StatusReport } from './status-types';

export const STATUS_INTERVAL_MS = 200;

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
