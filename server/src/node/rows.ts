/**
 * A dataset read for analysis from disk (shell/rows.ts), for `haulcheck report`, `haulcheck export`
 * and the editor's dataset overview; and the datasets a command line names.
 */
import * as path from 'node:path';
import { statSync } from 'node:fs';
import { type DatasetRows, type RowSink, type RowsReader, type RowsRequest, eachRow as eachRowOf, readRows } from '../shell/rows';
import { findDatasetRoot, kindOf, listDatasetFiles, loadDataset, readTextSync } from './dataset';

export type { DatasetRows, RowSink, RowsRequest } from '../shell/rows';

/** The dataset's files on disk. */
export const DISK_ROWS: RowsReader = {
  load: loadDataset,
  list: listDatasetFiles,
  read: readTextSync,
  kindOf,
  relative: (root, file) => path.relative(root, file).split(path.sep).join('/'),
};

export function datasetRows(req: RowsRequest): Promise<DatasetRows> {
  return readRows(DISK_ROWS, req);
}

/** Each event's row of a dataset on disk, given to `sink` as it is made (see shell/rows.ts). */
export function eachRow(req: RowsRequest, sink: RowSink): Promise<Omit<DatasetRows, 'rows'>> {
  return eachRowOf(DISK_ROWS, req, sink);
}

/**
 * The datasets the paths name, as `haulcheck check` reads them: a folder is the dataset it belongs to
 * (its files under the folder), a file is read as an event of the dataset around it.
 */
export async function datasetsOf(paths: readonly string[], cwd: string): Promise<Map<string, Set<string> | undefined>> {
  const out = new Map<string, Set<string> | undefined>();
  const list = paths.length ? paths : [findDatasetRoot(cwd) ?? ''];
  if (!list[0]) throw new Error(`No haulcheck.yaml found in ${cwd} or above; give the dataset folder or files.`);
  for (const p of list) {
    const abs = path.resolve(cwd, p);
    let dir: boolean;
    try {
      dir = statSync(abs).isDirectory();
    } catch {
      throw new Error(`Cannot read ${p}: no such file or folder.`);
    }
    const root = (dir ? findDatasetRoot(abs) : findDatasetRoot(path.dirname(abs))) ?? (dir ? abs : path.dirname(abs));
    if (dir && abs === root) {
      out.set(root, undefined);
      continue;
    }
    if (out.has(root) && out.get(root) === undefined) continue;
    const set = out.get(root) ?? new Set<string>();
    if (dir) {
      const ds = await loadDataset(root);
      for (const f of await listDatasetFiles(ds)) if (f.startsWith(abs + path.sep)) set.add(f);
    } else set.add(abs);
    out.set(root, set);
  }
  return out;
}
