/**
 * The browser client's answers to the language server's file-system requests (its port,
 * server/src/lsp/fs-protocol.ts): the server in a web worker has no file system, so the dataset is
 * read with `vscode.workspace.fs`, the workspace's own (github.dev's repository, vscode.dev's folder,
 * a remote's disk). Read only: the server never writes.
 */
import * as vscode from 'vscode';
import { type BaseLanguageClient, ResponseError } from 'vscode-languageclient';
import {
  FS_ERROR,
  type FsErrorData,
  READ_DIRECTORY_REQUEST,
  READ_FILE_REQUEST,
  type ReadDirectoryResult,
  type ReadFileResult,
  STAT_REQUEST,
  type StatResult,
  type UriParams,
} from '../../server/src/lsp/fs-protocol';

/** A failed request, with VS Code's FileSystemError code (FileNotFound, NoPermissions…) for the server. */
function failure(err: unknown): ResponseError<FsErrorData> {
  const code = err instanceof vscode.FileSystemError ? err.code : 'Unknown';
  return new ResponseError(FS_ERROR, err instanceof Error ? err.message : String(err), { code: code || 'Unknown' });
}

const decoder = new TextDecoder('utf-8');

export function answerFileRequests(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(READ_FILE_REQUEST, async ({ uri }: UriParams): Promise<ReadFileResult | ResponseError<FsErrorData>> => {
      try {
        // UTF-8, a leading byte-order mark dropped (as VS Code and the desktop server read files).
        return { text: decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))) };
      } catch (err) {
        return failure(err);
      }
    }),
    client.onRequest(STAT_REQUEST, async ({ uri }: UriParams): Promise<StatResult | null> => {
      try {
        return { type: (await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).type };
      } catch {
        return null;
      }
    }),
    client.onRequest(READ_DIRECTORY_REQUEST, async ({ uri }: UriParams): Promise<ReadDirectoryResult | ResponseError<FsErrorData>> => {
      try {
        return { entries: await vscode.workspace.fs.readDirectory(vscode.Uri.parse(uri)) };
      } catch (err) {
        return failure(err);
      }
    }),
  ];
}
