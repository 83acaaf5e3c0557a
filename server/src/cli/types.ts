import type { CheckOptions, FileKind, Finding, LineIndex, Omitted } from '../core';

/** One checked file, as the formatters see it. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** The root of the file's dataset (--fix writes nothing outside it). */
  root?: string;
  /** Path relative to the working directory, for display. */
  displayPath: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
  /** What the report's limits left out of `findings` (counted, not shown). */
  omitted?: Omitted;
  /** Findings a baseline hid. */
  hidden?: number;
  /** What the file is to its dataset. */
  kind?: FileKind;
  /** What the file was checked with (for --fix, which re-checks as it fixes). */
  options?: CheckOptions;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Base folder of the URIs and paths written by machine formats (SARIF, rdjson, github, baseline). */
  root: string;
  /** Annotation cap per level for the `github` format. */
  maxAnnotations?: number;
  /** Changed lines (1-based) per absolute path, when --changed-since is used: those come first. */
  changedLines?: Map<string, Set<number> | 'all'>;
  /** Set by the `github` formatter: the markdown for the job summary. */
  summary?: string;
}

/** Where a report goes, piece by piece: a report is never one string (it may be larger than a string can be). */
export type Write = (chunk: string) => void;

/** Writes a report of the results as it goes. */
export type Formatter = (results: FileResult[], ctx: FormatContext, write: Write) => void;

/** A formatter's report as one string (tests and small reports). */
export function formatToString(format: Formatter, results: FileResult[], ctx: FormatContext): string {
  const parts: string[] = [];
  format(results, ctx, (s) => parts.push(s));
  return parts.join('');
}

/** JSON.stringify(value, null, 2), indented as if `depth` levels deep in a larger document. */
export function jsonAt(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, '\n' + '  '.repeat(depth));
}

/**
 * Writes a JSON document (pretty, two spaces) whose array at `key` — empty in `skeleton`, the only
 * `"key": []` in it — is filled with `items` one at a time: byte for byte what JSON.stringify would
 * give for the whole document, without building it.
 */
export function streamJson<T>(write: Write, skeleton: unknown, key: string, items: Iterable<T>): void {
  const text = JSON.stringify(skeleton, null, 2);
  const marker = `${JSON.stringify(key)}: []`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`no empty ${key} in the report`);
  const lineStart = text.lastIndexOf('\n', at) + 1;
  const depth = (at - lineStart) / 2 + 1;
  const pad = '  '.repeat(depth);
  write(text.slice(0, at + marker.length - 1));
  let n = 0;
  for (const item of items) write((n++ ? ',\n' : '\n') + pad + jsonAt(item, depth));
  write((n ? '\n' + '  '.repeat(depth - 1) : '') + text.slice(at + marker.length - 1) + '\n');
}
