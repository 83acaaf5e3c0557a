/** The default human format: file, line:column, severity, message, rule id, and a code frame. */
import { codeFrameColumns } from '@babel/code-frame';
import { styleText } from 'node:util';
import type { FileResult, Formatter } from '../types';

type Style = Parameters<typeof styleText>[0];

export const formatStylish: Formatter = (results, ctx) => {
  const paint = (style: Style, s: string) => (ctx.color ? styleText(style, s) : s);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    if (r.findings.length === 0) continue;
    lines.push('', paint('underline', r.displayPath));
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const pos = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      const sev = f.severity === 'error' ? paint('red', 'error') : f.severity === 'warning' ? paint('yellow', 'warning') : paint('blue', f.severity);
      lines.push(`  ${paint('dim', pos.padEnd(7))} ${sev.padEnd(ctx.color ? 0 : 7)}  ${f.message}  ${paint('dim', f.ruleId)}`);
      lines.push(indent(frame(r, f.range), 4));
    }
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `${total} ${total === 1 ? 'problem' : 'problems'} (${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}${infos ? `, ${infos} info` : ''})`;
  lines.push('', paint(errors ? 'red' : 'yellow', `✖ ${summary}`), '');
  return lines.join('\n');
};

function frame(r: FileResult, range: FileResult['findings'][number]['range']): string {
  const start = { line: range.start.line + 1, column: range.start.character + 1 };
  const sameLine = range.end.line === range.start.line;
  const end = sameLine && range.end.character > range.start.character ? { line: range.end.line + 1, column: range.end.character + 1 } : undefined;
  // code-frame splits on \n only: give it one line break style.
  const text = r.text.replace(/\r\n?/g, '\n');
  return codeFrameColumns(text, end ? { start, end } : { start }, { highlightCode: false, linesAbove: 1, linesBelow: 1 });
}

function indent(s: string, n: number): string {
  const pad = ' '.repeat(n);
  return s
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
