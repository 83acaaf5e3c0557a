/**
 * The browser entry (package.json `browser`: github.dev, vscode.dev, and code-server's browser
 * extension host): the language server runs in a web worker (dist/browser-server.js) and reads the
 * dataset through this client (fs-port.ts answers its requests with `vscode.workspace.fs`).
 *
 * The worker is started from a blob: URL of the bundle's text, not from the bundle's own URI: a
 * web extension served by a VS Code server has a `vscode-remote:` URI, from which the browser
 * extension host refuses to start a worker ("Creating workers from remote extensions is currently
 * not supported", microsoft/vscode#168942), and vscode.dev serves extensions from another origin.
 * A blob made here is of the extension host's own origin wherever it runs (docs/web.md).
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateWith } from './activate';
import { answerFileRequests } from './fs-port';

export { deactivate } from './activate';

/** A web worker (the browser's; this project's types are Node's). */
interface WebWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => WebWorker;

/** The bundle's text: fetched where the extension is served over HTTP, else read through the editor's file system. */
async function bundleText(uri: vscode.Uri): Promise<Uint8Array> {
  if (uri.scheme === 'http' || uri.scheme === 'https') {
    const r = await fetch(uri.toString(true));
    if (!r.ok) throw new Error(`${uri.toString(true)}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  }
  return vscode.workspace.fs.readFile(uri);
}

/** A worker running the language server, started from a blob: URL of its bundle. */
async function serverWorker(context: vscode.ExtensionContext): Promise<WebWorker> {
  const source = await bundleText(vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js'));
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  return new Worker(url, { name: 'Haulcheck language server' });
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The workspace's own files (vscode-vfs:, vscode-remote:, file:…) and untitled ones; not git: or output: views.
  const schemes = [...new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)), 'untitled'];
  const worker = await serverWorker(context);
  await activateWith(context, {
    documentSelector: vscode.workspace.workspaceFolders?.length ? schemes.map((scheme) => ({ scheme, language: 'yaml' })) : [{ language: 'yaml' }],
    // Each start (the first, a restart, after a crash) gets a worker of its own; the last one ends.
    create: (clientOptions) => {
      let next: WebWorker | undefined = worker;
      let current: WebWorker | undefined;
      context.subscriptions.push({ dispose: () => current?.terminate() });
      const start = async () => {
        current?.terminate();
        current = next ?? (await serverWorker(context));
        next = undefined;
        // Transports, not the worker: the client tells a worker by `instanceof Worker`, which the
        // extension host's own Worker (a wrapper) does not pass.
        const port = current as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
        return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
      };
      return new LanguageClient('haulcheck', 'Haulcheck', start, clientOptions);
    },
    attach: (client) => answerFileRequests(client),
  });
}
