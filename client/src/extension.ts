/**
 * The VS Code client: starts the Haulcheck language server and offers a restart command and an
 * output channel. Nothing else lives here; every feature is in the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Haulcheck', { log: true });
  context.subscriptions.push(output);
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: 'haulcheck' },
    initializationOptions: vscode.workspace.getConfiguration('haulcheck'),
  };
  client = new LanguageClient('haulcheck', 'Haulcheck', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) output?.appendLine('[client] the Haulcheck language server stopped.');
    if (e.newState === State.Running) output?.appendLine('[client] the Haulcheck language server is running.');
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('haulcheck.restartServer', async () => {
      output?.appendLine('[client] restarting the Haulcheck language server…');
      if (client) await client.restart();
    }),
    vscode.commands.registerCommand('haulcheck.showOutput', () => output?.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
