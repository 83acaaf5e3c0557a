/**
 * Fault tolerance of the language server, kept apart from its features:
 *
 * - editor requests (hover, completion, code actions, definitions, references, symbols, inlay hints…)
 *   honour `$/cancelRequest` and have a time budget: a request still running after
 *   `HAULCHECK_REQUEST_BUDGET_MS` (default 2000 ms) is answered empty and logged, so requests never
 *   pile up behind a slow one;
 * - an abrupt client disconnect (pipe closed, IPC channel gone, EPIPE) ends the process promptly;
 * - an unexpected exception is logged, and the server keeps serving.
 *
 * Test-only switches, read from the environment at start-up (never set them in real use):
 * - `HAULCHECK_TEST_FAULTY_RULE=1` registers a rule, `test/faulty`, that throws on every document, to
 *   show through the protocol that it becomes an `internal/rule-error` finding and the other rules run;
 * - `HAULCHECK_TEST_REQUEST_DELAY_MS=N` makes every guarded request wait N ms before it runs, so that
 *   cancellation and the time budget can be observed;
 * - `HAULCHECK_TEST_EXIT_NOTIFICATION=1` accepts a `haulcheck/test/exit` notification (`{code}`) that
 *   exits the process mid-session, as a crash would;
 * - `HAULCHECK_TEST_HEAP=1` answers a `haulcheck/test/heap` request with the heap in use after a full
 *   garbage collection (`{used}`, bytes), so that a test can see memory return after a file closes.
 */
import type { Connection } from 'vscode-languageserver';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ALL_RULES, type Rule } from '../core';
import { DEFAULT_REQUEST_BUDGET_MS, type Log, guardRequests } from './request-guard';

export { DEFAULT_REQUEST_BUDGET_MS, type GuardOptions, guardRequests, guarded } from './request-guard';

type Env = Record<string, string | undefined>;

/** Test only: a rule that throws on every document. */
export const FAULTY_RULE: Rule = {
  meta: {
    id: 'test/faulty',
    description: 'Test only (HAULCHECK_TEST_FAULTY_RULE=1): throws on every document.',
    defaultSeverity: 'error',
    appliesTo: ['event', 'drugs', 'agencies', 'config'],
    messages: { never: 'never reported' },
  },
  check() {
    throw new Error('injected failure (HAULCHECK_TEST_FAULTY_RULE=1)');
  },
};

/** Ends the process promptly when the client is gone, and keeps serving after unexpected exceptions. */
export function exitWithClient(log: Log): void {
  const gone = (why: string) => {
    try {
      process.stderr.write(`haulcheck-language-server: ${why}; exiting.\n`);
    } catch {
      // stderr may be gone too
    }
    process.exit(1);
  };
  // node-ipc: the parent closed the channel (it crashed or was killed).
  process.on('disconnect', () => gone('the client disconnected'));
  // stdio: writing to a closed pipe.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') gone('the client closed the connection');
  });
  process.on('uncaughtException', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED' || e.code === 'ERR_IPC_CHANNEL_CLOSED') gone('the client closed the connection');
    log(`unexpected error (the server keeps running): ${e.stack ?? String(e)}`);
  });
  process.on('unhandledRejection', (e) => log(`unexpected rejection (the server keeps running): ${e instanceof Error ? e.stack : String(e)}`));
}

/** Installs the guards (and, when asked by the environment, the test-only faults) on a connection. */
export function installGuards(connection: Connection, env: Env = process.env): void {
  const log: Log = (m) => {
    try {
      connection.console.log(`[${new Date().toISOString().slice(11, 23)}] ${m}`);
    } catch {
      process.stderr.write(m + '\n');
    }
  };
  const budget = Number(env.HAULCHECK_REQUEST_BUDGET_MS);
  guardRequests(connection, {
    budgetMs: Number.isFinite(budget) && budget > 0 ? budget : DEFAULT_REQUEST_BUDGET_MS,
    delayMs: Math.max(0, Number(env.HAULCHECK_TEST_REQUEST_DELAY_MS) || 0),
    log,
  });
  exitWithClient(log);
  if (env.HAULCHECK_TEST_FAULTY_RULE === '1' && !ALL_RULES.includes(FAULTY_RULE)) {
    // The registry is read at each check; the faulty rule runs first, so later rules show they still run.
    (ALL_RULES as Rule[]).unshift(FAULTY_RULE);
  }
  if (env.HAULCHECK_TEST_EXIT_NOTIFICATION === '1') {
    connection.onNotification('haulcheck/test/exit', (p: { code?: number } | undefined) => process.exit(p?.code ?? 3));
  }
  if (env.HAULCHECK_TEST_HEAP === '1') {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    connection.onRequest('haulcheck/test/heap', async () => {
      // Twice, a turn apart: what the first frees may hold what the second does.
      gc();
      await new Promise((r) => setImmediate(r));
      gc();
      return { used: process.memoryUsage().heapUsed };
    });
  }
}
