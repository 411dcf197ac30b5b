/**
 * Findings as LSP diagnostics: offsets become UTF-16 positions through the TextDocument (CRLF-safe),
 * the rule id is the code with a link to its documentation, and `data` carries what a quick fix
 * needs to find its finding again without reading the message text (rule id, message id, path).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Locale, PropertyPath, Severity } from '../core';
import { renderMessage, ruleDocsUrl } from '../core';

export const DIAGNOSTIC_SOURCE = 'kube-checklist';

/**
 * What a quick fix needs to find its finding again, and nothing more: a file of thousands of
 * documents publishes tens of thousands of diagnostics on every keystroke, and every byte of
 * them crosses the pipe and is parsed by the editor.
 */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly messageId: string;
  readonly path: PropertyPath;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: Finding, locale: Locale): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, messageId: finding.messageId, path: finding.path };
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocsUrl(finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: renderMessage(finding, locale),
    data,
  };
}
