/**
 * Suppression comments in the YAML:
 *   # haulcheck-disable-next-line figures/tablet-mass -- the source says gross weight
 *   value: 2015  # haulcheck-disable-line figures/source-conflict -- reason
 * Without rule ids the comment silences every rule on that line; a family (`figures`) silences its rules.
 */
import type { ParsedFile } from '../yaml/parse';
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

export function parseSuppressions(file: ParsedFile): Suppression[] {
  const out: Suppression[] = [];
  const { lines } = file;
  // Most files have none: one native scan instead of a slice per line.
  if (!file.text.includes('haulcheck-disable')) return out;
  for (let l = 0; l < lines.lineCount; l++) {
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
