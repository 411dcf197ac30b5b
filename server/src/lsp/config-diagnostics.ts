/**
 * The diagnostics of an open `.kube-checklist.yaml`: each problem of the file where it is (an error:
 * a broken configuration is not applied), and each suppression past its expiry date (information:
 * its findings are reported again).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isExpired, Locale, locate, readConfigFile, renderConfigProblem } from '../core';
import { parseDocument } from 'yaml';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { lspMessage } from './lsp-messages';

export const CONFIG_PROBLEM_CODE = 'kube-checklist-config';

export function configDiagnostics(document: TextDocument, locale: Locale, now = Date.now()): Diagnostic[] {
  const text = document.getText();
  const { config, problems } = readConfigFile(text);
  const diagnostics: Diagnostic[] = problems.map((problem) => ({
    range: { start: document.positionAt(problem.start), end: document.positionAt(Math.max(problem.end, problem.start)) },
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_PROBLEM_CODE,
    message: renderConfigProblem(problem, locale),
  }));
  if (!config?.suppressions?.length) return diagnostics;
  const contents = parseDocument(text).contents;
  config.suppressions.forEach((suppression, index) => {
    if (!isExpired(suppression, now)) return;
    const { start, end } = locate(contents, ['suppressions', index, 'expires'], 'value');
    diagnostics.push({
      range: { start: document.positionAt(start), end: document.positionAt(end) },
      severity: DiagnosticSeverity.Information,
      source: DIAGNOSTIC_SOURCE,
      code: CONFIG_PROBLEM_CODE,
      message: lspMessage('suppressionExpired', locale, { rule: suppression.rule, date: suppression.expires ?? '' }),
    });
  });
  return diagnostics;
}
