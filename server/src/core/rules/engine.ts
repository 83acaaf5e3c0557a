/**
 * Runs the rules over a parsed file. One rule that throws becomes an `internal/rule-error` finding
 * and the others still run.
 */
import type { ParsedDocument, ParsedFile } from '../yaml/parse';
import { parseFile } from '../yaml/parse';
import { rangeForPointer } from '../yaml/place';
import type { Report, Rule, RuleContext } from './rule';
import { formatMessage } from './rule';
import type { ResolvedConfig } from '../model/config';
import { DEFAULT_CONFIG, settingFor } from '../model/config';
import type { DatasetContext } from '../model/dataset';
import type { FileKind, Finding, Severity } from '../base/types';
import { ALL_RULES } from './';
import unusedSuppression from './suppressions/unused';
import { applySuppressions, parseSuppressions } from './suppress';

export interface CheckOptions {
  config?: ResolvedConfig;
  dataset?: DatasetContext;
  /** Rules to run (default: every rule of the registry). */
  rules?: readonly Rule[];
  /** Dataset-relative path of the file (`events/2026/x.yaml`), for rules about file names. */
  path?: string;
}

export const INTERNAL_RULE_ID = 'internal/rule-error';

export function checkText(text: string, kind: FileKind, options: CheckOptions = {}): { file: ParsedFile; findings: Finding[] } {
  const file = parseFile(text);
  return { file, findings: checkParsed(file, kind, options) };
}

/** What a document's findings depend on besides its own text. */
interface CheckKey {
  kind: FileKind;
  path: string | undefined;
  config: ResolvedConfig;
  rules: readonly Rule[];
  dataset: DatasetContext;
  indexVersion: number;
}

function sameKey(a: CheckKey, b: CheckKey): boolean {
  if (a.kind !== b.kind || a.path !== b.path || a.config !== b.config || a.rules !== b.rules || a.indexVersion !== b.indexVersion) return false;
  const ka = Object.keys(a.dataset) as (keyof DatasetContext)[];
  return ka.length === Object.keys(b.dataset).length && ka.every((k) => a.dataset[k] === b.dataset[k]);
}

/**
 * Findings of a document, kept with the document. A document that a file's next version reuses
 * (`parseFile`'s `previous`) is not checked again when nothing it depends on changed: the same
 * config, rules and registries and the same dataset index version — the index holds the facts of
 * every event of the dataset, this file's other documents included, so any change there that a
 * dataset-wide rule could see bumps it. Only with an index: without one, rules may compare the
 * file's documents directly. A document that moved by whole lines is checked again (messages may
 * name lines); one that moved within its line keeps its findings, moved by the same offset.
 */
const docCache = new WeakMap<ParsedDocument, { key: CheckKey; start: number; startLine: number; index: number; findings: Finding[] }>();

function moved(f: Finding, delta: number, index: number): Finding {
  const at = (p: Finding['range']['start']) => ({ ...p, offset: p.offset + delta });
  return {
    ...f,
    docIndex: index,
    range: { start: at(f.range.start), end: at(f.range.end) },
    fixes: f.fixes?.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + delta, end: e.end + delta })) })),
    related: f.related?.map((r) => ({ ...r, range: { start: at(r.range.start), end: at(r.range.end) } })),
  };
}

export function checkParsed(file: ParsedFile, kind: FileKind, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  const dataset = options.dataset ?? {};
  const rules = options.rules ?? ALL_RULES;
  const findings: Finding[] = [];
  const key: CheckKey | undefined = dataset.index ? { kind, path: options.path, config, rules, dataset, indexVersion: dataset.index.version } : undefined;
  for (const doc of file.docs) {
    const startLine = key ? file.lines.position(doc.start).line : 0;
    const cached = key ? docCache.get(doc) : undefined;
    if (cached && cached.startLine === startLine && sameKey(cached.key, key!)) {
      if (cached.start !== doc.start || cached.index !== doc.index) {
        const delta = doc.start - cached.start;
        cached.findings = cached.findings.map((f) => moved(f, delta, doc.index));
        cached.start = doc.start;
        cached.index = doc.index;
      }
      cached.key = key!;
      for (const f of cached.findings) findings.push(f);
      continue;
    }
    const own: Finding[] = [];
    const whole = parsedWhole(doc);
    for (const { rule, setting } of planFor(rules, kind, config)) {
      if (rule.meta.reportsAbsence && !whole) continue;
      try {
        runRule(rule, file, doc, kind, config, dataset, options.path, own, setting);
      } catch (err) {
        own.push(internalFinding(file, doc, rule.meta.id, err));
      }
    }
    if (key) docCache.set(doc, { key, start: doc.start, startLine, index: doc.index, findings: own });
    for (const f of own) findings.push(f);
  }
  const kept = suppress(file, findings, rules, config);
  kept.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId));
  return kept;
}

interface Step {
  rule: Rule;
  setting: ReturnType<typeof settingFor>;
}

/**
 * The rules that run on a kind of file under a config, with their settings: the same for every
 * document of a run, so worked out once (by rule list, config and kind) rather than per document.
 */
const plans = new WeakMap<readonly Rule[], WeakMap<ResolvedConfig, Map<FileKind, Step[]>>>();

function planFor(rules: readonly Rule[], kind: FileKind, config: ResolvedConfig): Step[] {
  let byConfig = plans.get(rules);
  if (!byConfig) plans.set(rules, (byConfig = new WeakMap()));
  let byKind = byConfig.get(config);
  if (!byKind) byConfig.set(config, (byKind = new Map()));
  let plan = byKind.get(kind);
  if (!plan) {
    plan = [];
    for (const rule of rules) {
      if (!rule.meta.appliesTo.includes(kind)) continue;
      const setting = settingFor(config, rule.meta.id);
      if (setting?.severity === 'off' && !rule.meta.reports?.length) continue;
      plan.push({ rule, setting });
    }
    byKind.set(kind, plan);
  }
  return plan;
}

/** Whether the document was read without a syntax error (a duplicate key loses nothing a rule would miss). */
export function parsedWhole(doc: ParsedDocument): boolean {
  return !doc.problems.some((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY');
}

/** Applies `# haulcheck-disable-…` comments; reports the unused ones when `suppressions/unused` runs. */
function suppress(file: ParsedFile, findings: Finding[], rules: readonly Rule[], config: ResolvedConfig): Finding[] {
  const suppressions = parseSuppressions(file);
  if (suppressions.length === 0) return findings;
  const kept = applySuppressions(findings, suppressions);
  if (!rules.includes(unusedSuppression)) return kept;
  const setting = settingFor(config, unusedSuppression.meta.id);
  const severity = setting ? setting.severity : unusedSuppression.meta.defaultSeverity;
  if (severity === 'off') return kept;
  const messages = unusedSuppression.meta.messages;
  for (const s of suppressions) {
    const doc = file.docs.find((d) => s.start >= d.start && s.start <= d.end) ?? file.docs[0];
    // In a document that did not parse whole, the finding a comment silences may be in the lost part.
    if (!parsedWhole(doc)) continue;
    const unusedRules = s.rules.length === 0 ? (s.used.size ? [] : ['*']) : s.rules.filter((r) => !s.used.has(r));
    if (unusedRules.length === 0) continue;
    const whole = unusedRules.length === (s.rules.length || 1);
    // A whole unused comment is deleted (with its line when it stands alone).
    const lineStart = file.lines.lineStarts[s.commentLine];
    const nextLine = s.commentLine + 1 < file.lines.lineCount ? file.lines.lineStarts[s.commentLine + 1] : file.text.length;
    let delStart = s.start;
    while (delStart > lineStart && /[ \t]/.test(file.text[delStart - 1])) delStart--;
    const edit = s.ownLine ? { start: lineStart, end: nextLine, newText: '' } : { start: delStart, end: s.end, newText: '' };
    const data = { rules: s.rules.length ? ` (${unusedRules.join(', ')})` : '', rule: unusedRules[0], line: s.line + 1 };
    kept.push({
      ruleId: unusedSuppression.meta.id,
      severity: severity as Severity,
      message: formatMessage(whole ? messages.unused : messages.unusedRule, data),
      messageId: whole ? 'unused' : 'unusedRule',
      range: file.lines.range(s.start, s.end),
      pointer: '',
      docIndex: doc.index,
      data: { ...data, unnecessary: true },
      fixes: whole ? [{ title: 'Remove the unused haulcheck-disable comment', safety: 'safe', edits: [edit] }] : undefined,
    });
  }
  return kept;
}

/** The context a rule runs in: one small object per rule and document (a class: fields in place, `yaml` a getter). */
class Context implements RuleContext {
  /** Findings of a rule that has not completed yet (most rules report nothing: made on the first). */
  pending: Finding[] | undefined;

  constructor(
    readonly rule: Rule,
    readonly file: ParsedFile,
    readonly document: ParsedDocument,
    readonly kind: FileKind,
    readonly options: Readonly<Record<string, unknown>>,
    readonly dataset: DatasetContext,
    readonly path: string | undefined,
    private readonly config: ResolvedConfig,
  ) {}

  /** Read on use: a lazily parsed document builds its tree only for a rule that asks (or a finding to place). */
  get yaml() {
    return this.document.doc;
  }

  report(r: Report): void {
    const { rule, file, document: doc } = this;
    const id = r.ruleId ?? rule.meta.id;
    const s = settingFor(this.config, id, rule.meta.id);
    const severity = s ? s.severity : (r.severity ?? rule.meta.defaultSeverity);
    if (severity === 'off') return;
    const template = rule.meta.messages[r.messageId];
    if (template === undefined) throw new Error(`rule ${rule.meta.id} reported unknown message id "${r.messageId}"`);
    const [start, end] = r.start !== undefined ? [r.start, r.end ?? r.start] : rangeForPointer(file, doc, r.pointer, r.at ?? 'value');
    (this.pending ??= []).push({
      ruleId: id,
      severity: severity as Severity,
      message: formatMessage(template, r.data),
      messageId: r.messageId,
      range: file.lines.range(start, end),
      pointer: r.pointer,
      docIndex: doc.index,
      data: r.data,
      fixes: r.fixes,
      ...(r.related?.length
        ? {
            related: r.related.map((x) => {
              const [s0, e0] = rangeForPointer(file, doc, x.pointer, x.at ?? 'value');
              return { message: x.message, pointer: x.pointer, range: file.lines.range(s0, e0) };
            }),
          }
        : {}),
    });
  }
}

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

function runRule(
  rule: Rule,
  file: ParsedFile,
  doc: ParsedDocument,
  kind: FileKind,
  config: ResolvedConfig,
  dataset: DatasetContext,
  path: string | undefined,
  out: Finding[],
  setting: ReturnType<typeof settingFor>,
): void {
  const context = new Context(rule, file, doc, kind, setting?.options ?? NO_OPTIONS, dataset, path, config);
  rule.check(context);
  // Only a rule that completed contributes findings; a throwing rule yields one internal finding.
  if (context.pending) for (const f of context.pending) out.push(f);
}

function internalFinding(file: ParsedFile, doc: ParsedDocument, ruleId: string, err: unknown): Finding {
  const start = Math.min(doc.start, file.text.length);
  const line = file.lines.position(start).line;
  const detail = err instanceof Error ? err.message : String(err);
  return {
    ruleId: INTERNAL_RULE_ID,
    severity: 'error',
    message: `Rule "${ruleId}" failed on this document and was skipped (the other rules still ran): ${detail}`,
    range: file.lines.range(start, file.lines.lineContentEnd(line)),
    pointer: '',
    docIndex: doc.index,
    data: { rule: ruleId, error: detail },
  };
}
