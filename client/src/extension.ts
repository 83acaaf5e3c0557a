/**
 * The VS Code client: starts the Haulcheck language server and offers a restart command, an output
 * channel, "New Seizure Event" (asks for date, country, place and drug; the server composes the
 * file, the client writes and opens it) and the article commands of extract.ts. Every other feature
 * is in the server.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { crashHandlers } from './faults';
import { registerOverview } from './overview';
import { addArticleAsSource, newEventFromArticle } from './extract';

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
    // The settings, and where the server may keep the facts of the last start (never the workspace).
    initializationOptions: { ...(JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('haulcheck'))) as object), cacheDir: context.globalStorageUri.fsPath },
    // Crashes are restarted and said so in the output channel (faults.ts).
    ...crashHandlers(() => output),
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
    vscode.commands.registerCommand('haulcheck.newEvent', (args?: Partial<NewEventArgs>) => newEvent(args)),
    vscode.commands.registerCommand('haulcheck.newEventFromArticle', (args?: object) => newEventFromArticle(client, args)),
    vscode.commands.registerCommand('haulcheck.addArticleAsSource', (args?: object) => addArticleAsSource(client, args)),
  );
  registerOverview(context, () => client, (m) => output?.appendLine(m));
  await client.start();
}

interface NewEventArgs {
  date: string;
  country: string;
  place: string;
  drug: string;
  folder?: string;
}

const today = () => {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

/** Asks for what the id is made of (arguments given skip their question), then creates and opens the file. */
async function newEvent(given: Partial<NewEventArgs> = {}): Promise<vscode.Uri | undefined> {
  if (!client) return undefined;
  const ask = async (key: keyof NewEventArgs, prompt: string, value: string, validate: (v: string) => string | undefined) =>
    given[key] ?? (await vscode.window.showInputBox({ title: 'New Seizure Event', prompt, value, ignoreFocusOut: true, validateInput: validate }));
  const date = await ask('date', 'Date of the seizure (YYYY-MM-DD, YYYY-MM or YYYY)', today(), (v) => (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? undefined : 'YYYY-MM-DD, YYYY-MM or YYYY'));
  if (date === undefined) return undefined;
  const country = await ask('country', 'Country (ISO 3166-1 alpha-2, e.g. SY)', 'SY', (v) => (/^[A-Za-z]{2}$/.test(v) ? undefined : 'two letters, e.g. SY'));
  if (country === undefined) return undefined;
  const place = await ask('place', 'Place (town, province or crossing; used in the id)', '', () => undefined);
  if (place === undefined) return undefined;
  const drug = await ask('drug', 'Drug id from registries/drugs.yaml', 'captagon', (v) => (/^[a-z0-9][a-z0-9_-]*$/.test(v) ? undefined : 'a registry id, e.g. captagon'));
  if (drug === undefined) return undefined;
  const folder = given.folder ?? vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
  try {
    const made = (await client.sendRequest(ExecuteCommandRequest.type, {
      command: 'haulcheck.server.newEvent',
      arguments: [{ date, country, place, drug, folder }],
    })) as { uri: string; exists: boolean; text: string } | null;
    if (!made) return undefined;
    const uri = vscode.Uri.parse(made.uri);
    if (!made.exists) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(made.text));
    else void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} exists already; opening it.`);
    await vscode.window.showTextDocument(uri);
    return uri;
  } catch (e) {
    void vscode.window.showErrorMessage(`Haulcheck: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
