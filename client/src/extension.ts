/**
 * The desktop entry (package.json `main`): the language server runs in Node (dist/server.js) over
 * node IPC, and reads the dataset from disk; the facts of the last start are kept in the editor's
 * storage. Everything else is activate.ts's, shared with the browser entry (browser.ts).
 */
import type * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { activateWith } from './activate';

export { deactivate } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
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
