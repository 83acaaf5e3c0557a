/**
 * The VS Code client, on the desktop and in the browser alike (extension.ts and browser.ts say how
 * the language server starts): it starts the Haulcheck language server and offers a restart command,
 * an output channel, the language status items (status.ts), enable/disable for this workspace,
 * "Create Dataset" and the Get Started walkthrough (dataset.ts), "New Seizure Event" (asks for date,
 * country, place and drug; the server composes the file, the client writes and opens it) and the
 * article commands of extract.ts. Every other feature is in the server.
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient, ExecuteCommandRequest, type LanguageClientOptions, State } from 'vscode-languageclient';
import { createDataset, makeMistake, showQuickFix } from './dataset';
import { crashHandlers } from './faults';
import { registerOverview } from './overview';
import { StatusItems } from './status';
import type { StatusReport } from './status-view';
import { addArticleAsSource, newEventFromArticle } from './extract';

let client: BaseLanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;
let status: StatusItems | undefined;

/** Whether Haulcheck runs in this workspace (`haulcheck.enable` as the workspace sees it). */
const enabledHere = () => vscode.workspace.getConfiguration('haulcheck').get<boolean>('enable', true) !== false;

/** How the language server starts where the extension runs, and what it is told. */
export interface ServerStart {
  /** The files the server checks (documentSelector). */
  documentSelector: LanguageClientOptions['documentSelector'];
  /** More initialization options (the desktop's storage folder for the facts cache). */
  initializationOptions?: Record<string, unknown>;
  /** The client, started by activate. */
  create(clientOptions: LanguageClientOptions): BaseLanguageClient;
  /** Once the client exists: what it answers besides LSP (the browser's file-system port). */
  attach?(client: BaseLanguageClient): vscode.Disposable[];
}

export async function activateWith(context: vscode.ExtensionContext, start: ServerStart): Promise<void> {
  output = vscode.window.createOutputChannel('Haulcheck', { log: true });
  context.subscriptions.push(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: start.documentSelector,
    outputChannel: output,
    synchronize: { configurationSection: 'haulcheck' },
    // The settings, what the server is told of where it runs, and a wish for `haulcheck/status` (the status items).
    initializationOptions: {
      ...(JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('haulcheck'))) as object),
      ...start.initializationOptions,
      statusNotifications: true,
    },
    // Crashes are restarted and said so in the output channel (faults.ts).
    ...crashHandlers(() => output),
  };
  status = new StatusItems();
  context.subscriptions.push(status);
  client = start.create(clientOptions);
  context.subscriptions.push(...(start.attach?.(client) ?? []));
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) output?.appendLine('[client] the Haulcheck language server stopped.');
    if (e.newState === State.Running) output?.appendLine('[client] the Haulcheck language server is running.');
    status?.serverState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : enabledHere() ? 'stopped' : 'disabled');
  });
  client.onNotification('haulcheck/status', (r: StatusReport) => {
    status?.report(r);
    void vscode.commands.executeCommand('setContext', 'haulcheck.problems', status?.problems ?? 0);
  });
  context.subscriptions.push(
    vscode.commands.registerCommand('haulcheck.restartServer', async () => {
      if (!enabledHere()) {
        void vscode.window.showInformationMessage('Haulcheck is disabled in this workspace: run "Haulcheck: Enable for This Workspace".');
        return;
      }
      output?.appendLine('[client] restarting the Haulcheck language server…');
      if (client?.isRunning()) {
        await client.stop();
        await client.start();
      } else await client?.start();
    }),
    vscode.commands.registerCommand('haulcheck.showOutput', () => output?.show(true)),
    vscode.commands.registerCommand('haulcheck.newEvent', (args?: Partial<NewEventArgs>) => newEvent(args)),
    vscode.commands.registerCommand('haulcheck.createDataset', (folder?: vscode.Uri) => createDataset(folder)),
    vscode.commands.registerCommand('haulcheck.walkthrough.makeMistake', () => makeMistake()),
    vscode.commands.registerCommand('haulcheck.walkthrough.quickFix', () => showQuickFix()),
    vscode.commands.registerCommand('haulcheck.enableWorkspace', () => setEnabledHere(true)),
    vscode.commands.registerCommand('haulcheck.disableWorkspace', () => setEnabledHere(false)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('haulcheck.enable')) void applyEnablement();
    }),
    vscode.commands.registerCommand('haulcheck.newEventFromArticle', (args?: object) => newEventFromArticle(client, args)),
    vscode.commands.registerCommand('haulcheck.addArticleAsSource', (args?: object) => addArticleAsSource(client, args)),
  );
  registerOverview(context, () => client, (m) => output?.appendLine(m));
  await applyEnablement();
}

/** Writes `haulcheck.enable` for this workspace (the server starts or stops with it). */
async function setEnabledHere(enable: boolean): Promise<void> {
  const target = vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('haulcheck').update('enable', enable, target);
  await applyEnablement();
}

/** Starts the server when Haulcheck is enabled in this workspace, stops it when it is not. */
async function applyEnablement(): Promise<void> {
  const enabled = enabledHere();
  void vscode.commands.executeCommand('setContext', 'haulcheck.enabled', enabled);
  if (!client) return;
  if (enabled && !client.isRunning() && client.state !== State.Starting) {
    output?.appendLine('[client] Haulcheck is enabled in this workspace; starting the language server.');
    await client.start();
  } else if (!enabled && client.isRunning()) {
    output?.appendLine('[client] Haulcheck is disabled in this workspace; stopping the language server.');
    await client.stop();
  }
  if (!enabled) status?.serverState('disabled');
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
