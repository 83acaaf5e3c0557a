/**
 * The plain data every shell (CLI, language server, tests) shares.
 * Nothing here depends on LSP, the file system or the terminal.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** A severity as configured: `off` disables a rule. */
export type SeverityLevel = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

/** A place in a text: offset in UTF-16 code units, 0-based line, 0-based UTF-16 character. */
export interface Position {
  offset: number;
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A replacement of the text between two offsets (UTF-16 code units). */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/**
 * `safe` fixes never change what the data means and may run on save / `--fix`;
 * `unsafe` fixes choose between facts and are applied only by hand / `--unsafe-fixes`.
 */
export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
  /**
   * A fix that renames the file instead of editing its text (no edits): the new path, relative to the
   * dataset root. Editors apply it as a file rename; text-only shells (the CLI's --fix) leave it.
   */
  renameTo?: string;
}

/** Another place that takes part in a finding: the other side of a disagreement, a source it names. */
export interface RelatedInformation {
  /** What this place says, e.g. "thenational: about 215 kg". */
  message: string;
  /** JSON pointer of the value, in the same document as the finding. */
  pointer: string;
  range: Range;
}

export interface Finding {
  /** Stable rule id, e.g. `schema/required`, `yaml/syntax`. */
  ruleId: string;
  severity: Severity;
  /** A sentence for a data maintainer, with the numbers in it. */
  message: string;
  /** Which of the rule's message templates produced the message. */
  messageId?: string;
  range: Range;
  /** JSON pointer (RFC 6901) of the value concerned, relative to its YAML document. */
  pointer: string;
  /** Index of the YAML document in a multi-document file. */
  docIndex: number;
  /** Machine-readable details (for fixes, hovers and output formats). */
  data?: Record<string, unknown>;
  fixes?: Fix[];
  /** The other values or places the finding is about (each side of a disagreement, with its sources). */
  related?: RelatedInformation[];
}

/** What a file is to the dataset; decides which schema and rules apply. */
export type FileKind = 'event' | 'drugs' | 'agencies' | 'config';

export const FILE_KINDS: readonly FileKind[] = ['event', 'drugs', 'agencies', 'config'];
