/**
 * ESLint's JSON formatter shape: `[{filePath, messages: [{ruleId, severity, message, line, column,
 * endLine, endColumn}], errorCount, warningCount}]`. Lines and columns are 1-based, columns count
 * UTF-16 code units (as JavaScript and LSP do); severity is a word.
 */
import type { Formatter } from '../types';

export const formatJson: Formatter = (results) => {
  const out = results.map((r) => ({
    filePath: r.path,
    messages: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      pointer: f.pointer,
      ...(f.related?.length
        ? { related: f.related.map((x) => ({ message: x.message, line: x.range.start.line + 1, column: x.range.start.character + 1, pointer: x.pointer })) }
        : {}),
      ...(f.fixes?.length ? { fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety })) } : {}),
    })),
    errorCount: r.findings.filter((f) => f.severity === 'error').length,
    warningCount: r.findings.filter((f) => f.severity === 'warning').length,
    infoCount: r.findings.filter((f) => f.severity === 'info' || f.severity === 'hint').length,
  }));
  return JSON.stringify(out, null, 2) + '\n';
};
