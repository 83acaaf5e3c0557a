/**
 * The language server in a browser (bundled as dist/browser-server.js, a web worker the extension's
 * browser client starts): LSP over the worker's messages, the dataset read through the editor
 * (browser-host.ts). Nothing here or below imports a Node API (scripts/build.mjs bundles it for
 * the browser with no Node shims, and test/browser checks the bundle).
 */
import { BrowserMessageReader, BrowserMessageWriter, ProposedFeatures, createConnection } from 'vscode-languageserver/browser';
import { browserHost } from './browser-host';
import { DEFAULT_REQUEST_BUDGET_MS, guardRequests } from './request-guard';
import { startServer } from './server';

/** The worker's global scope: its messages are the connection. */
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0] & {
  addEventListener?(type: string, listener: (e: { reason?: unknown; message?: unknown }) => void): void;
};
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
const log = (m: string) => connection.console.log(`[${new Date().toISOString().slice(11, 23)}] ${m}`);
// Before the features register their handlers: cancellation and time budgets.
guardRequests(connection, { budgetMs: DEFAULT_REQUEST_BUDGET_MS, delayMs: 0, log });
scope.addEventListener?.('unhandledrejection', (e: { reason?: unknown }) => log(`unexpected rejection (the server keeps running): ${e.reason instanceof Error ? e.reason.stack : String(e.reason)}`));
startServer(connection, browserHost(connection));
