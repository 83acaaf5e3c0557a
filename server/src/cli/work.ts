/**
 * The per-file work of `haulcheck check`, shared by the main thread and the worker threads of
 * `--jobs`: read and parse a file (and extract its facts for the dataset index), then check it.
 */
import * as path from 'node:path';
import { type CheckOptions, DatasetIndex, type DatasetLayout, type EventFacts, type FileKind, type Finding, type Omitted, type ParsedFile, checkLimited, extractFacts, parseFile } from '../core';
import { type BaselineHider, type ReportLimits, limitFor } from './limits';
import { type LoadedDataset, kindOf, loadDataset, readTextSync, unreadable, unreadableFinding } from '../node/dataset';

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
  return path.relative(ds.root, file).split(path.sep).join('/');
}

export async function parseItem(ds: LoadedDataset, item: WorkItem, cwd: string): Promise<ParsedItem> {
  let text: string;
  try {
    text = readTextSync(item.file);
  } catch (err) {
    // Not a stop: the file is an error finding in the report, and the others are checked.
    const name = relPath(ds, item.file).startsWith('..') ? path.relative(cwd, item.file) || item.file : relPath(ds, item.file);
    const why = unreadable(err);
    const error = why.startsWith('is ') ? `${name} ${why}: it is not read.` : `The file ${name} ${why}: it is not checked.`;
    // A file named on the command line is reported as unreadable whatever its path would make it.
    return { text: '', file: parseFile(''), kind: kindOf(ds, item.file, '') ?? (item.explicit ? 'event' : undefined), error };
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
