/**
 * Suppression comments in the YAML:
 *   # haulcheck-disable-next-line figures/tablet-mass -- the source says gross weight
 *   value: 2015  # haulcheck-disable-line figures/source-conflict -- reason
 * Without rule ids the comment silences every rule on that line; a family (`figures`) silences its rules.
 */
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import type { Finding } from '../base/types';

export interface Suppression {
  /** 0-based line the suppression applies to. */
  line: number;
  /** 0-based line of the comment itself. */
  commentLine: number;
  /** Offsets of the comment (from `#` to the end of the line). */
  start: number;
  end: number;
  /** Rule ids or families; empty = every rule. */
  rules: string[];
  reason?: string;
  kind: 'next-line' | 'line';
  /** The comment is alone on its line (so a fix may delete the whole line). */
  ownLine: boolean;
  used: Set<string>;
}

const COMMENT = /(^|\s)#\s*haulcheck-disable-(next-line|line)\b([^\n\r]*)$/;

const MARK = 'haulcheck-disable';

/** Where the mark is in each document's text (offsets from its start), kept with the document (reused ones keep it). */
const marksOf = new WeakMap<ParsedDocument, { length: number; at: number[] }>();

/** Offsets of the mark within `text[from, to)` (the search stops at `to`). */
function occurrences(text: string, from: number, to: number, out: number[]): void {
  if (to - from < MARK.length) return;
  const part = text.slice(from, to);
  for (let i = part.indexOf(MARK); i >= 0; i = part.indexOf(MARK, i + 1)) out.push(from + i);
}

/**
 * The lines that hold the mark, in order. Each document's text is searched once (a document the
 * next version of the file reuses keeps what was found); the text between documents, and across each
 * document's edges, is searched every time (a few characters): an edit in a long stream does not
 * search all of it again.
 */
function markedLines(file: ParsedFile): number[] {
  const { text, lines } = file;
  const at: number[] = [];
  const window = MARK.length - 1;
  let pos = 0;
  for (const d of file.docs) {
    if (d.start < pos || d.end < d.start || d.end > text.length) return markedLinesOfAll(file); // documents out of order: search it all
    occurrences(text, Math.max(0, pos - window), Math.min(text.length, d.start + window), at);
    let m = marksOf.get(d);
    if (!m || m.length !== d.end - d.start) {
      const found: number[] = [];
      occurrences(text, d.start, d.end, found);
      marksOf.set(d, (m = { length: d.end - d.start, at: found.map((o) => o - d.start) }));
    }
    for (const o of m.at) at.push(d.start + o);
    pos = d.end;
  }
  occurrences(text, Math.max(0, pos - window), text.length, at);
  const out = [...new Set(at.map((o) => lines.position(o).line))];
  return out.sort((a, b) => a - b);
}

function markedLinesOfAll(file: ParsedFile): number[] {
  const at: number[] = [];
  occurrences(file.text, 0, file.text.length, at);
  return [...new Set(at.map((o) => file.lines.position(o).line))].sort((a, b) => a - b);
}

export function parseSuppressions(file: ParsedFile): Suppression[] {
  const out: Suppression[] = [];
  const { lines } = file;
  for (const l of markedLines(file)) {
    const text = lines.lineText(l);
    if (!text.includes('haulcheck-disable')) continue;
    const m = COMMENT.exec(text);
    if (!m) continue;
    const hash = m.index + m[1].length;
    const [spec, ...reasonParts] = m[3].split(/\s--\s?/);
    const rules = spec
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const start = lines.lineStarts[l] + hash;
    out.push({
      line: m[2] === 'next-line' ? l + 1 : l,
      commentLine: l,
      start,
      end: lines.lineStarts[l] + text.length,
      rules,
      reason: reasonParts.join(' -- ').trim() || undefined,
      kind: m[2] as 'next-line' | 'line',
      ownLine: text.slice(0, hash).trim() === '',
      used: new Set(),
    });
  }
  return out;
}

const linesOf = new WeakMap<readonly Suppression[], Map<number, Suppression[]>>();

function covers(s: Suppression, ruleId: string): string | undefined {
  if (s.rules.length === 0) return '*';
  return s.rules.find((r) => r === ruleId || ruleId.startsWith(r + '/'));
}

/** Drops suppressed findings and records which suppressions were used. Never suppresses internal errors. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): Finding[] {
  if (suppressions.length === 0) return [...findings];
  // By line, once per list (the engine applies one list to each document's findings in turn).
  let byLine = linesOf.get(suppressions);
  if (!byLine) {
    byLine = new Map();
    for (const s of suppressions) {
      const l = byLine.get(s.line);
      if (l) l.push(s);
      else byLine.set(s.line, [s]);
    }
    linesOf.set(suppressions, byLine);
  }
  return findings.filter((f) => {
    if (f.ruleId.startsWith('internal/')) return true;
    for (const s of byLine!.get(f.range.start.line) ?? []) {
      const c = covers(s, f.ruleId);
      if (c) {
        s.used.add(c);
        return false;
      }
    }
    return true;
  });
}
