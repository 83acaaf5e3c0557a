/**
 * What the client does when the language server fails: a crashed server is restarted (up to
 * MAX_RESTARTS times in RESTART_WINDOW_MS) and every crash, restart and give-up is written to the
 * Haulcheck output channel in plain words. Kept free of `vscode` imports so that it can be tested in
 * Node; the numbers are vscode-languageclient's ErrorAction / CloseAction values.
 */
import type { CloseHandlerResult, ErrorHandler, ErrorHandlerResult, InitializationFailedHandler, Message } from 'vscode-languageclient';

/** vscode-languageclient's `ErrorAction.Continue` / `.Shutdown` and `CloseAction.DoNotRestart` / `.Restart`. */
export const ERROR_CONTINUE = 1 as const;
export const ERROR_SHUTDOWN = 2 as const;
export const CLOSE_DO_NOT_RESTART = 1 as const;
export const CLOSE_RESTART = 2 as const;

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export interface Sink {
  appendLine(line: string): void;
}

export function crashHandlers(
  output: () => Sink | undefined,
  now: () => number = Date.now,
): { errorHandler: ErrorHandler; initializationFailedHandler: InitializationFailedHandler } {
  const restarts: number[] = [];
  const say = (line: string) => output()?.appendLine(`[client] ${line}`);
  return {
    errorHandler: {
      error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
        const n = count ?? 1;
        if (n <= 3) {
          say(`error talking to the Haulcheck language server (${n} of 3 tolerated): ${error.message}`);
          return { action: ERROR_CONTINUE, handled: true };
        }
        say(`too many errors talking to the Haulcheck language server; shutting the connection down: ${error.message}`);
        return { action: ERROR_SHUTDOWN, handled: true };
      },
      closed(): CloseHandlerResult {
        const t = now();
        restarts.push(t);
        while (restarts.length && t - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
        if (restarts.length <= MAX_RESTARTS) {
          say(`the Haulcheck language server stopped unexpectedly (crash ${restarts.length} in the last 3 minutes); restarting it.`);
          return { action: CLOSE_RESTART, handled: true };
        }
        say(
          `the Haulcheck language server crashed ${restarts.length} times in 3 minutes; it is not restarted again. ` +
            'See the lines above for why, then run "Haulcheck: Restart Language Server".',
        );
        return { action: CLOSE_DO_NOT_RESTART, message: 'The Haulcheck language server keeps crashing; see the Haulcheck output.', handled: true };
      },
    },
    initializationFailedHandler(error: unknown): boolean {
      const detail = error instanceof Error ? error.message : String(error);
      say(`the Haulcheck language server failed to start: ${detail}. Run "Haulcheck: Restart Language Server" to try again.`);
      return false;
    },
  };
}
