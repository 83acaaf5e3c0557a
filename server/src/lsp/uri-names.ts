/**
 * Files named by their URIs (the language server in a browser: `vscode-vfs://github/owner/repo/…`,
 * `vscode-remote://host/…`), with vscode-uri: a URI is written as VS Code writes it (`toString()`),
 * so that the server's names and the client's URIs are the same strings.
 */
import { URI, Utils } from 'vscode-uri';
import type { FileNames } from './host';

/** A URI as VS Code writes it, or undefined when it is not one. */
function normal(uri: string): string | undefined {
  try {
    return URI.parse(uri).toString();
  } catch {
    return undefined;
  }
}

/** Whether two URIs are on the same file system (scheme and authority). */
const sameSpace = (a: URI, b: URI) => a.scheme === b.scheme && a.authority === b.authority;

/** The path of `file` below `root` ('/'-separated, decoded), or undefined when it is not below it. */
function below(root: URI, file: URI): string | undefined {
  if (!sameSpace(root, file)) return undefined;
  const base = root.path.endsWith('/') ? root.path : root.path + '/';
  return file.path.startsWith(base) ? file.path.slice(base.length) : undefined;
}

export const URI_NAMES: FileNames = {
  // An untitled document has no file; every other scheme is the editor's to read.
  ofUri: (uri) => (uri.startsWith('untitled:') ? undefined : normal(uri)),
  uri: (file) => file,
  dirname: (file) => Utils.dirname(URI.parse(file)).toString(),
  basename: (file) => Utils.basename(URI.parse(file)),
  resolve: (dir, rel) => Utils.resolvePath(URI.parse(dir), rel).toString(),
  relative(root, file) {
    const r = URI.parse(root);
    const f = URI.parse(file);
    const inside = below(r, f);
    if (inside !== undefined) return inside;
    if (!sameSpace(r, f)) return f.path;
    // Outside the root: up from it, as path.relative says it.
    const a = r.path.split('/').filter(Boolean);
    const b = f.path.split('/').filter(Boolean);
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  },
  inside(root, file) {
    const rel = below(URI.parse(root), URI.parse(file));
    return rel !== undefined && rel !== '';
  },
};
