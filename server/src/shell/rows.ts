/**
 * A dataset read for analysis, shared by `haulcheck report`, `haulcheck export` and the editor's
 * dataset overview: every file read and indexed, each event checked with every rule (so its findings
 * are those `haulcheck check` reports), and read as a row (core/report). One thread, one file at a
 * time: the texts and trees are dropped as soon as an event's row is made. The files are read
 * through a RowsReader: from disk (node/rows.ts), or through the editor (the language server in a browser).
 */
import { DatasetIndex, type EventFacts, type EventRow, type FileKind, type ParsedFile, checkParsed, detachedDeep, eventRow, extractFacts, parseFile, rangeForPointer } from '../core';
import type { LoadedDataset } from './dataset';

/** How the rows' files are read. */
export interface RowsReader {
  load(root: string, overrides?: Record<string, unknown>, live?: (file: string) => string | undefined): Promise<LoadedDataset>;
  /** Every file of the dataset. */
  list(ds: LoadedDataset): Promise<string[]>;
  /** A file's text: without a promise where the host reads synchronously. Throws when it cannot be read. */
  read(file: string): string | Promise<string>;
  kindOf(ds: LoadedDataset, file: string, text: string): FileKind | undefined;
  /** `file` relative to `root`, '/'-separated. */
  relative(root: string, file: string): string;
}

export interface RowsRequest {
  /** The dataset's root (the folder of its haulcheck.yaml). */
  root: string;
  /** The event files to read as rows; every event of the dataset when absent. */
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

/** Where `eachRow` puts what it reads: the dataset once it is loaded, then each event's row as it is made. */
export interface RowSink {
  dataset?(dataset: LoadedDataset): void;
  row(row: EventRow): void;
}

/** Every row of a dataset at once (see `eachRow`). */
export async function readRows(reader: RowsReader, req: RowsRequest): Promise<DatasetRows> {
  const rows: EventRow[] = [];
  // Kept after their files' texts: copies (see `detached`).
  const r = await eachRow(reader, req, { row: (row) => rows.push(detachedDeep(row)) });
  return { ...r, rows };
}

/**
 * Reads a dataset and gives each event's row to `sink` as it is made, in file order: what uses the
 * rows (a summary, an export) need not hold them all. A row's strings are views into its file's text:
 * what is kept of it should be copied (`detachedDeep`).
 */
export async function eachRow(reader: RowsReader, req: RowsRequest, sink: RowSink): Promise<Omit<DatasetRows, 'rows'>> {
  const rel = (root: string, file: string) => reader.relative(root, file);
  const dataset = await reader.load(req.root, req.ruleOverrides, req.live);
  if (req.today) dataset.context.today = req.today;
  sink.dataset?.(dataset);
  const files = await reader.list(dataset);
  const read = (file: string) => req.live?.(file) ?? reader.read(file);
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
      const t = read(file);
      text = typeof t === 'string' ? t : await t;
    } catch (err) {
      unreadable.push({ file, message: (err as Error).message });
      continue;
    }
    if (reader.kindOf(dataset, file, text) !== 'event') continue;
    const parsed = parseFile(text, undefined, { trees: 'lazy' });
    const facts = extractFacts(rel(req.root, file), parsed);
    index.set(rel(req.root, file), facts);
    if (!req.files || req.files.has(file)) events.push({ file, text, facts });
  }
  // Second pass: check each event and read it as rows; the parse goes once its rows are made.
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
      if (row) sink.row(row);
    }
    events[i] = undefined as unknown as (typeof events)[number];
  }
  return { dataset, unreadable };
}
