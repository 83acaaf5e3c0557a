/** The default human format: file, line:column, severity, message, rule id, and a code frame. */
import { codeFrameColumns } from '@babel/code-frame';
import { styleText } from 'node:util';
import type { FileResult, Formatter } from '../types';
import { escapeControls } from '../terminal';

type Style = Parameters<typeof styleText>[0];

export const formatStylish: Formatter = (results, ctx) => {
  const paint = (style: Style, s: string) => (ctx.color ? styleText(style, s) : s);
  const lines: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0) continue;
    // Text from the data is escaped (terminal.ts): only the colours of this report are raw.
    lines.push('', paint('underline', escapeControls(r.displayPath, true)));
    for (const f of r.findings) {
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', f.severity);
      lines.push(`  ${paint('dim', pos.padEnd(7))} ${sev.padEnd(ctx.color ? 0 : 7)}  ${escapeControls(f.message, true)}  ${paint('dim', escapeControls(f.ruleId, true))}`);
      lines.push(indent(frame(r, f.range), 4));
    }
  }
  if (lines.length === 0) return '';
  lines.push('');
  return lines.join('\n');
};

const plural = (n: number, one: string, many = one + 's') => `${n} ${n === 1 ? one : many}`;

/**
 * The line every run ends with, on standard error: files, events, problems by severity, time.
 * `✖ 3 problems (2 errors, 1 warning) in 13 files (12 events), 0.42 s`; `✔ no problems in …` when clean.
 */
export function summaryLine(results: readonly FileResult[], ms: number, color: boolean, cached?: { reused: number; checked: number }): string {
  const paint = (style: Style, s: string) => (color ? styleText(style, s) : s);
  const count = { error: 0, warning: 0, info: 0 };
  for (const r of results) for (const f of r.findings) count[f.severity === 'hint' ? 'info' : f.severity]++;
  const total = count.error + count.warning + count.info;
  const events = results.filter((r) => r.kind === 'event').length;
  const cache = cached ? ` (${cached.reused.toLocaleString('en-US')} from the cache, ${cached.checked.toLocaleString('en-US')} checked)` : '';
  const scope = `in ${plural(results.length, 'file')} (${plural(events, 'event')}), ${(ms / 1000).toFixed(2)} s${cache}`;
  if (total === 0) return paint('green', `✔ no problems ${scope}`);
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning'), ...(count.info ? [`${count.info} info`] : [])];
  return paint(count.error ? 'red' : 'yellow', `✖ ${plural(total, 'problem')} (${parts.join(', ')}) ${scope}`);
}

/** A file's lines as the code frame shows them: control characters escaped. */
const framed = new WeakMap<FileResult, { lines: string[]; text: string }>();

function framedText(r: FileResult): { lines: string[]; text: string } {
  let f = framed.get(r);
  if (!f) {
    // code-frame splits on \n only: give it one line break style.
    const lines = r.text.split(/\r\n?|\n/);
    f = { lines, text: lines.map((l) => escapeControls(l, true)).join('\n') };
    framed.set(r, f);
  }
  return f;
}

function frame(r: FileResult, range: FileResult['findings'][number]['range']): string {
  const { lines, text } = framedText(r);
  // A column after an escaped character moves right by the escape's length.
  const column = (line: number, character: number) => escapeControls((lines[line] ?? '').slice(0, character), true).length + 1;
  const start = { line: range.start.line + 1, column: column(range.start.line, range.start.character) };
  const sameLine = range.end.line === range.start.line;
  const end = sameLine && range.end.character > range.start.character ? { line: range.end.line + 1, column: column(range.end.line, range.end.character) } : undefined;
  return codeFrameColumns(text, end ? { start, end } : { start }, { highlightCode: false, linesAbove: 1, linesBelow: 1 });
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
