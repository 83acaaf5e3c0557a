/**
 * GitHub Actions workflow commands: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.
 * GitHub shows only about 10 annotations of each level per step and drops the rest silently, so
 * the most important findings are annotated (errors first; on changed lines first with
 * --changed-since), at most `maxAnnotations` per level, the omission is said in a `::notice::`,
 * and every finding goes into the job summary (markdown, see `ctx.summary`).
 */
import { type Finding, SEVERITY_RANK, ruleDocsUrl } from '../../core';
import { realPath, repoPath } from '../keys';
import type { FileResult, FormatContext, Formatter } from '../types';

export const DEFAULT_MAX_ANNOTATIONS = 10;

/** Escapes the message of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Level = 'error' | 'warning' | 'notice';
const LEVELS: Level[] = ['error', 'warning', 'notice'];

function levelOf(f: Finding): Level {
  return f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
}

interface Item {
  r: FileResult;
  f: Finding;
  file: string;
  changed: boolean;
  order: number;
}

export function annotation(item: { file: string; f: Finding }): string {
  const { f, file } = item;
  const s = f.range.start;
  const e = f.range.end;
  const props = [`file=${escapeProperty(file)}`, `line=${s.line + 1}`, `endLine=${e.line + 1}`];
  // Columns only mean something on a one-line region.
  if (s.line === e.line) props.push(`col=${s.character + 1}`, `endColumn=${e.character + 1}`);
  props.push(`title=${escapeProperty(`${f.ruleId} (${f.severity})`)}`);
  return `::${levelOf(f)} ${props.join(',')}::${escapeData(f.message)}`;
}

export interface GithubReport {
  commands: string;
  summary: string;
  shown: number;
  omitted: number;
}

export function githubReport(results: FileResult[], ctx: FormatContext): GithubReport {
  const cap = Math.max(0, ctx.maxAnnotations ?? DEFAULT_MAX_ANNOTATIONS);
  const items: Item[] = [];
  for (const r of results) {
    const changed = ctx.changedLines?.get(realPath(r.path));
    for (const f of r.findings) {
      let onChanged = changed === 'all';
      if (changed instanceof Set) for (let l = f.range.start.line + 1; l <= f.range.end.line + 1 && !onChanged; l++) onChanged = changed.has(l);
      items.push({ r, f, file: repoPath(ctx.root, r.path), changed: onChanged, order: items.length });
    }
  }
  const ranked = [...items].sort(
    (a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || Number(b.changed) - Number(a.changed) || a.order - b.order,
  );
  const byLevel = new Map<Level, Item[]>(LEVELS.map((l) => [l, ranked.filter((i) => levelOf(i.f) === l)]));
  const overflow = LEVELS.some((l) => byLevel.get(l)!.length > cap);
  const shownByLevel = new Map<Level, Item[]>();
  for (const l of LEVELS) {
    // The notice that says annotations were left out takes one of the notice slots.
    const room = l === 'notice' && overflow ? Math.max(0, cap - 1) : cap;
    shownByLevel.set(l, byLevel.get(l)!.slice(0, room));
  }
  const shown = LEVELS.reduce((n, l) => n + shownByLevel.get(l)!.length, 0);
  const omitted = items.length - shown;
  const lines = LEVELS.flatMap((l) => shownByLevel.get(l)!.map(annotation));
  const omittedText = omitted
    ? `Haulcheck: ${items.length} findings, ${shown} shown as annotations (at most ${cap} of each level), ${omitted} left out; every finding is listed in the job summary.`
    : '';
  if (omitted) lines.push(`::notice title=${escapeProperty('Haulcheck: annotations capped')}::${escapeData(omittedText)}`);
  return { commands: lines.length ? lines.join('\n') + '\n' : '', summary: summaryMarkdown(results, items, omittedText), shown, omitted };
}

/** GitHub refuses a step summary over 1 MiB; the table stops well before. */
const SUMMARY_LIMIT = 900_000;

function cell(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r\n?|\n/g, '<br>');
}

function summaryMarkdown(results: FileResult[], items: Item[], omittedText: string): string {
  const count = (s: string) => items.filter((i) => (s === 'info' ? i.f.severity === 'info' || i.f.severity === 'hint' : i.f.severity === s)).length;
  const out: string[] = ['## Haulcheck', ''];
  const files = results.length;
  if (items.length === 0) {
    out.push(`No problems in ${files} ${files === 1 ? 'file' : 'files'}.`, '');
    return out.join('\n') + '\n';
  }
  const withFindings = results.filter((r) => r.findings.length).length;
  out.push(
    `${items.length} ${items.length === 1 ? 'problem' : 'problems'} (${count('error')} errors, ${count('warning')} warnings, ${count('info')} info) in ${withFindings} of ${files} files.`,
    '',
  );
  if (omittedText) out.push(`> **Annotations capped.** ${omittedText}`, '');
  out.push('| Severity | Location | Rule | Message |', '| --- | --- | --- | --- |');
  let size = out.join('\n').length;
  let written = 0;
  for (const i of items) {
    const s = i.f.range.start;
    const row = `| ${i.f.severity} | \`${cell(i.file)}\`:${s.line + 1}:${s.character + 1} | [${cell(i.f.ruleId)}](${ruleDocsUrl(i.f.ruleId)}) | ${cell(i.f.message)} |`;
    if (size + row.length + 1 > SUMMARY_LIMIT) break;
    out.push(row);
    size += row.length + 1;
    written++;
  }
  if (written < items.length) out.push('', `${items.length - written} more findings do not fit in a job summary; use the SARIF or JSON report for the full list.`);
  return out.join('\n') + '\n\n';
}

export const formatGithub: Formatter = (results, ctx, write) => {
  const r = githubReport(results, ctx);
  ctx.summary = r.summary;
  write(r.commands);
};
