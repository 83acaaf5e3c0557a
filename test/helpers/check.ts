/** One `check()` helper for core tests: text in, compact findings out. Keeps tests off internals. */
import { type CheckOptions, type FileKind, type Finding, checkText } from '../../server/src/core';

export interface Compact {
  ruleId: string;
  /** 1-based line:column (UTF-16 columns), as editors and the CLI show them. */
  at: string;
  message: string;
}

export function check(text: string, kind: FileKind = 'event', options: CheckOptions = {}): Finding[] {
  return checkText(text, kind, options).findings;
}

export function compact(findings: Finding[]): Compact[] {
  return findings.map((f) => ({ ruleId: f.ruleId, at: `${f.range.start.line + 1}:${f.range.start.character + 1}`, message: f.message }));
}

/** `ruleId line:col` strings, the form used in fixture expectations. */
export function brief(findings: Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

/** Splits `text with | cursor` into the text and the cursor offset. */
export function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker in test text');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}
