import type { CheckOptions, FileKind, Finding, LineIndex } from '../core';

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

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
