/** The default human format: file, line:column, severity, message, rule id, and a code frame. */
import { codeFrameColumns } from '@babel/code-frame';
import { styleText } from 'node:util';
import type { FileResult, Formatter } from '../types';
import { escapeControls } from '../terminal';
import { countBySeverity } from '../limits';

type Style = Parameters<typeof styleText>[0];

export const formatStylish: Formatter = (results, ctx, write) => {
  const paint = (style: Style, s: string) => (ctx.color ? styleText(style, s) : s);
  // Lines joined by line breaks, written as they come.
  let started = false;
  const line = (s: string) => {
    write(started ? '\n' + s : s);
    started = true;
  };
  for (const r of results) {
    if (r.findings.length === 0) continue;
    // Text from the data is escaped (terminal.ts): only the colours of this report are raw.
    line('');
    line(paint('underline', escapeControls(r.displayPath, true)));
    for (const f of r.findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', f.severity);
      line(`  ${paint('dim', pos.padEnd(7))} ${sev.padEnd(ctx.color ? 0 : 7)}  ${escapeControls(f.message, true)}  ${paint('dim', escapeControls(f.ruleId, true))}`);
      line(indent(frame(r, f.range), 4));
    }
  }
  if (started) line('');
};

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/**
 * The line every run ends with, on standard error: files, events, problems by severity, time.
 * `✖ 3 problems (2 errors, 1 warning) in 13 files (12 events), 0.42 s`; `✔ no problems in …` when clean.
 */
export function summaryLine(results: readonly FileResult[], ms: number, color: boolean, cached?: { reused: number; checked: number }): string {
  const paint = (style: Style, s: string) => (color ? styleText(style, s) : s);
  // Every finding, shown or left out by the report's limits.
  const count = countBySeverity(results);
  const total = count.error + count.warning + count.info;
  const events = results.filter((r) => r.kind === 'event').length;
  const cache = cached ? ` (${cached.reused.toLocaleString('en-US')} from the cache, ${cached.checked.toLocaleString('en-US')} checked)` : '';
  const scope = `in ${plural(results.length, 'file')} (${plural(events, 'event')}), ${(ms / 1000).toFixed(2)} s${cache}`;
  if (total === 0) return paint('green', `✔ no problems ${scope}`);
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning'), ...(count.info ? [`${count.info} info`] : [])];
  return paint(count.error ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) ${scope}`);
}

/** Characters of a line a code frame shows, at most: a longer line is shown around the place (a 9 MB line is one line). */
export const FRAME_WIDTH = 160;

/**
 * The code frame of a range: the lines around it, as @babel/code-frame draws them, given only those
 * lines (and where they start), so that a frame costs its lines, not the file. Control characters are
 * escaped; a line longer than FRAME_WIDTH is cut to a window around the range, marked with "…".
 */
function frame(r: FileResult, range: FileResult['findings'][number]['range']): string {
  const first = Math.max(0, range.start.line - 1);
  const last = Math.min(r.lines.lineCount - 1, range.end.line + 1);
  // The window of the start line, which every line of the frame shares (the marker is on it).
  const startText = r.lines.lineText(range.start.line);
  const from = startText.length > FRAME_WIDTH ? Math.max(0, Math.min(range.start.character - FRAME_WIDTH / 4, startText.length - FRAME_WIDTH)) : 0;
  const shown: string[] = [];
  for (let l = first; l <= last; l++) shown.push(cut(r.lines.lineText(l), from));
  // A column after an escaped character (or the leading "…") moves right by its length.
  const column = (line: number, character: number) => cut(r.lines.lineText(line).slice(0, character), from, false).length + 1;
  const start = { line: range.start.line + 1, column: column(range.start.line, range.start.character) };
  const sameLine = range.end.line === range.start.line;
  const end = sameLine && range.end.character > range.start.character ? { line: range.end.line + 1, column: Math.min(column(range.end.line, range.end.character), start.column + FRAME_WIDTH) } : undefined;
  // `startLine` (where the given lines start) is an option of code-frame its types do not list.
  const options = { highlightCode: false, linesAbove: 1, linesBelow: 1, startLine: first + 1 } as Parameters<typeof codeFrameColumns>[2];
  return codeFrameColumns(shown.join('\n'), end ? { start, end } : { start }, options);
}

/** A line as a frame shows it: from `from` (a "…" before it), at most FRAME_WIDTH characters (a "…" after), escaped. */
function cut(line: string, from: number, tail = true): string {
  if (line.length <= FRAME_WIDTH && from === 0) return escapeControls(line, true);
  const part = line.slice(from, from + FRAME_WIDTH);
  return (from > 0 ? '…' : '') + escapeControls(part, true) + (tail && from + FRAME_WIDTH < line.length ? '…' : '');
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
