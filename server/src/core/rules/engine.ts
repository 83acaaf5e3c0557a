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
import { type Suppression, applySuppressions, parseSuppressions } from './suppress';

export interface CheckOptions {
  config?: ResolvedConfig;
  dataset?: DatasetContext;
  /** Rules to run (default: every rule of the registry). */
  rules?: readonly Rule[];
  /** Dataset-relative path of the file (`events/2026/x.yaml`), for rules about file names. */
  path?: string;
  /**
   * Keep each document's findings with the document, for the next version of the file (default
   * true: the language server). A one-pass run (the CLI) passes false: nothing is kept in memory.
   */
  reuse?: boolean;
}

/** How many findings of a file are kept (the first by position); the others are only counted. */
export interface FindingLimit {
  /** Findings of the file, at most (0: no limit). */
  perFile: number;
  /** Findings of one rule id in the file, at most (0: no limit). */
  perRule: number;
  /** Findings the shell hides anyway (a baseline's): they neither take a place nor count as left out. */
  hide?: (f: Finding) => boolean;
}

/** What a limit left out of a file (never an internal error, nor a finding that part of the file was not read). */
export interface Omitted {
  total: number;
  bySeverity: Record<Severity, number>;
  /** Left out findings by rule id, most first. */
  byRule: [ruleId: string, count: number][];
  /** Left out findings that offer a fix. */
  fixable: number;
  /** Where the first finding left out is (the shells put their notice there). */
  first: Finding;
}

/** Findings a limit never leaves out: internal errors, and what says that part of a file was not read. */
function alwaysShown(f: Finding): boolean {
  return f.ruleId.startsWith('internal/') || (f.ruleId === 'yaml/syntax' && f.messageId === 'limit');
}

/**
 * Keeps the findings a limit allows, in order; counts the others. Internal errors are always kept.
 * Linear: one pass, a counter per rule.
 */
export class FindingCap {
  readonly kept: Finding[] = [];
  private readonly perRule = new Map<string, number>();
  private left: { total: number; bySeverity: Record<Severity, number>; byRule: Map<string, number>; fixable: number; first?: Finding } = {
    total: 0,
    bySeverity: { error: 0, warning: 0, info: 0, hint: 0 },
    byRule: new Map(),
    fixable: 0,
  };

  constructor(private readonly limit: FindingLimit) {}

  /** Whether every further finding of this rule id will be left out (the file's or the rule's share is full). */
  full(ruleId: string): boolean {
    if (ruleId.startsWith('internal/') || ruleId === 'yaml/syntax') return false;
    const { perFile, perRule } = this.limit;
    return (perFile > 0 && this.kept.length >= perFile) || (perRule > 0 && (this.perRule.get(ruleId) ?? 0) >= perRule);
  }

  /** Offers findings sorted by position. */
  offer(findings: readonly Finding[]): void {
    const { perFile, perRule, hide } = this.limit;
    for (const f of findings) {
      if (hide?.(f)) continue;
      const n = this.perRule.get(f.ruleId) ?? 0;
      if (alwaysShown(f) || ((perFile <= 0 || this.kept.length < perFile) && (perRule <= 0 || n < perRule))) {
        this.kept.push(f);
        this.perRule.set(f.ruleId, n + 1);
        continue;
      }
      const left = this.left;
      left.total++;
      left.bySeverity[f.severity]++;
      left.byRule.set(f.ruleId, (left.byRule.get(f.ruleId) ?? 0) + 1);
      if (f.fixes?.length) left.fixable++;
      left.first ??= f;
    }
  }

  omitted(): Omitted | undefined {
    const { first, ...rest } = this.left;
    if (!first) return undefined;
    return { ...rest, first, byRule: [...rest.byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
  }
}

/** The findings a limit keeps of a list (sorted by position), and what it leaves out. */
export function limitFindings(findings: readonly Finding[], limit: FindingLimit): { findings: Finding[]; omitted?: Omitted } {
  const cap = new FindingCap(limit);
  cap.offer(findings);
  return { findings: cap.kept, omitted: cap.omitted() };
}

export const INTERNAL_RULE_ID = 'internal/rule-error';

/** Documents longer than this (characters) are checked with a pause after each rule (see checkSteps). */
const LARGE_DOCUMENT_CHARS = 64 * 1024;

/** Other places one finding points at, at most (each side of a disagreement is shown by its first few). */
export const MAX_RELATED = 50;

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

/**
 * Findings a limit leaves out, only counted (no message, no place): a document with one of them is
 * not kept with its findings, which are not all there. One checked while the limit was not reached
 * is, and is reused as any other.
 */
const countedOnly = new WeakSet<Finding>();

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
  return checkLimited(file, kind, options).findings;
}

/**
 * Checks a file; with a limit, keeps the first findings it allows and counts the others, document by
 * document, so that a file with a million findings never holds them all (suppressions and the
 * limit's `hide` are applied first: what they drop takes no place).
 */
export function checkLimited(file: ParsedFile, kind: FileKind, options: CheckOptions = {}, limit?: FindingLimit): { findings: Finding[]; omitted?: Omitted } {
  const steps = checkSteps(file, kind, options, limit);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `checkLimited` one document at a time: it pauses after each document it checks, so that a shell
 * can answer other requests between them and give the check up when the text changes meanwhile.
 * `rules` of the options may be a subset (the language server's reduced check of a very large file).
 */
export function* checkSteps(file: ParsedFile, kind: FileKind, options: CheckOptions = {}, limit?: FindingLimit): Generator<void, { findings: Finding[]; omitted?: Omitted }> {
  const config = options.config ?? DEFAULT_CONFIG;
  const rules = options.rules ?? ALL_RULES;
  const byPosition = (a: Finding, b: Finding) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset || a.ruleId.localeCompare(b.ruleId);
  if (!limit) {
    const findings: Finding[] = [];
    yield* forEachDocument(file, kind, options, (own) => {
      for (const f of own) findings.push(f);
    });
    const kept = suppress(file, findings, rules, config);
    kept.sort(byPosition);
    return { findings: kept };
  }
  const suppressions = parseSuppressions(file);
  const cap = new FindingCap(limit);
  // Without suppressions (which need each finding's line), what the limit will leave out is only counted.
  const leftOut = suppressions.length ? undefined : (ruleId: string) => cap.full(ruleId);
  yield* forEachDocument(
    file,
    kind,
    options,
    (own) => {
      const shown = suppressions.length ? applySuppressions(own, suppressions) : [...own];
      cap.offer(shown.sort(byPosition));
    },
    leftOut,
  );
  cap.offer(unusedSuppressions(file, suppressions, rules, config).sort(byPosition));
  const findings = cap.kept.sort(byPosition);
  return { findings, omitted: cap.omitted() };
}

/**
 * Runs the rules over each document in turn (or reuses its findings), giving each document's findings
 * to `each`. `leftOut` names the rule ids whose findings will not be kept: those are only counted.
 */
function* forEachDocument(file: ParsedFile, kind: FileKind, options: CheckOptions, each: (own: readonly Finding[]) => void, leftOut?: (ruleId: string) => boolean): Generator<void, void> {
  const config = options.config ?? DEFAULT_CONFIG;
  const dataset = options.dataset ?? {};
  const rules = options.rules ?? ALL_RULES;
  const key: CheckKey | undefined = dataset.index ? { kind, path: options.path, config, rules, dataset, indexVersion: dataset.index.version } : undefined;
  const reuse = options.reuse !== false;
  for (const doc of file.docs) {
    yield;
    const startLine = key ? file.lines.position(doc.start).line : 0;
    const cached = key && reuse ? docCache.get(doc) : undefined;
    if (cached && cached.startLine === startLine && sameKey(cached.key, key!)) {
      if (cached.start !== doc.start || cached.index !== doc.index) {
        const delta = doc.start - cached.start;
        cached.findings = cached.findings.map((f) => moved(f, delta, doc.index));
        cached.start = doc.start;
        cached.index = doc.index;
      }
      cached.key = key!;
      each(cached.findings);
      continue;
    }
    const own: Finding[] = [];
    const whole = parsedWhole(doc);
    // A large document pauses between rules too (a quote of 200,000 characters is read by several).
    const large = doc.end - doc.start > LARGE_DOCUMENT_CHARS;
    for (const { rule, setting } of planFor(rules, kind, config)) {
      if (large) yield;
      if (rule.meta.reportsAbsence && !whole) continue;
      try {
        runRule(rule, file, doc, kind, config, dataset, options.path, own, setting, leftOut);
      } catch (err) {
        own.push(internalFinding(file, doc, rule.meta.id, err));
      }
    }
    if (key && reuse && !(leftOut && own.some((f) => countedOnly.has(f)))) docCache.set(doc, { key, start: doc.start, startLine, index: doc.index, findings: own });
    each(own);
  }
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

/**
 * Whether the document was read without a syntax error (a duplicate key loses nothing a rule would
 * miss, nor do the documents after it that a stream's limit leaves unread).
 */
export function parsedWhole(doc: ParsedDocument): boolean {
  return !doc.problems.some((p) => p.severity === 'error' && p.code !== 'DUPLICATE_KEY' && p.code !== 'TOO_MANY_DOCUMENTS');
}

/** Applies `# haulcheck-disable-…` comments; reports the unused ones when `suppressions/unused` runs. */
function suppress(file: ParsedFile, findings: Finding[], rules: readonly Rule[], config: ResolvedConfig): Finding[] {
  const suppressions = parseSuppressions(file);
  if (suppressions.length === 0) return findings;
  const kept = applySuppressions(findings, suppressions);
  for (const f of unusedSuppressions(file, suppressions, rules, config)) kept.push(f);
  return kept;
}

/** Findings on the suppression comments that silenced nothing (once every finding has been offered to them). */
function unusedSuppressions(file: ParsedFile, suppressions: readonly Suppression[], rules: readonly Rule[], config: ResolvedConfig): Finding[] {
  const out: Finding[] = [];
  if (suppressions.length === 0 || !rules.includes(unusedSuppression)) return out;
  const setting = settingFor(config, unusedSuppression.meta.id);
  const severity = setting ? setting.severity : unusedSuppression.meta.defaultSeverity;
  if (severity === 'off') return out;
  const messages = unusedSuppression.meta.messages;
  for (const s of suppressions) {
    const doc = documentAt(file, s.start);
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
    out.push({
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
  return out;
}

/** The document holding an offset (the first whose range holds it), by bisection over the documents, which are in order. */
function documentAt(file: ParsedFile, offset: number): ParsedDocument {
  const docs = file.docs;
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < docs.length && offset >= docs[lo].start ? docs[lo] : docs[0];
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
    /** Rule ids whose findings a limit will leave out whatever they are: they are only counted. */
    private readonly leftOut?: (ruleId: string) => boolean,
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
    if (this.leftOut?.(id)) {
      // Only counted: no message, and the document's start for a place (finding the node costs more
      // than the rest of the check, a million times in a stream of 200,000 documents).
      const at = Math.min(doc.start, file.text.length);
      const counted: Finding = { ruleId: id, severity: severity as Severity, message: '', messageId: r.messageId, range: file.lines.range(at, at), pointer: r.pointer, docIndex: doc.index, fixes: r.fixes };
      countedOnly.add(counted);
      (this.pending ??= []).push(counted);
      return;
    }
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
            related: r.related.slice(0, MAX_RELATED).map((x) => {
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
  leftOut?: (ruleId: string) => boolean,
): void {
  const context = new Context(rule, file, doc, kind, setting?.options ?? NO_OPTIONS, dataset, path, config, leftOut);
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
