/**
 * A dataset read for analysis, shared by `haulcheck report`, `haulcheck export` and the editor's
 * dataset overview: every file read and indexed, each event checked with every rule (so its findings
 * are those `haulcheck check` reports), and read as a row (core/report). One thread, one file at a
 * time: the texts and trees are dropped as soon as an event's row is made.
 */
import * as path from 'node:path';
import { statSync } from 'node:fs';
import { DatasetIndex, type EventFacts, type EventRow, type ParsedFile, checkParsed, eventRow, extractFacts, parseFile, rangeForPointer } from '../core';
import { type LoadedDataset, findDatasetRoot, kindOf, listDatasetFiles, loadDataset, readTextSync } from './dataset';

export interface RowsRequest {
  /** The dataset's root (the folder of its haulcheck.yaml). */
  root: string;
  /** The event files to read as rows (absolute); every event of the dataset when absent. */
  files?: ReadonlySet<string>;
  /** Unsaved editor text of a file, when there is some. */
  live?: (file: string) => string | undefined;
  today?: string;
  ruleOverrides?: Record<string, unknown>;
}

export interface DatasetRows {
  dataset: LoadedDataset;
  rows: EventRow[];
  /** Files that could not be read (with why). */
  unreadable: { file: string; message: string }[];
}

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

export async function datasetRows(req: RowsRequest): Promise<DatasetRows> {
  const dataset = await loadDataset(req.root, req.ruleOverrides, req.live);
  if (req.today) dataset.context.today = req.today;
  const files = await listDatasetFiles(dataset);
  const read = (file: string) => req.live?.(file) ?? readTextSync(file);
  // First pass: the facts of every event, for the dataset-wide rules.
  const index = new DatasetIndex();
  // Only the texts are kept between the passes: a parse is quicker to make again than to hold (the
  // values of 10,000 events are about 100 MB).
  const events: { file: string; text: string; facts: EventFacts[] }[] = [];
  const unreadable: DatasetRows['unreadable'] = [];
  const extra = [...(req.files ?? [])].filter((f) => !files.includes(f));
  for (const file of [...files, ...extra]) {
    let text: string;
    try {
      text = read(file);
    } catch (err) {
      unreadable.push({ file, message: (err as Error).message });
      continue;
    }
    if (kindOf(dataset, file, text) !== 'event') continue;
    const parsed = parseFile(text, undefined, { trees: 'lazy' });
    const facts = extractFacts(rel(req.root, file), parsed);
    index.set(rel(req.root, file), facts);
    if (!req.files || req.files.has(file)) events.push({ file, text, facts });
  }
  // Second pass: check each event and read it as rows; the parse goes once its rows are made.
  const rows: EventRow[] = [];
  for (let i = 0; i < events.length; i++) {
    const { file, text, facts } = events[i];
    const path = rel(req.root, file);
    const parsed: ParsedFile = parseFile(text, undefined, { trees: 'lazy' });
    const findings = checkParsed(parsed, 'event', { config: dataset.config, dataset: { ...dataset.context, index }, path });
    for (const doc of parsed.docs) {
      const lineOf = (pointer: string) => {
        try {
          return parsed.lines.position(rangeForPointer(parsed, doc, pointer, 'key')[0]).line;
        } catch {
          return undefined;
        }
      };
      const row = eventRow({
        value: doc.value,
        file: path,
        docIndex: doc.index,
        idLine: facts.find((f) => f.docIndex === doc.index)?.idLine ?? parsed.lines.position(doc.start).line,
        findings: findings.filter((f) => f.docIndex === doc.index),
        lineOf,
      });
      if (row) rows.push(row);
    }
    events[i] = undefined as unknown as (typeof events)[number];
  }
  return { dataset, rows, unreadable };
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
