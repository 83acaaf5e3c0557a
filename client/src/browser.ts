/**
 * The browser entry (package.json `browser`: github.dev, vscode.dev, and code-server's browser
 * extension host): the language server runs in a web worker (dist/browser-server.js) and reads the
 * dataset through this client (fs-port.ts answers its requests with `vscode.workspace.fs`).
 *
 * A web extension served by a VS Code server (code-server, a remote) has a `vscode-remote:` URI, from
 * which the browser extension host refuses to start a worker ("Creating workers from remote
 * extensions is currently not supported", microsoft/vscode#168942): there the worker is started from
 * a blob: URL of the bundle's text (docs/web.md).
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

/**
 * A worker running the language server. Where the extension is served over HTTP (vscode.dev,
 * github.dev) the browser extension host starts it from the bundle's URL; from a `vscode-remote:`
 * URI (a VS Code server) it cannot, so the bundle is read through the editor's file system and
 * started from a blob: URL of its text, which is of the extension host's own origin.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<WebWorker> {
  const bundle = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser-server.js');
  const options = { name: 'Haulcheck language server' };
  if (bundle.scheme === 'http' || bundle.scheme === 'https') return new Worker(bundle.toString(true), options);
  const source = await vscode.workspace.fs.readFile(bundle);
  return new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })), options);
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
