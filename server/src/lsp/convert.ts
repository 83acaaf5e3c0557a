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

/** `uri`: the document's URI, for the related information (it lies in the same document). */
export function toDiagnostic(f: Finding, uri?: string): Diagnostic {
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
  if (uri && f.related?.length)
    d.relatedInformation = f.related.map((r) => ({
      location: {
        uri,
        range: {
          start: { line: r.range.start.line, character: r.range.start.character },
          end: { line: r.range.end.line, character: r.range.end.character },
        },
      },
      message: r.message,
    }));
  return d;
}
