/** Core findings → LSP diagnostics. Only this folder knows the protocol. */
import { type Diagnostic, DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { type Finding, type Severity, ruleDocsUrl } from '../core';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'haulcheck';

/** What a diagnostic carries for code actions: enough to find the finding again. */
export interface DiagnosticData {
  ruleId: string;
  pointer: string;
  docIndex: number;
}

export function toDiagnostic(f: Finding): Diagnostic {
  const d: Diagnostic = {
    range: {
      start: { line: f.range.start.line, character: f.range.start.character },
      end: { line: f.range.end.line, character: f.range.end.character },
    },
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: ruleDocsUrl(f.ruleId) },
    source: SOURCE,
    message: f.message,
    data: { ruleId: f.ruleId, pointer: f.pointer, docIndex: f.docIndex } satisfies DiagnosticData,
  };
  if (f.data?.unnecessary) d.tags = [DiagnosticTag.Unnecessary];
  return d;
}
