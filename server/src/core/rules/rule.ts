/**
 * The rule framework, in ESLint's shape: a rule is `meta` plus `check(context)`, reports carry a
 * message id and data, never text formatted for one output.
 */
import type { Document } from 'yaml';
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import type { FileKind, Fix, FixSafety, Severity, SeverityLevel } from '../base/types';
import type { DatasetContext } from '../model/dataset';

export interface RuleMeta {
  /** Stable id (`yaml/syntax`), or the family prefix for rules that report several ids (`schema`). */
  id: string;
  /** One sentence: what the rule checks. */
  description: string;
  defaultSeverity: SeverityLevel;
  /** File kinds the rule runs on. */
  appliesTo: readonly FileKind[];
  /** Message templates; `{name}` is replaced by `data.name`. */
  messages: Record<string, string>;
  /** Safest level of the fixes it offers, if any. */
  fixable?: FixSafety;
  /** JSON Schema of the rule's options (`rules: { id: [severity, options] }` in haulcheck.yaml). */
  optionsSchema?: Record<string, unknown>;
  /** Ids a family rule reports, besides its own (documentation and configuration use them). */
  reports?: readonly string[];
  /**
   * The rule reports something as absent (a source nobody defines, a figure no quote holds, a
   * missing `conflicts` entry). On a document that did not parse whole, what looks absent may only be
   * in the part that could not be read, so the engine does not run it there.
   */
  reportsAbsence?: boolean;
  /** Registries the rule reads; without them it cannot run (config/paths names it when one is missing). */
  needsRegistries?: readonly ('drugs' | 'agencies')[];
}

export interface Report {
  messageId: string;
  data?: Record<string, unknown>;
  /** JSON pointer of the value concerned. */
  pointer: string;
  /**
   * Where to put the squiggle: on the key of the pointer's entry, on its value (default), or on the
   * key of its parent (a missing key is reported on the mapping that lacks it).
   */
  at?: 'key' | 'value' | 'parent-key';
  /** Explicit offsets, when the place is not a node (syntax errors, comments). */
  start?: number;
  end?: number;
  /** For family rules: the exact id reported (`schema/required`). */
  ruleId?: string;
  /**
   * The severity of this report when the rule grades its findings (a tablet mass in the warning band
   * vs the error band). The configured severity, when set, still wins.
   */
  severity?: Severity;
  fixes?: Fix[];
  /** Other values the finding is about, each placed on its node (the engine finds its range). */
  related?: { message: string; pointer: string; at?: 'key' | 'value' }[];
}

export interface RuleContext {
  readonly file: ParsedFile;
  readonly document: ParsedDocument;
  readonly yaml: Document.Parsed;
  readonly kind: FileKind;
  readonly options: Readonly<Record<string, unknown>>;
  readonly dataset: DatasetContext;
  /** Dataset-relative path of the file, `/`-separated (`events/2026/x.yaml`), when known. */
  readonly path?: string;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}

/**
 * Longest text one placeholder puts in a message (a quote, a list of names): beyond it the text is cut
 * with "…", so that a message stays readable and thousands of findings cannot carry a huge value each.
 */
export const MAX_PLACEHOLDER_LENGTH = 1000;

/** Replaces `{name}` placeholders. Unknown placeholders are left visible rather than dropped. */
export function formatMessage(template: string, data: Record<string, unknown> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!data || data[name] === undefined || data[name] === null) return whole;
    const text = String(data[name]);
    if (text.length <= MAX_PLACEHOLDER_LENGTH) return text;
    // Never between the two halves of a surrogate pair.
    const cut = MAX_PLACEHOLDER_LENGTH - 1 - (/[\uD800-\uDBFF]/.test(text[MAX_PLACEHOLDER_LENGTH - 2]) ? 1 : 0);
    return `${text.slice(0, cut)}…`;
  });
}
