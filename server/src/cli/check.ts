/** `haulcheck check`: resolve the paths to dataset files, check each, return results. */
import { promises as fsp, statSync } from 'node:fs';
import * as path from 'node:path';
import { DatasetIndex, type ParsedFile, checkParsed, extractFacts, parseFile } from '../core';
import { type LoadedDataset, findDatasetRoot, isInside, kindOf, listDatasetFiles, loadDataset, readText } from '../node/dataset';
import type { FileResult } from './types';

export class UsageError extends Error {}
export class InputError extends Error {}

export interface CheckRequest {
  paths: string[];
  cwd: string;
  ruleOverrides?: Record<string, unknown>;
  /** Overrides today (YYYY-MM-DD) for reproducible runs. */
  today?: string;
}

interface Target {
  file: string;
  explicit: boolean;
  dataset: LoadedDataset;
}

export async function runCheck(req: CheckRequest): Promise<FileResult[]> {
  const datasets = new Map<string, LoadedDataset>();
  const getDataset = async (root: string) => {
    let ds = datasets.get(root);
    if (!ds) {
      ds = await loadDataset(root, req.ruleOverrides);
      if (req.today) ds.context.today = req.today;
      datasets.set(root, ds);
    }
    return ds;
  };
  const targets: Target[] = [];
  const paths = req.paths.length ? req.paths : [findDatasetRoot(req.cwd) ?? ''];
  if (!paths[0]) throw new UsageError(`No ${'haulcheck.yaml'} found in ${req.cwd} or above; give the dataset folder or files to check.`);
  for (const p of paths) {
    const abs = path.resolve(req.cwd, p);
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new InputError(`Cannot read ${p}: no such file or folder.`);
    }
    if (st.isDirectory()) {
      const root = findDatasetRoot(abs) ?? abs;
      const ds = await getDataset(root);
      const files = await listDatasetFiles(ds);
      for (const f of files) if (isInside(abs, f)) targets.push({ file: f, explicit: false, dataset: ds });
    } else {
      const root = findDatasetRoot(path.dirname(abs)) ?? path.dirname(abs);
      targets.push({ file: abs, explicit: true, dataset: await getDataset(root) });
    }
  }
  // Pass 1: parse every event file of each dataset once and index its facts, so that dataset-wide
  // rules see the whole dataset even when only some files are checked.
  const parsedCache = new Map<string, { text: string; file: ParsedFile }>();
  const load = async (f: string) => {
    let c = parsedCache.get(f);
    if (!c) {
      let text: string;
      try {
        text = await readText(f);
      } catch (err) {
        throw new InputError(`Cannot read ${path.relative(req.cwd, f) || f}: ${(err as Error).message}`);
      }
      c = { text, file: parseFile(text) };
      parsedCache.set(f, c);
    }
    return c;
  };
  const indexes = new Map<LoadedDataset, DatasetIndex>();
  for (const ds of new Set(targets.map((t) => t.dataset))) {
    const index = new DatasetIndex();
    for (const f of await listDatasetFiles(ds)) {
      const { text, file } = await load(f);
      if (kindOf(ds, f, text, false) === 'event') index.set(relPath(ds, f), extractFacts(relPath(ds, f), file));
    }
    indexes.set(ds, index);
  }
  // Pass 2: check.
  const seen = new Set<string>();
  const results: FileResult[] = [];
  for (const t of targets) {
    if (seen.has(t.file)) continue;
    seen.add(t.file);
    const { text, file } = await load(t.file);
    const kind = kindOf(t.dataset, t.file, text, t.explicit);
    if (!kind) continue;
    const index = indexes.get(t.dataset)!;
    const rel = relPath(t.dataset, t.file);
    if (kind === 'event' && !index.has(rel)) index.set(rel, extractFacts(rel, file));
    const findings = checkParsed(file, kind, {
      config: t.dataset.config,
      dataset: { ...t.dataset.context, index },
      path: rel,
    });
    results.push({ path: t.file, displayPath: path.relative(req.cwd, t.file) || t.file, text, lines: file.lines, findings });
  }
  return results;
}

function relPath(ds: LoadedDataset, file: string): string {
  return path.relative(ds.root, file).split(path.sep).join('/');
}

export async function fileExists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}
