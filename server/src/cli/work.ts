/**
 * The per-file work of `haulcheck check`, shared by the main thread and the worker threads of
 * `--jobs`: read and parse a file (and extract its facts for the dataset index), then check it.
 */
import * as path from 'node:path';
import { type CheckOptions, DatasetIndex, type DatasetLayout, type EventFacts, type FileKind, type Finding, type Omitted, type ParsedFile, checkLimited, checkParsed, extractFacts, limitFindings, parseFile } from '../core';
import { type BaselineHider, type ReportLimits, limitFor } from './limits';
import { type LoadedDataset, kindOf, loadDataset, readTextSync, unreadable, unreadableFinding } from '../node/dataset';
import { type Dep, Recorder } from './cache';

export class UsageError extends Error {}
export class InputError extends Error {}

export interface DatasetSpec {
  root: string;
  ruleOverrides?: Record<string, unknown>;
  /** Overrides today (YYYY-MM-DD). */
  today?: string;
  /** What the dataset's globs matched, found by the main thread (worker threads do not list files). */
  layout?: DatasetLayout;
}

/** One file to read: a dataset file (for the index) and/or a file named on the command line. */
export interface WorkItem {
  root: string;
  file: string;
  explicit: boolean;
  /** The text, when it was read already (a run with a cache hashed it): it is not read again. */
  text?: string;
}

export interface ParsedItem {
  text: string;
  /**
   * The parse, kept from the indexing pass to the checking pass. It is lazy (values only): a
   * document's tree is read again when a rule or a finding needs it, so memory stays at the values
   * (a few KB an event) however large the run.
   */
  file: ParsedFile;
  kind?: FileKind;
  /** The event's facts, for the dataset index (event files only). */
  facts?: EventFacts[];
  /** Why the file could not be read (it is reported as an io/unreadable finding, not checked). */
  error?: string;
}

/** Facts of one dataset, in the order the index is built (the same in every thread). */
export type FactsList = [rel: string, facts: EventFacts[]][];

/** Loads a dataset; a haulcheck.yaml that cannot be read, or an impossible `today`, stops the run (exit 2). */
export async function openDataset(spec: DatasetSpec): Promise<LoadedDataset> {
  const ds = await loadDataset(spec.root, spec.ruleOverrides);
  if (ds.problems.length) throw new InputError(`${ds.problems.join('; ')} (in the dataset ${spec.root}).`);
  if (spec.today) ds.context.today = spec.today;
  if (spec.layout) ds.context.layout = { ...ds.context.layout, ...spec.layout };
  return ds;
}

export function relPath(ds: LoadedDataset, file: string): string {
  // Most files are under the root as listed: their path past it (path.relative is slow for 10,000 files).
  const root = ds.root.endsWith(path.sep) ? ds.root : ds.root + path.sep;
  if (file.startsWith(root) && !file.includes(`${path.sep}..${path.sep}`) && !file.includes(`${path.sep}.${path.sep}`) && !file.includes(path.sep + path.sep)) {
    const rel = file.slice(root.length);
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }
  return path.relative(ds.root, file).split(path.sep).join('/');
}

/** A file's text, or the item that reports why it cannot be read. */
export function readItem(ds: LoadedDataset, item: WorkItem, cwd: string): { text: string } | { failed: ParsedItem } {
  try {
    return { text: readTextSync(item.file) };
  } catch (err) {
    // Not a stop: the file is an error finding in the report, and the others are checked.
    const name = relPath(ds, item.file).startsWith('..') ? path.relative(cwd, item.file) || item.file : relPath(ds, item.file);
    const why = unreadable(err);
    const error = why.startsWith('is ') ? `${name} ${why}: it is not read.` : `The file ${name} ${why}: it is not checked.`;
    // A file named on the command line is reported as unreadable whatever its path would make it.
    return { failed: { text: '', file: parseFile(''), kind: kindOf(ds, item.file, '') ?? (item.explicit ? 'event' : undefined), error } };
  }
}

/** Reads (unless its text is given) and parses a file, and extracts its facts. */
export async function parseItem(ds: LoadedDataset, item: WorkItem, cwd: string, given?: string): Promise<ParsedItem> {
  return parseItemSync(ds, item, cwd, given);
}

/** The same, synchronously (the work is; the promise lets a shell yield between files). */
export function parseItemSync(ds: LoadedDataset, item: WorkItem, cwd: string, given?: string): ParsedItem {
  let text: string;
  if (given !== undefined) text = given;
  else {
    const read = readItem(ds, item, cwd);
    if ('failed' in read) return read.failed;
    text = read.text;
  }
  const file = parseFile(text, undefined, { trees: 'lazy' });
  const kind = kindOf(ds, item.file, text);
  const facts = kind === 'event' ? extractFacts(relPath(ds, item.file), file) : undefined;
  return { text, file, kind, facts };
}

export function buildIndex(facts: FactsList): DatasetIndex {
  const index = new DatasetIndex();
  for (const [rel, f] of facts) index.set(rel, f);
  return index;
}

export function checkOptions(ds: LoadedDataset, index: DatasetIndex, file: string): CheckOptions {
  return { config: ds.config, dataset: { ...ds.context, index }, path: relPath(ds, file) };
}

/** What the report keeps of each file: its limits, and the baseline's findings hidden. Without it, every finding. */
export interface Keeping {
  limits: ReportLimits;
  baseline?: BaselineHider;
}

export interface Checked {
  findings: Finding[];
  omitted?: Omitted;
  hidden?: number;
}

export function checkItem(ds: LoadedDataset, index: DatasetIndex, item: WorkItem, parsed: ParsedItem, keeping?: Keeping): Checked {
  if (parsed.error) return { findings: [unreadableFinding(parsed.error)] };
  // One pass: nothing is kept for a next version of the file.
  const options = { ...checkOptions(ds, index, item.file), reuse: false };
  if (!keeping) return checkLimited(parsed.file, parsed.kind!, options);
  const hider = keeping.baseline?.forFile(item.file);
  const checked = checkLimited(parsed.file, parsed.kind!, options, limitFor(keeping.limits, hider?.hide));
  return { ...checked, hidden: hider?.hidden() };
}

/**
 * A file's findings as the report keeps them, when they were worked out in full (the cache keeps
 * every finding): the baseline's hidden, then the limits. The same as checkItem's with `keeping`.
 */
export function keptOf(file: string, findings: Finding[], keeping: Keeping | undefined): Checked {
  if (!keeping) return { findings };
  const hider = keeping.baseline?.forFile(file);
  return { ...limitFindings(findings, limitFor(keeping.limits, hider?.hide)), hidden: hider?.hidden() };
}

/** The same, noting what the check read beyond the file's text (for --cache; see cache.ts). */
export function checkRecorded(ds: LoadedDataset, index: DatasetIndex, item: WorkItem, parsed: ParsedItem): { findings: Finding[]; deps?: Dep[] } {
  if (parsed.error) return { findings: [unreadableFinding(parsed.error)] };
  const rec = new Recorder();
  const findings = checkParsed(parsed.file, parsed.kind!, { config: ds.config, dataset: rec.context(ds.context, index), path: relPath(ds, item.file) });
  return { findings, deps: rec.finish(parsed.file, ds.context.today) };
}
