/**
 * Haulcheck: Show Dataset Overview — the report's charts, map, disagreements and table of events in a
 * webview, asked of the language server (`haulcheck/overview`) and asked again when dataset files
 * change. A row opens its event, a disagreement its figure. The page is the report's own script and
 * stylesheet from dist/, under a content security policy that lets nothing else in; it takes the
 * theme's colours.
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient as LanguageClient, State } from 'vscode-languageclient';

const REQUEST = 'haulcheck/overview';
/** How long after the last change the overview is asked again. */
const REFRESH_MS = 600;

interface OverviewResult {
  root: string;
  /** The root as a URI (the summary's paths are relative to it). */
  rootUri: string;
  summary: unknown;
  ms: number;
}

export function registerOverview(context: vscode.ExtensionContext, client: () => LanguageClient | undefined, log: (m: string) => void): void {
  let panel: vscode.WebviewPanel | undefined;
  let root: vscode.Uri | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let ready = false;
  let asked = 0;

  const refresh = async () => {
    const c = client();
    if (!panel || !ready || !c) return;
    const n = ++asked;
    void panel.webview.postMessage({ type: 'status', message: 'Reading the dataset…' });
    try {
      // The command may come before the server is up (the extension is still starting it).
      if (!c.isRunning()) await running(c);
      const uri = vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
      const r = (await c.sendRequest(REQUEST, { uri })) as OverviewResult | null;
      if (n !== asked || !panel) return; // a newer request is on its way
      if (!r) {
        void panel.webview.postMessage({ type: 'status', message: 'No haulcheck.yaml in this workspace: open a dataset folder to see its overview.' });
        return;
      }
      root = vscode.Uri.parse(r.rootUri);
      void panel.webview.postMessage({ type: 'summary', summary: r.summary });
      void panel.webview.postMessage({ type: 'status', message: `${root.path.split('/').filter(Boolean).pop() ?? r.root} · updated ${new Date().toLocaleTimeString()} (${Math.round(r.ms)} ms)` });
    } catch (e) {
      log(`[overview] ${e instanceof Error ? e.message : String(e)}`);
      if (n === asked) void panel?.webview.postMessage({ type: 'status', message: `The overview could not be made: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  const later = () => {
    if (!panel) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_MS);
  };

  const open = async (file: string, line: number) => {
    if (!root) return;
    const uri = vscode.Uri.joinPath(root, ...file.split('/'));
    const at = new vscode.Position(Math.max(0, line), 0);
    // Beside the overview, so that it stays in sight.
    const column = panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(at, at), viewColumn: column, preserveFocus: false });
  };

  const show = () => {
    if (panel) {
      panel.reveal();
      return;
    }
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
    panel = vscode.window.createWebviewPanel('haulcheck.overview', 'Dataset Overview', vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    ready = false;
    panel.webview.html = html(panel.webview, dist);
    panel.webview.onDidReceiveMessage((m: { type?: string; file?: string; line?: number }) => {
      if (m.type === 'ready') {
        ready = true;
        void refresh();
      } else if (m.type === 'open' && typeof m.file === 'string') void open(m.file, typeof m.line === 'number' ? m.line : 0);
    });
    panel.onDidChangeViewState((e) => e.webviewPanel.visible && later());
    panel.onDidDispose(() => {
      panel = undefined;
      ready = false;
    });
  };

  const yaml = (d: vscode.TextDocument) => d.languageId === 'yaml' || /\.ya?ml$/.test(d.fileName);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml}');
  context.subscriptions.push(
    vscode.commands.registerCommand('haulcheck.showOverview', show),
    vscode.workspace.onDidChangeTextDocument((e) => yaml(e.document) && e.contentChanges.length > 0 && later()),
    watcher,
    watcher.onDidChange(later),
    watcher.onDidCreate(later),
    watcher.onDidDelete(later),
    { dispose: () => timer && clearTimeout(timer) },
  );
}

/** Resolves when the client runs (or after 30 s, when the request will say what is wrong). */
function running(c: LanguageClient): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => (sub.dispose(), resolve()), 30_000);
    const sub = c.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

function html(webview: vscode.Webview, dist: vscode.Uri): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'report-app.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'report-app.css'));
  // Nothing from outside the extension; the charts write inline <style> elements, scripts need the nonce.
  const csp = [`default-src 'none'`, `img-src ${webview.cspSource} data:`, `style-src ${webview.cspSource} 'unsafe-inline'`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style}">
<title>Dataset Overview</title>
</head>
<body>
<main id="app"><p>Reading the dataset…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
