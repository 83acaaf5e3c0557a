/**
 * What a report shows of a file: at most --max-findings-per-file findings, and of one rule at most
 * --max-findings-per-rule; the others are counted, and a last finding (`output/truncated`) says how
 * many were left out and how to see them. The exit code and the summary line count every finding.
 * Findings a baseline hides are dropped first: they take no place.
 */
import { type Finding, type FindingLimit, INTERNAL_RULE_ID, type Omitted, SEVERITY_RANK, type Severity, formatNumber } from '../core';
import { keyOf, keyString, repoPath } from './keys';
import type { BaselineEntry } from './baseline';
import { UNREADABLE_RULE_ID } from '../node/dataset';
import type { FileResult } from './types';

export const DEFAULT_MAX_FINDINGS_PER_FILE = 1000;
export const DEFAULT_MAX_FINDINGS_PER_RULE = 100;

/** The id of the last finding of a file whose findings were not all shown. Not a rule of the core. */
export const TRUNCATED_RULE_ID = 'output/truncated';

export interface ReportLimits {
  perFile: number;
  perRule: number;
}

/** A baseline, for hiding its findings while files are checked (here or in a worker thread). */
export interface BaselineSpec {
  entries: BaselineEntry[];
  /** The folder its paths are relative to (--root). */
  root: string;
}

/** The baseline's counts by file, then by key (built once; each file's share is used on its own). */
export class BaselineHider {
  private readonly byFile = new Map<string, Map<string, number>>();

  constructor(private readonly spec: BaselineSpec) {
    for (const e of spec.entries) {
      let m = this.byFile.get(e.file);
      if (!m) this.byFile.set(e.file, (m = new Map()));
      const k = keyString(e);
      m.set(k, (m.get(k) ?? 0) + e.count);
    }
  }

  /**
   * A predicate that hides the baseline's findings of one file, each key up to its count (a second
   * identical problem still shows), with how many it hid. Fresh counts each call.
   */
  forFile(path: string): { hide: (f: Finding) => boolean; hidden: () => number } {
    let hidden = 0;
    const left = new Map(this.byFile.get(repoPath(this.spec.root, path)) ?? []);
    const hide = (f: Finding) => {
      // Internal errors and what could not be read always show.
      if (left.size === 0 || f.ruleId === INTERNAL_RULE_ID || f.ruleId === UNREADABLE_RULE_ID) return false;
      const k = keyString(keyOf(this.spec.root, path, f));
      const n = left.get(k) ?? 0;
      if (n <= 0) return false;
      left.set(k, n - 1);
      hidden++;
      return true;
    };
    return { hide, hidden: () => hidden };
  }
}

/** The limit for one file's findings (a cap of 0 is no cap). */
export function limitFor(limits: ReportLimits, hide?: (f: Finding) => boolean): FindingLimit {
  return { perFile: limits.perFile, perRule: limits.perRule, hide };
}

const plural = (n: number, one: string, many = one + 's') => `${formatNumber(n)} ${n === 1 ? one : many}`;

/** The last finding of a file whose findings were not all shown: how many, of which rules, and how to see them. */
export function truncatedFinding(omitted: Omitted, limits: ReportLimits): Finding {
  const rules = omitted.byRule
    .slice(0, 5)
    .map(([id, n]) => `${formatNumber(n)} ${id}`)
    .join(', ');
  const moreRules = omitted.byRule.length > 5 ? ` and ${plural(omitted.byRule.length - 5, 'other rule')}` : '';
  const caps = [limits.perFile > 0 ? `${formatNumber(limits.perFile)} a file` : '', limits.perRule > 0 ? `${formatNumber(limits.perRule)} of one rule` : ''].filter(Boolean).join(' and ');
  const severity = (['error', 'warning', 'info', 'hint'] as Severity[]).find((s) => omitted.bySeverity[s] > 0) ?? 'info';
  const message =
    `${plural(omitted.total, 'more finding')} in this file ${omitted.total === 1 ? 'is' : 'are'} not shown (${rules}${moreRules}): the report shows at most ${caps}. ` +
    'They count in the summary and the exit code. Fix the ones shown first, or run with --max-findings-per-file 0 --max-findings-per-rule 0 to see them all.';
  return {
    ruleId: TRUNCATED_RULE_ID,
    severity,
    message,
    range: omitted.first.range,
    pointer: omitted.first.pointer,
    docIndex: omitted.first.docIndex,
    data: { omitted: omitted.total, byRule: Object.fromEntries(omitted.byRule) },
  };
}

/** Every finding of the results, shown or left out, by severity (the notices of left-out findings are not findings). */
export function countBySeverity(results: readonly FileResult[]): Record<'error' | 'warning' | 'info', number> {
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) {
    for (const f of r.findings) if (f.ruleId !== TRUNCATED_RULE_ID) count[f.severity === 'hint' ? 'info' : f.severity]++;
    if (r.omitted) for (const s of ['error', 'warning', 'info', 'hint'] as Severity[]) count[s === 'hint' ? 'info' : s] += r.omitted.bySeverity[s];
  }
  return count;
}

/** The highest severity rank among every finding of the results (shown or left out), or -1. */
export function highestRank(results: readonly FileResult[]): number {
  let best = -1;
  const rank = (s: Severity) => (s === 'hint' ? SEVERITY_RANK.info : SEVERITY_RANK[s]);
  for (const r of results) {
    for (const f of r.findings) if (f.ruleId !== TRUNCATED_RULE_ID) best = Math.max(best, rank(f.severity));
    if (r.omitted) for (const s of ['error', 'warning', 'info', 'hint'] as Severity[]) if (r.omitted.bySeverity[s] > 0) best = Math.max(best, rank(s));
  }
  return best;
}
