/**
 * Applying fixes: minimal text edits, never overlapping, repeated until the text is stable.
 * Shared by the CLI's --fix and the language server's "fix all".
 */
import { type CheckOptions, checkParsed } from './engine';
import { parseFile } from '../yaml/parse';
import type { FileKind, Finding, Fix, FixSafety, TextEdit } from '../base/types';

/** Applies edits to a text. Edits that overlap an edit already applied are skipped and returned. */
export function applyEdits(text: string, edits: readonly TextEdit[]): { text: string; skipped: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  const skipped: TextEdit[] = [];
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    out.push(text.slice(pos, e.start), e.newText);
    pos = e.end;
  }
  out.push(text.slice(pos));
  return { text: out.join(''), skipped };
}

/**
 * The fixes of these findings that may be applied at the given level (safe ⊂ unsafe): the first of
 * each finding. A finding whose first fix renames the file gets none: a later fix is a second choice
 * (an id changed to match a misspelt file name), not a text form of the first.
 */
export function fixesAt(findings: readonly Finding[], level: FixSafety): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    const fix = f.fixes?.find((x) => x.safety === 'safe' || level === 'unsafe');
    if (fix && fix.renameTo === undefined) out.push(fix);
  }
  return out;
}

/** Applies whole fixes (all edits of a fix or none), skipping any that overlaps one already taken. */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[] } {
  const taken: Fix[] = [];
  const ranges: [number, number][] = [];
  const overlaps = (e: TextEdit) => ranges.some(([s, t]) => e.start < t && s < e.end || (e.start === e.end && e.start >= s && e.start < t));
  for (const f of fixes) {
    if (f.edits.some(overlaps)) continue;
    taken.push(f);
    for (const e of f.edits) ranges.push([e.start, e.end]);
  }
  return { text: applyEdits(text, taken.flatMap((f) => f.edits)).text, applied: taken };
}

export interface FixResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
  /** Findings left after the last pass. */
  findings: Finding[];
}

/** Checks and fixes repeatedly until no fix applies (at most `maxPasses` times). */
export function fixText(text: string, kind: FileKind, options: CheckOptions, level: FixSafety, maxPasses = 10): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  let findings = checkParsed(parseFile(current), kind, options);
  while (passes < maxPasses) {
    const fixes = fixesAt(findings, level);
    if (fixes.length === 0) break;
    const r = applyFixes(current, fixes);
    if (r.applied.length === 0 || r.text === current) break;
    current = r.text;
    applied += r.applied.length;
    passes++;
    findings = checkParsed(parseFile(current), kind, options);
  }
  return { text: current, applied, passes, findings };
}
