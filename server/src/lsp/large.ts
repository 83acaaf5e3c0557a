/**
 * Large files in the editor. A check never holds the server for long: parsing and checking go one
 * document at a time, in slices of SLICE_MS, and the server answers other requests and other files'
 * edits between slices; a newer version of the text gives the older check up. A file over the
 * editor's limits is checked in a reduced mode — its YAML and its schema only — and says so; a
 * file's problems shown in the editor are capped, the last one saying how many more there are.
 */
import {
  ALL_RULES,
  type CheckOptions,
  type FileKind,
  type Finding,
  type Omitted,
  type ParseOptions,
  type ParsedFile,
  type Rule,
  checkSteps,
  formatNumber,
  limitFindings,
  parseSteps,
} from '../core';

const mb = (n: number) => (n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / (1024 * 1024)).toFixed(1)} MB`);

/**
 * Characters of a file the editor checks with every rule; a larger file gets the reduced check. A
 * stream of 5,000 events (about 9 MB) is a dataset file people keep and edit: it gets every rule,
 * in slices; what is larger is not data a person edits.
 */
export const EDITOR_FULL_CHECK_CHARS = 16 << 20;
/** Documents of a stream the editor checks with every rule; more get the reduced check. */
export const EDITOR_FULL_CHECK_DOCUMENTS = 10_000;
/** Problems of one file shown in the editor, at most (the last of them says how many more there are). */
export const EDITOR_MAX_PROBLEMS = 1000;
/** Characters of one document the editor reads: a longer one is one notice, not read (its parse could not be sliced). */
export const EDITOR_DOCUMENT_CHARS = 256 * 1024;

/** How the editor parses: documents over EDITOR_DOCUMENT_CHARS are not read. */
export const EDITOR_PARSE: ParseOptions = {
  documentLimit: {
    chars: EDITOR_DOCUMENT_CHARS,
    message: (chars) =>
      `This document is ${mb(chars)}: the editor reads documents up to ${mb(EDITOR_DOCUMENT_CHARS)} (an event is a few KB), so it checks nothing in it. Run haulcheck check on the file for every rule.`,
  },
};

/** How long a slice of a large check runs before the server turns to other work (ms). */
export const SLICE_MS = 8;

/** The id of the editor's notices about a file: a reduced check, problems not shown. Not a rule of the core. */
export const REDUCED_RULE_ID = 'output/reduced';
export const TRUNCATED_RULE_ID = 'output/truncated';

/** The rules of the reduced check: what the file is (YAML, the schema), not what it says. */
export const REDUCED_RULES: readonly Rule[] = ALL_RULES.filter((r) => r.meta.id === 'yaml/syntax' || r.meta.id === 'yaml/duplicate-key' || r.meta.id === 'schema');


/**
 * Whether a text will get the reduced check, told before it is parsed: its size, or more document
 * markers than the editor checks in full (counted up to the limit, without parsing).
 */
export function willBeReduced(text: string): boolean {
  if (text.length > EDITOR_FULL_CHECK_CHARS) return true;
  let n = 0;
  for (let i = text.indexOf('\n---'); i >= 0; i = text.indexOf('\n---', i + 4)) if (++n > EDITOR_FULL_CHECK_DOCUMENTS) return true;
  return false;
}

/** Why the editor checks a text in the reduced mode (a sentence), or undefined for the full check. */
export function reducedReason(text: string, file?: ParsedFile): string | undefined {
  if (text.length > EDITOR_FULL_CHECK_CHARS) return `This file is ${mb(text.length)}, over the ${mb(EDITOR_FULL_CHECK_CHARS)} the editor checks in full`;
  if (file && file.docs.length > EDITOR_FULL_CHECK_DOCUMENTS) return `This file holds ${formatNumber(file.docs.length)} documents, over the ${formatNumber(EDITOR_FULL_CHECK_DOCUMENTS)} the editor checks in full`;
  return undefined;
}

/**
 * Waits for the event loop to go round, so that what arrived meanwhile runs before the next slice:
 * a timer turn (the debounce timers of other files' edits), then an immediate one (the protocol
 * library reads and writes its messages in immediates; queued behind a slice's own immediate they
 * would each wait a slice, and a chain of timer turns alone could hold them back for seconds).
 */
export const turn = async (): Promise<void> => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setImmediate(resolve));
};

/** The turn taken between slices: `turn` in Node; a host without immediates gives its own (useSliceTurn). */
let sliceTurn: () => Promise<void> = turn;

/** Sets the turn taken between slices (the language server in a browser, which has no setImmediate). */
export function useSliceTurn(t: () => Promise<void>): void {
  sliceTurn = t;
}

/**
 * Runs a stepped computation in slices of `sliceMs`, letting other work run between them; gives it
 * up (undefined) as soon as `current()` says its input is out of date.
 */
export async function runSliced<T>(steps: Generator<void, T>, current: () => boolean, sliceMs = SLICE_MS): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await sliceTurn();
      if (!current()) {
        steps.return(undefined as T);
        return undefined;
      }
      sliceStart = performance.now();
    }
  }
}

/** Parses a text in slices (see runSliced); undefined when given up. A parse given up leaves `previous` unusable. */
export function parseSliced(text: string, previous: ParsedFile | undefined, current: () => boolean, options: ParseOptions = EDITOR_PARSE): Promise<ParsedFile | undefined> {
  return runSliced(parseSteps(text, previous, options), current);
}

export interface EditorCheck {
  findings: Finding[];
  /** Why the check was reduced, when it was. */
  reduced?: string;
}

/**
 * Checks a parsed file in slices, fully or — for a file over the editor's limits — with the reduced
 * rules; the problems are capped at EDITOR_MAX_PROBLEMS. Undefined when given up.
 */
export async function checkSliced(file: ParsedFile, kind: FileKind, options: CheckOptions, current: () => boolean): Promise<EditorCheck | undefined> {
  const reduced = reducedReason(file.text, file);
  const opts: CheckOptions = reduced ? { ...options, rules: REDUCED_RULES } : options;
  const checked = await runSliced(checkSteps(file, kind, opts, { perFile: EDITOR_MAX_PROBLEMS, perRule: 0 }), current);
  if (!checked) return undefined;
  return { findings: editorFindings(file, checked.findings, checked.omitted, reduced), reduced };
}

/**
 * The problems the editor shows for a file's saved text, checked in one go (in the indexing thread,
 * which holds nobody up): the same reduced mode, limits and notices as checkSliced.
 */
export function checkForEditor(text: string, kind: FileKind, options: CheckOptions): Finding[] {
  const file = runToEnd(parseSteps(text, undefined, { ...EDITOR_PARSE, trees: 'lazy' }));
  const reduced = reducedReason(text, file);
  const checked = runToEnd(checkSteps(file, kind, { ...options, ...(reduced ? { rules: REDUCED_RULES } : {}), reuse: false }, { perFile: EDITOR_MAX_PROBLEMS, perRule: 0 }));
  return editorFindings(file, checked.findings, checked.omitted, reduced);
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The problems the editor shows: at most EDITOR_MAX_PROBLEMS, then a notice of the rest; the reduced mode's notice first. */
export function editorFindings(file: ParsedFile, findings: readonly Finding[], omitted: Omitted | undefined, reduced: string | undefined): Finding[] {
  let shown = [...findings];
  let left = omitted;
  if (shown.length > EDITOR_MAX_PROBLEMS) {
    const capped = limitFindings(shown, { perFile: EDITOR_MAX_PROBLEMS, perRule: 0 });
    shown = capped.findings;
    left = capped.omitted && merge(capped.omitted, omitted);
  }
  const out: Finding[] = [];
  if (reduced) {
    const end = file.lines.lineContentEnd(0);
    out.push({
      ruleId: REDUCED_RULE_ID,
      severity: 'info',
      message: `${reduced}: the editor checks its YAML and its schema only, not the figures, dates, sources and other events. Run haulcheck check on it for every rule.`,
      range: file.lines.range(0, end),
      pointer: '',
      docIndex: 0,
    });
  }
  // A document the editor did not read is no error of the file: said as a notice.
  for (const f of shown) out.push(f.ruleId === 'yaml/syntax' && f.data?.code === 'DOCUMENT_TOO_LARGE' ? { ...f, ruleId: REDUCED_RULE_ID, severity: 'info' } : f);
  if (left) {
    out.push({
      ruleId: TRUNCATED_RULE_ID,
      severity: (['error', 'warning', 'info', 'hint'] as const).find((s) => left!.bySeverity[s] > 0) ?? 'info',
      message: `${formatNumber(left.total)} more ${left.total === 1 ? 'problem' : 'problems'} in this file ${left.total === 1 ? 'is' : 'are'} not shown (the editor shows ${formatNumber(EDITOR_MAX_PROBLEMS)} a file): ${left.byRule
        .slice(0, 5)
        .map(([id, n]) => `${formatNumber(n)} ${id}`)
        .join(', ')}${left.byRule.length > 5 ? ', …' : ''}. Fix the ones shown, or run haulcheck check --max-findings-per-file 0 --max-findings-per-rule 0 to list them all.`,
      range: left.first.range,
      pointer: left.first.pointer,
      docIndex: left.first.docIndex,
    });
  }
  return out;
}

function merge(a: Omitted, b: Omitted | undefined): Omitted {
  if (!b) return a;
  const byRule = new Map(a.byRule);
  for (const [id, n] of b.byRule) byRule.set(id, (byRule.get(id) ?? 0) + n);
  return {
    total: a.total + b.total,
    bySeverity: { error: a.bySeverity.error + b.bySeverity.error, warning: a.bySeverity.warning + b.bySeverity.warning, info: a.bySeverity.info + b.bySeverity.info, hint: a.bySeverity.hint + b.bySeverity.hint },
    byRule: [...byRule].sort((x, y) => y[1] - x[1]),
    fixable: a.fixable + b.fixable,
    first: a.first.range.start.offset <= b.first.range.start.offset ? a.first : b.first,
  };
}

