/**
 * The language status items of dataset files (the `{}` beside "YAML" in the status bar): the
 * dataset of the active file — its root, events indexed, problems, busy while it is indexed or
 * checked — with a link to the output, and the language server's state with a link to restart it
 * (or to enable Haulcheck again in this workspace).
 */
import * as vscode from 'vscode';
import { type DatasetStatus, type ServerState, type StatusReport, datasetOf, datasetView, serverView } from './status-view';

/** A dataset root as a person knows it: its workspace folder's name, and the path below it. */
function rootLabel(root: vscode.Uri): string {
  const folder = vscode.workspace.getWorkspaceFolder(root);
  if (!folder) return root.fsPath;
  const below = root.path.slice(folder.uri.path.length).replace(/^\/+/, '');
  return below ? `${folder.name}/${below}` : folder.name;
}

export class StatusItems implements vscode.Disposable {
  private readonly dataset: vscode.LanguageStatusItem;
  private readonly server: vscode.LanguageStatusItem;
  private datasets: DatasetStatus[] = [];
  private state: ServerState = 'starting';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.dataset = vscode.languages.createLanguageStatusItem('haulcheck.dataset', { language: 'yaml', pattern: '**/haulcheck.yaml' });
    this.dataset.name = 'Haulcheck dataset';
    this.dataset.command = { title: 'Show Output', command: 'haulcheck.showOutput' };
    this.server = vscode.languages.createLanguageStatusItem('haulcheck.server', { language: 'yaml' });
    this.server.name = 'Haulcheck language server';
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.render()));
    this.render();
  }

  /** The server's `haulcheck/status`. */
  report(r: StatusReport): void {
    this.datasets = r.datasets;
    this.render();
  }

  serverState(state: ServerState): void {
    this.state = state;
    if (state === 'disabled' || state === 'stopped') this.datasets = [];
    this.render();
  }

  /** Problems (errors and warnings) of every dataset known, for the walkthrough's steps. */
  get problems(): number {
    return this.datasets.reduce((n, d) => n + d.errors + d.warnings, 0);
  }

  private render(): void {
    // On the files of the known datasets; on every YAML file while none is known (to say why).
    const roots: vscode.DocumentFilter[] = this.datasets.map((d) => ({ language: 'yaml', pattern: new vscode.RelativePattern(vscode.Uri.parse(d.uri), '**/*') }));
    const selector = roots.length ? [...roots, { language: 'yaml', pattern: '**/haulcheck.yaml' }] : { language: 'yaml', pattern: '**/haulcheck.yaml' };
    this.dataset.selector = selector;
    this.server.selector = roots.length ? selector : { language: 'yaml' };

    const active = vscode.window.activeTextEditor?.document.uri;
    // On disk, by path (the desktop server's roots); elsewhere (the browser's), by URI.
    const d = !active
      ? undefined
      : active.scheme === 'file'
        ? datasetOf(active.fsPath, this.datasets, active.fsPath.includes('\\') ? '\\' : '/')
        : datasetOf(active.toString(), this.datasets.map((x) => ({ ...x, root: x.uri })));
    if (d) {
      const view = datasetView(d, rootLabel(vscode.Uri.parse(d.uri)));
      this.dataset.text = view.text;
      this.dataset.detail = view.detail;
      this.dataset.busy = view.busy;
    } else {
      this.dataset.text = this.state === 'disabled' ? 'Not checked' : 'No dataset';
      this.dataset.detail = this.state === 'disabled' ? 'Haulcheck is disabled in this workspace' : 'This file is in no folder with a haulcheck.yaml';
      this.dataset.busy = false;
    }
    const s = serverView(this.state);
    this.server.text = s.text;
    this.server.detail = s.detail;
    this.server.command = s.command;
    this.server.severity = s.error ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.server.busy = this.state === 'starting';
  }

  dispose(): void {
    this.dataset.dispose();
    this.server.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
