import type { Finding, LineIndex } from '../core';

/** One checked file, as the formatters see it. */
export interface FileResult {
  /** Absolute path. */
  path: string;
  /** Path relative to the working directory, for display. */
  displayPath: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
}

export interface FormatContext {
  cwd: string;
  color: boolean;
}

export type Formatter = (results: FileResult[], ctx: FormatContext) => string;
