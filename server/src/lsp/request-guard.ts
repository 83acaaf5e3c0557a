/**
 * Editor requests (hover, completion, code actions, definitions, references, symbols, inlay hints…)
 * honour `$/cancelRequest` and have a time budget: a request still running after its budget is
 * answered empty and logged, so requests never pile up behind a slow one. Used by the server in
 * Node (guard.ts, with the budget from HAULCHECK_REQUEST_BUDGET_MS) and in a browser.
 */
import { type CancellationToken, type Connection, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export const DEFAULT_REQUEST_BUDGET_MS = 2000;

export type Log = (message: string) => void;

/** The requests that only read: answering them empty after the budget loses nothing. */
const GUARDED_REQUESTS = [
  'onHover',
  'onCompletion',
  'onCompletionResolve',
  'onCodeAction',
  'onCodeActionResolve',
  'onDefinition',
  'onReferences',
  'onDocumentSymbol',
  'onDocumentHighlight',
  'onFoldingRanges',
  'onSelectionRanges',
  'onSignatureHelp',
  'onCodeLens',
] as const;

export interface GuardOptions {
  budgetMs: number;
  /** Test only: wait this long before running each guarded request. */
  delayMs: number;
  log: Log;
}

type Handler = (params: unknown, token?: CancellationToken, ...rest: unknown[]) => unknown;

/** Wraps a request handler: cancellation is honoured and the answer comes within the budget. */
export function guarded(label: string, handler: Handler, opts: GuardOptions): Handler {
  // A resolve request answered "empty" gives back the item unresolved; the others answer null.
  const empty = (params: unknown) => (label.endsWith('Resolve') ? params : null);
  return (params, token, ...rest) =>
    new Promise((resolve, reject) => {
      const t0 = performance.now();
      const ms = () => (performance.now() - t0).toFixed(0);
      if (token?.isCancellationRequested) {
        opts.log(`${label} cancelled before it started`);
        reject(new ResponseError(LSPErrorCodes.RequestCancelled, `${label} cancelled`));
        return;
      }
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let subscription: { dispose(): void } | undefined;
      const finish = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        subscription?.dispose();
        f();
      };
      subscription = token?.onCancellationRequested(() =>
        finish(() => {
          opts.log(`${label} cancelled by the client after ${ms()} ms`);
          reject(new ResponseError(LSPErrorCodes.RequestCancelled, `${label} cancelled`));
        }),
      );
      timer = setTimeout(
        () =>
          finish(() => {
            opts.log(`${label} exceeded its ${opts.budgetMs} ms budget and was answered empty`);
            resolve(empty(params));
          }),
        opts.budgetMs,
      );
      const run = () => (settled ? empty(params) : handler(params, token, ...rest));
      const work = opts.delayMs > 0 ? new Promise((r) => setTimeout(r, opts.delayMs)).then(run) : Promise.resolve().then(run);
      work.then(
        (v) => finish(() => resolve(v)),
        (e: unknown) =>
          finish(() => {
            if (!(e instanceof ResponseError)) opts.log(`${label} failed after ${ms()} ms: ${e instanceof Error ? e.stack : String(e)}`);
            reject(e);
          }),
      );
    });
}

/** Makes every read-only request handler registered from now on a guarded one. Call before registering. */
export function guardRequests(connection: Connection, opts: GuardOptions): void {
  const c = connection as unknown as Record<string, unknown>;
  for (const name of GUARDED_REQUESTS) {
    const register = c[name];
    if (typeof register !== 'function') continue;
    c[name] = (handler: Handler) => (register as (h: Handler) => unknown).call(connection, guarded(name.slice(2), handler, opts));
  }
  const inlay = (connection as unknown as { languages?: { inlayHint?: Record<string, unknown> } }).languages?.inlayHint;
  if (inlay && typeof inlay.on === 'function') {
    const on = inlay.on as (h: Handler) => unknown;
    inlay.on = (handler: Handler) => on.call(inlay, guarded('InlayHint', handler, opts));
  }
}
