/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run; the driver lists every rule id that can be
 * reported (a family rule's `reports` ids) with its descriptions, help and documentation link;
 * results point into the files relative to the root (`%SRCROOT%`), with 1-based regions counted in
 * UTF-16 code units, and carry a partial fingerprint made of rule id, path, JSON pointer and
 * document index, so that alerts survive reformatting.
 */
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result, Run } from 'sarif';
import { ALL_RULES, type Finding, INTERNAL_RULE_ID, type RuleMeta, type Severity, ruleDocsUrl } from '../../core';
import { FINGERPRINT_NAME, fingerprint, keyOf, repoPath } from '../keys';
import { type FileResult, type Formatter, streamJson } from '../types';
import { VERSION } from '../version';

export const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning' | 'note' | 'none';

export function sarifLevel(s: Severity | 'off'): Level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : s === 'off' ? 'none' : 'note';
}

/** `figures/tablet-mass` → `FiguresTabletMass`. */
export function ruleName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(s);
  return m ? m[1] : s;
}

function descriptor(id: string, meta: RuleMeta | undefined): ReportingDescriptor {
  const url = ruleDocsUrl(id);
  const keyword = meta?.reports?.includes(id) ? id.slice(id.indexOf('/') + 1) : undefined;
  const description =
    id === INTERNAL_RULE_ID
      ? 'A rule failed on a document and was skipped (the other rules still ran); the message names the rule and the error.'
      : (meta?.description ?? `Findings reported as ${id}.`);
  const full = keyword ? `${description} This id reports the values that break the JSON Schema keyword "${keyword}".` : description;
  const short = keyword ? `The value breaks the JSON Schema keyword "${keyword}".` : firstSentence(description);
  const severity = id === INTERNAL_RULE_ID ? 'error' : (meta?.defaultSeverity ?? 'warning');
  const fixable = meta?.fixable ? ` Fixes: ${meta.fixable === 'safe' ? 'safe (applied by --fix)' : 'unsafe (applied by --unsafe-fixes)'}.` : '';
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: short },
    fullDescription: { text: full },
    help: {
      text: `${full}${fixable}\nDocumentation: ${url}`,
      markdown: `**${id}**: ${full}${fixable}\n\n[Documentation of ${id}](${url})`,
    },
    helpUri: url,
    defaultConfiguration: severity === 'off' ? { enabled: false, level: 'note' } : { level: sarifLevel(severity) },
    properties: { tags: [id.split('/')[0]] },
  };
}

/** Every rule id that can be reported, with its metadata, in registry order. */
export function sarifRules(extraIds: Iterable<string> = []): ReportingDescriptor[] {
  const out: ReportingDescriptor[] = [];
  const seen = new Set<string>();
  const add = (id: string, meta: RuleMeta | undefined) => {
    if (seen.has(id)) return;
    seen.add(id);
    out.push(descriptor(id, meta));
  };
  for (const rule of ALL_RULES) {
    const ids = rule.meta.reports?.length ? rule.meta.reports : [rule.meta.id];
    for (const id of ids) add(id, rule.meta);
  }
  add(INTERNAL_RULE_ID, undefined);
  for (const id of extraIds) add(id, undefined);
  return out;
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function uriOf(rel: string): string {
  return rel.startsWith('/') ? pathToFileURL(rel).href : rel.split('/').map(encodeURIComponent).join('/');
}

/** The log of the results, and its results one at a time (`results` of the log is empty: see formatSarif). */
function sarifParts(results: FileResult[], root: string): { log: Log; each: () => Generator<Result> } {
  const ids = new Set<string>();
  for (const r of results) for (const f of r.findings) ids.add(f.ruleId);
  const rules = sarifRules(ids);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts: NonNullable<Run['artifacts']> = [];
  const files: { r: FileResult; rel: string; artifactIndex: number }[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    const rel = repoPath(root, r.path);
    files.push({ r, rel, artifactIndex: artifacts.length });
    artifacts.push({ location: { uri: uriOf(rel), uriBaseId: SRCROOT }, mimeType: 'application/yaml', encoding: 'utf-8' });
  }
  const internal = ids.has(INTERNAL_RULE_ID);
  function* each(): Generator<Result> {
    for (const { r, rel, artifactIndex } of files) for (const f of r.findings) yield result(f, r, root, rel, artifactIndex, ruleIndex.get(f.ruleId)!);
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Haulcheck',
            fullName: 'Haulcheck dataset checker',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/haulcheck/haulcheck',
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(root).href.replace(/\/?$/, '/') } },
        artifacts,
        invocations: [{ executionSuccessful: !internal }],
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  return { log, each };
}

/** The whole log as an object (for tests and small reports; the formatter writes it as it goes). */
export function toSarif(results: FileResult[], root: string): Log {
  const { log, each } = sarifParts(results, root);
  log.runs[0].results = [...each()];
  return log;
}

function result(f: Finding, r: FileResult, root: string, rel: string, artifactIndex: number, ruleIndex: number): Result {
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: uriOf(rel), uriBaseId: SRCROOT, index: artifactIndex },
          region: {
            startLine: f.range.start.line + 1,
            startColumn: f.range.start.character + 1,
            endLine: f.range.end.line + 1,
            endColumn: f.range.end.character + 1,
          },
        },
        ...(f.pointer ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'member' }] } : {}),
      },
    ],
    ...(f.related?.length
      ? {
          relatedLocations: f.related.map((x, id) => ({
            id,
            message: { text: x.message },
            physicalLocation: {
              artifactLocation: { uri: uriOf(rel), uriBaseId: SRCROOT, index: artifactIndex },
              region: {
                startLine: x.range.start.line + 1,
                startColumn: x.range.start.character + 1,
                endLine: x.range.end.line + 1,
                endColumn: x.range.end.character + 1,
              },
            },
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT_NAME]: fingerprint(keyOf(root, r.path, f)) },
    properties: { pointer: f.pointer, docIndex: f.docIndex, severity: f.severity },
  };
}

export const formatSarif: Formatter = (results, ctx, write) => {
  const { log, each } = sarifParts(results, ctx.root);
  streamJson(write, log, 'results', each());
};
