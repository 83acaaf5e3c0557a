/**
 * The desktop entry (package.json `main`): the language server runs in Node (dist/server.js) over
 * node IPC, and reads the dataset from disk; the facts of the last start are kept in the editor's
 * storage. Everything else is activate.ts's, shared with the browser entry (browser.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activate';

export { deactivate } from './activate';

/**
 * V8's young generation of the server's thread kept at 4 MB a semi-space (8 MB young) instead of
 * growing to 32 MB when the dataset's facts arrive from the indexing thread and all survive: the
 * peak of a 10,000-event workspace 274–276 → 249 MB, its resident memory after the pass 168–170 →
 * 148–152 MB, edits and indexing as fast (docs/performance.md). Only the process's command line can
 * set it.
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=4'];

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'] } },
  };
  return activateWith(context, {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    // Where the server may keep the facts of the last start (never the workspace).
    initializationOptions: { cacheDir: context.globalStorageUri.fsPath },
    create: (clientOptions) => new LanguageClient('haulcheck', 'Haulcheck', serverOptions, clientOptions),
  });
}
