/**
 * ESLint's JSON formatter shape: `[{filePath, messages: [{ruleId, severity, message, line, column,
 * endLine, endColumn}], errorCount, warningCount}]`. Lines and columns are 1-based, columns count
 * UTF-16 code units (as JavaScript and LSP do); severity is a word. Written as it goes, one message
 * at a time. The counts include the findings the report's limits left out (see `output/truncated`).
 */
import type { Finding } from '../../core';
import { countBySeverity } from '../limits';
import { type Formatter, jsonAt } from '../types';

function message(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    pointer: f.pointer,
    ...(f.related?.length ? { related: f.related.map((x) => ({ message: x.message, line: x.range.start.line + 1, column: x.range.start.character + 1, pointer: x.pointer })) } : {}),
    ...(f.fixes?.length ? { fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })) } : {}),
  };
}

export const formatJson: Formatter = (results, _ctx, write) => {
  if (results.length === 0) {
    write('[]\n');
    return;
  }
  write('[\n');
  results.forEach((r, i) => {
    write(`  {\n    "filePath": ${JSON.stringify(r.path)},\n`);
    if (r.findings.length === 0) write('    "messages": [],\n');
    else {
      write('    "messages": [\n');
      r.findings.forEach((f, j) => write('      ' + jsonAt(message(f), 3) + (j < r.findings.length - 1 ? ',\n' : '\n')));
      write('    ],\n');
    }
    const count = countBySeverity([r]);
    write(`    "errorCount": ${count.error},\n    "warningCount": ${count.warning},\n    "infoCount": ${count.info}\n`);
    write(i < results.length - 1 ? '  },\n' : '  }\n');
  });
  write(']\n');
};
