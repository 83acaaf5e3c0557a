/**
 * The dataset as the language server reads it in Node: files named by their absolute paths, read
 * from disk by the CLI's own node/dataset.ts (the same root, config, globs, links and refusals).
 */
import * as path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findDatasetRoot, kindOf, listDataset, loadDataset, readText, readTextSync, unreadable } from '../node/dataset';
import type { DatasetFiles, FileNames } from './host';

export const NODE_NAMES: FileNames = {
  ofUri(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  uri: (file) => pathToFileURL(file).href,
  dirname: (file) => path.dirname(file),
  basename: (file) => path.basename(file),
  resolve: (dir, rel) => path.resolve(dir, rel),
  relative: (root, file) => path.relative(root, file).split(path.sep).join('/'),
  inside: (root, file) => file.startsWith(root + path.sep),
};

export const NODE_FILES: DatasetFiles = {
  names: NODE_NAMES,
  findRoot: async (dir) => findDatasetRoot(dir),
  load: (root, live) => loadDataset(root, undefined, live),
  list: listDataset,
  kindOf,
  readText,
  readTextNow: readTextSync,
  exists: async (file) => existsSync(file),
  unreadable,
  isMissing: (err) => (err as NodeJS.ErrnoException)?.code === 'ENOENT',
};
