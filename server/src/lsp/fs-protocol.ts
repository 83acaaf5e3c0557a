/**
 * The file-system port's requests, from the language server in a browser to its client: the server
 * has no file system there, so it asks the editor, which answers with `vscode.workspace.fs` (the
 * workspace's own file system: github.dev's repository, vscode.dev's folder, a remote's disk).
 * Changes come as ordinary `workspace/didChangeWatchedFiles` notifications (the server registers a
 * watcher; the client's FileSystemWatcher sends them). Shared by the server (port-files.ts) and the
 * client (client/src/fs-port.ts); no imports, so that both can include it.
 */

/** `{ uri }` → `{ text }`: the file's text, decoded as UTF-8 (a leading byte-order mark dropped). */
export const READ_FILE_REQUEST = 'haulcheck/fs/readFile';
/** `{ uri }` → `{ type }`, or null when nothing is there. */
export const STAT_REQUEST = 'haulcheck/fs/stat';
/** `{ uri }` → `{ entries: [name, type][] }`: the folder's entries. */
export const READ_DIRECTORY_REQUEST = 'haulcheck/fs/readDirectory';

export interface UriParams {
  uri: string;
}

export interface ReadFileResult {
  text: string;
}

export interface StatResult {
  /** VS Code's FileType bits (FILE_TYPE). */
  type: number;
}

export interface ReadDirectoryResult {
  entries: [name: string, type: number][];
}

/** VS Code's `FileType`: a link is a file or folder with the SymbolicLink bit set. */
export const FILE_TYPE = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 } as const;

/**
 * Why a request failed, in the error's `data.code`: VS Code's FileSystemError codes (FileNotFound,
 * FileIsADirectory, FileNotADirectory, NoPermissions, Unavailable), or Unknown.
 */
export interface FsErrorData {
  code: string;
}

/** The JSON-RPC error code of a failed file-system request (in the range reserved for servers and clients). */
export const FS_ERROR = -32050;
