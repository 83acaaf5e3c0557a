/**
 * Scores Haulcheck's findings on the corpus dataset (test/corpus/dataset) against the expectations
 * written as data (test/corpus/expected.yaml):
 *
 * - recall: the share of the problems a careful validator SHOULD flag (non-optional `flag` entries)
 *   that some finding reports — a finding of one of the entry's rules, on the event's file, whose
 *   message or related information names every source and contains every string of the entry;
 * - precision, per distinct problem: warnings and errors are grouped into problems — those that
 *   match a `flag` entry (optional ones included) belong to that entry's problem, the others form one
 *   problem per file, rule and figure slot (two sources against a third are one disagreement, not
 *   two) — and precision is the share of those problems that are expected. A finding that matches a
 *   `silent` entry is always a false alarm. Information-level findings are reported but do not count
 *   as alarms: they ask for no action.
 *
 * Usage: npm run corpus [-- --json] [-- --dataset DIR --expected FILE]
 *        npm run corpus -- --extract [--holdout | --holdout2 | --dataset DIR --reports FILE] [--json] [--all]
 *        (the extractor: extract-score.ts)
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Finding } from '../../server/src/core';
import { runCheck } from '../../server/src/cli/check';
import { runExtractScore } from './extract-score';

export interface Expectation {
  id: string;
  rules: string[];
  sources?: string[];
  /** Strings the finding must contain; a list in the list is a choice (any of them will do). */
  names?: (string | string[])[];
  optional?: boolean;
  why?: string;
}

export interface Silence {
  rules: string[];
  names?: string[];
  why?: string;
}

export interface EventExpectations {
  event: string;
  flag?: Expectation[];
  silent?: Silence[];
}

export interface Miss {
  event: string;
  id: string;
  rules: string[];
  names: string[];
  why?: string;
}

export interface Alarm {
  event: string;
  file: string;
  ruleId: string;
  severity: string;
  line: number;
  message: string;
  /** Why it is a false alarm: it matches a `silent` entry, or no `flag` entry. */
  reason: string;
}

export interface FamilyScore {
  expected: number;
  found: number;
  problems: number;
  expectedProblems: number;
}

export interface CorpusScore {
  recall: number;
  precision: number;
  misses: Miss[];
  falseAlarms: Alarm[];
  /** Counts behind the two figures, per rule family and overall. */
  families: Record<string, FamilyScore>;
  total: FamilyScore;
  /** Information-level findings that match no expectation (not alarms). */
  notes: Alarm[];
  events: number;
  findings: number;
}

const ROOT = path.resolve(__dirname, '..', '..');
export const DEFAULT_DATASET = path.join(ROOT, 'test', 'corpus', 'dataset');
export const DEFAULT_EXPECTED = path.join(ROOT, 'test', 'corpus', 'expected.yaml');
export const DEFAULT_REPORTS = path.join(ROOT, 'test', 'corpus', 'source', 'reports.jsonl');

const family = (ruleId: string) => ruleId.split('/')[0];

const ruleMatches = (rules: readonly string[], ruleId: string) => rules.some((r) => (r.endsWith('/') ? ruleId.startsWith(r) : ruleId === r));

/** The words of a finding a reader sees: its message and its related information. */
function textOf(f: Finding): string {
  return [f.message, ...(f.related ?? []).map((r) => r.message)].join('\n');
}

/** A source id is named when it appears as a whole id (not inside a longer one). */
function names(text: string, id: string): boolean {
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${esc}(?![\\p{L}\\p{N}_-])`, 'u').test(text);
}

/** The figure slot (or the date, or the whole document) a pointer belongs to: /seizures/0/count/1/value → /seizures/0/count. */
export function slotOf(pointer: string): string {
  const segs = pointer.split('/').slice(1);
  if (segs[0] === 'seizures' || segs[0] === 'other_items') return '/' + segs.slice(0, 3).join('/');
  if (segs[0] === 'sources') return '/' + segs.slice(0, 2).join('/');
  return segs.length ? '/' + segs[0] : '';
}

export async function scoreCorpus(opts: { dataset?: string; expected?: string; reports?: string } = {}): Promise<CorpusScore> {
  // Resolved here: the check runs with the dataset as its working directory.
  const dataset = path.resolve(opts.dataset ?? DEFAULT_DATASET);
  const expectations = parseYaml(readFileSync(opts.expected ?? DEFAULT_EXPECTED, 'utf8')) as EventExpectations[];
  const keys = JSON.parse(readFileSync(path.join(dataset, 'keys.json'), 'utf8')) as Record<string, { file: string; source: string }>;
  const groupOfKey = new Map<string, string>();
  for (const line of readFileSync(opts.reports ?? DEFAULT_REPORTS, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { key: string; event_group: string };
    groupOfKey.set(r.key, r.event_group);
  }

  // Event group → file (every report of a group is a source of one event), from the converter's key map.
  const fileOfGroup = new Map<string, string>();
  for (const [key, v] of Object.entries(keys)) {
    const group = groupOfKey.get(key);
    if (group) fileOfGroup.set(group, v.file);
  }
  const groupOfFile = new Map([...fileOfGroup].map(([g, f]) => [f, g]));

  const results = await runCheck({ paths: [dataset], cwd: dataset, jobs: 1 });
  const findingsByFile = new Map<string, Finding[]>();
  let findingCount = 0;
  for (const r of results) {
    const rel = path.relative(dataset, path.resolve(dataset, r.path)).split(path.sep).join('/');
    findingsByFile.set(rel, r.findings);
    findingCount += r.findings.length;
  }

  const misses: Miss[] = [];
  const falseAlarms: Alarm[] = [];
  const notes: Alarm[] = [];
  const families: Record<string, FamilyScore> = {};
  const fam = (name: string) => (families[name] ??= { expected: 0, found: 0, problems: 0, expectedProblems: 0 });
  const total: FamilyScore = { expected: 0, found: 0, problems: 0, expectedProblems: 0 };

  const alarm = (event: string, file: string, f: Finding, reason: string): Alarm => ({
    event,
    file,
    ruleId: f.ruleId,
    severity: f.severity,
    line: f.range.start.line + 1,
    message: f.message,
    reason,
  });

  const byEvent = new Map(expectations.map((e) => [e.event, e]));
  const files = new Set([...findingsByFile.keys()]);
  for (const file of files) {
    const group = groupOfFile.get(file) ?? file;
    const exp = byEvent.get(group);
    const findings = findingsByFile.get(file) ?? [];
    const sourceOf = (key: string) => keys[key]?.source ?? key;
    const matchesFlag = (f: Finding, x: Expectation) => {
      if (!ruleMatches(x.rules, f.ruleId)) return false;
      const text = textOf(f);
      return (x.names ?? []).every((n) => (Array.isArray(n) ? n.some((m) => text.includes(m)) : text.includes(n))) && (x.sources ?? []).every((k) => names(text, sourceOf(k)));
    };
    const matchesSilence = (f: Finding, s: Silence) => ruleMatches(s.rules, f.ruleId) && (s.names ?? []).every((n) => textOf(f).includes(n));

    // Recall.
    for (const x of exp?.flag ?? []) {
      if (x.optional) continue;
      const found = findings.some((f) => matchesFlag(f, x));
      const fa = fam(family(x.rules[0]));
      fa.expected++;
      total.expected++;
      if (found) {
        fa.found++;
        total.found++;
      } else misses.push({ event: group, id: x.id, rules: x.rules, names: [...(x.names ?? []).map(flat), ...(x.sources ?? []).map(sourceOf)], why: x.why });
    }

    // Precision, per distinct problem.
    const problems = new Map<string, { expected: boolean; ruleId: string }>();
    for (const f of findings) {
      // A finding that reports an expected problem is right, even when it names a value that is
      // fine on its own (the other side of the disagreement); the others must respect `silent`.
      const flagged = (exp?.flag ?? []).find((x) => matchesFlag(f, x));
      const silenced = flagged ? undefined : (exp?.silent ?? []).find((s) => matchesSilence(f, s));
      if (f.severity === 'info' || f.severity === 'hint') {
        if (!flagged) notes.push(alarm(group, file, f, silenced ? `matches silent: ${silenced.why ?? silenced.rules.join(', ')}` : 'no expectation'));
        continue;
      }
      const key = flagged ? `flag:${flagged.id}` : `${f.ruleId}@${slotOf(f.pointer)}#${f.docIndex}`;
      if (!problems.has(key)) problems.set(key, { expected: !!flagged, ruleId: f.ruleId });
      if (!flagged) falseAlarms.push(alarm(group, file, f, silenced ? `must stay silent: ${silenced.why ?? silenced.rules.join(', ')}` : 'matches no expected problem'));
    }
    for (const p of problems.values()) {
      const fa = fam(family(p.ruleId));
      fa.problems++;
      total.problems++;
      if (p.expected) {
        fa.expectedProblems++;
        total.expectedProblems++;
      }
    }
  }
  // Expected events whose file produced no findings still count their misses.
  for (const e of expectations) {
    const file = fileOfGroup.get(e.event);
    if (file && findingsByFile.has(file)) continue;
    for (const x of e.flag ?? []) {
      if (x.optional) continue;
      fam(family(x.rules[0])).expected++;
      total.expected++;
      misses.push({ event: e.event, id: x.id, rules: x.rules, names: (x.names ?? []).map(flat), why: x.why });
    }
  }

  return {
    recall: ratio(total.found, total.expected),
    precision: ratio(total.expectedProblems, total.problems),
    misses,
    falseAlarms,
    families,
    total,
    notes,
    events: fileOfGroup.size,
    findings: findingCount,
  };
}

const flat = (n: string | string[]) => (Array.isArray(n) ? n.join(' or ') : n);

const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 1000) / 1000);

function pct(a: number, b: number): string {
  return b === 0 ? '   –  ' : `${((a / b) * 100).toFixed(1).padStart(5)}%`;
}

export function formatScore(s: CorpusScore): string {
  const lines: string[] = [];
  lines.push(`Corpus: ${s.events} events, ${s.findings} findings`);
  lines.push('');
  lines.push('family        recall (found/expected)   precision (expected/problems)');
  const row = (name: string, f: FamilyScore) =>
    `${name.padEnd(12)}  ${pct(f.found, f.expected)} (${f.found}/${f.expected})`.padEnd(42) + `${pct(f.expectedProblems, f.problems)} (${f.expectedProblems}/${f.problems})`;
  for (const name of Object.keys(s.families).sort()) lines.push(row(name, s.families[name]));
  lines.push(row('overall', s.total));
  lines.push('');
  lines.push(`recall ${s.recall}  precision ${s.precision}`);
  if (s.misses.length) {
    lines.push('', `Misses (${s.misses.length}):`);
    for (const m of s.misses) lines.push(`  ${m.event} ${m.id} [${m.rules.join(' | ')}] ${m.names.length ? `naming ${m.names.join(', ')}` : ''}${m.why ? ` — ${m.why}` : ''}`);
  }
  if (s.falseAlarms.length) {
    lines.push('', `False alarms (${s.falseAlarms.length} findings):`);
    for (const a of s.falseAlarms) lines.push(`  ${a.file}:${a.line} ${a.severity} ${a.ruleId}: ${a.message}  (${a.reason})`);
  }
  if (s.notes.length) {
    lines.push('', `Information-level findings that match no expectation (${s.notes.length}, not counted):`);
    for (const a of s.notes) lines.push(`  ${a.file}:${a.line} ${a.ruleId}: ${a.message}`);
  }
  return lines.join('\n') + '\n';
}

if (require.main === module && process.argv.includes('--extract')) {
  // The extractor's score: each report read into a draft and compared with its transcription (or, with
  // --holdout, --holdout2 or --dataset/--reports, with what that dataset records).
  runExtractScore(process.argv.slice(2));
} else if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  scoreCorpus({ dataset: opt('--dataset'), expected: opt('--expected'), reports: opt('--reports') }).then(
    (s) => {
      if (args.includes('--json'))
        process.stdout.write(JSON.stringify({ recall: s.recall, precision: s.precision, misses: s.misses, falseAlarms: s.falseAlarms }, null, 2) + '\n');
      else process.stdout.write(formatScore(s));
    },
    (err) => {
      process.stderr.write(`corpus: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(2);
    },
  );
}
