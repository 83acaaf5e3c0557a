/**
 * ESLint-style rule tests: valid and invalid YAML cases, with the expected message id, line, column
 * and message data. Only the rule under test runs, against the sample registries.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type DatasetContext,
  DatasetIndex,
  type FileKind,
  type Finding,
  type Rule,
  buildRegistries,
  checkText,
  extractFacts,
  parseFile,
  resolveConfig,
} from '../../server/src/core';

const samples = join(__dirname, '..', '..', 'samples');
const read = (p: string) => parseFile(readFileSync(join(samples, p), 'utf8')).docs[0].value;

/** The sample dataset's registries, shared by rule tests. */
export const SAMPLE_REGISTRIES = buildRegistries(read('registries/drugs.yaml'), read('registries/agencies.yaml'));

export interface ExpectedError {
  messageId: string;
  /** 1-based. */
  line?: number;
  /** 1-based, UTF-16 code units. */
  column?: number;
  /** For family rules: the exact id reported. */
  ruleId?: string;
  /** Each entry must equal the finding's data entry. */
  data?: Record<string, unknown>;
  /** A fragment the message must contain. */
  message?: string;
}

export interface Case {
  name?: string;
  code: string;
  kind?: FileKind;
  /** `rules` entry as in haulcheck.yaml, e.g. ['warning', { tolerance: 0.1 }]. */
  options?: Record<string, unknown>;
  /** Today, YYYY-MM-DD (default 2026-03-01). */
  today?: string;
  /** Dataset-relative path of the file (default events/2026/test.yaml). */
  path?: string;
  /** Other files of the dataset, by dataset-relative path, for dataset-wide rules. */
  others?: Record<string, string>;
  /** Extra context overrides. */
  dataset?: Partial<DatasetContext>;
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
  /** Text after applying every safe fix once (when the rule offers fixes). */
  output?: string;
}

function run(rule: Rule, c: Case): Finding[] {
  const path = c.path ?? 'events/2026/test.yaml';
  const index = new DatasetIndex();
  for (const [p, text] of Object.entries(c.others ?? {})) index.set(p, extractFacts(p, parseFile(text)));
  index.set(path, extractFacts(path, parseFile(c.code)));
  const config = resolveConfig({ rules: c.options ? { [rule.meta.id]: ['error', c.options] } : {} });
  const dataset: DatasetContext = { registries: SAMPLE_REGISTRIES, today: c.today ?? '2026-03-01', index, ...c.dataset };
  return checkText(c.code, c.kind ?? 'event', { config, dataset, rules: [rule], path }).findings;
}

/** Applies every safe fix of the findings once (non-overlapping, from the end). */
export function applySafeFixes(text: string, findings: Finding[]): string {
  const edits = findings
    .flatMap((f) => f.fixes?.filter((x) => x.safety === 'safe').slice(0, 1) ?? [])
    .flatMap((f) => f.edits)
    .sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const e of edits) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  cases.valid.forEach((c, i) => {
    test(`${id} valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const findings = run(rule, c).filter((f) => f.ruleId !== 'internal/rule-error' || assert.fail(f.message));
      assert.deepEqual(
        findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
        [],
      );
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${id} invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
      const findings = run(rule, c);
      const internal = findings.find((f) => f.ruleId === 'internal/rule-error');
      if (internal) assert.fail(internal.message);
      const summary = findings.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`).join('\n');
      assert.equal(findings.length, c.errors.length, `expected ${c.errors.length} finding(s), got:\n${summary}`);
      c.errors.forEach((e, j) => {
        const f = findings[j];
        assert.equal(f.messageId, e.messageId, `finding ${j} message id\n${summary}`);
        assert.equal(f.ruleId, e.ruleId ?? (rule.meta.reports?.length ? f.ruleId : id), `finding ${j} rule id`);
        if (e.line !== undefined) assert.equal(f.range.start.line + 1, e.line, `finding ${j} line\n${summary}`);
        if (e.column !== undefined) assert.equal(f.range.start.character + 1, e.column, `finding ${j} column\n${summary}`);
        if (e.message) assert.ok(f.message.includes(e.message), `finding ${j}: "${f.message}" lacks "${e.message}"`);
        for (const [k, v] of Object.entries(e.data ?? {})) assert.deepEqual(f.data?.[k], v, `finding ${j} data.${k}\n${summary}`);
      });
      if (c.output !== undefined) assert.equal(applySafeFixes(c.code, findings), c.output);
    });
  });
}
