/**
 * Diagnostics of findings that may point into other files: the diagnostic itself as diagnostics.ts
 * makes it (code, link, data), plus `relatedInformation` for each related place, positioned in its
 * own file (an open document, or the parsed text of an indexed file) and described by the rule's
 * message for it. Also directive problems, and diagnostics for files that are not open (the audit),
 * where positions come from the parsed text instead of a TextDocument.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Position } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIRECTIVE_PROBLEM_CODE, Finding, Locale, positionOf, renderDirectiveProblem, renderMessage, SourceFile } from '../core';
import type { AnalysisResult } from '../core';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { workspaceMessage } from './workspace-messages';

/** Something that turns offsets of one file into LSP positions. */
export interface Positioner {
  readonly uri: string;
  positionAt(offset: number): Position;
}

export function sourcePositioner(uri: string, source: SourceFile): Positioner {
  return { uri, positionAt: (offset) => positionOf(source, offset) };
}

/** A TextDocument-shaped view of a parsed file, for diagnostics.ts which positions through one. */
function asDocument(positioner: Positioner): TextDocument {
  return { uri: positioner.uri, positionAt: (offset: number) => positioner.positionAt(offset) } as unknown as TextDocument;
}

/**
 * The diagnostic of a finding in `own`; `resolve` finds the positioner of another file of a related
 * place (undefined: the place is left out).
 */
export function findingDiagnostic(own: Positioner, finding: Finding, locale: Locale, resolve: (uri: string) => Positioner | undefined): Diagnostic {
  const diagnostic = toDiagnostic(asDocument(own), finding, locale);
  if (!finding.related?.length) return diagnostic;
  const related: DiagnosticRelatedInformation[] = [];
  for (const location of finding.related) {
    const positioner = location.file === undefined || location.file === own.uri ? own : resolve(location.file);
    if (!positioner) continue;
    const message = location.messageId
      ? renderMessage({ ruleId: finding.ruleId, messageId: location.messageId, data: location.data ?? finding.data }, locale)
      : workspaceMessage('relatedPlace', locale);
    related.push({
      location: { uri: positioner.uri, range: { start: positioner.positionAt(location.start), end: positioner.positionAt(location.end) } },
      message,
    });
  }
  return related.length ? { ...diagnostic, relatedInformation: related } : diagnostic;
}

/** Every diagnostic of an analysis result: findings, then directive problems. */
export function resultDiagnostics(own: Positioner, result: AnalysisResult, locale: Locale, resolve: (uri: string) => Positioner | undefined): Diagnostic[] {
  const diagnostics = result.findings.map((finding) => findingDiagnostic(own, finding, locale, resolve));
  for (const problem of result.directiveProblems) {
    diagnostics.push({
      range: { start: own.positionAt(problem.start), end: own.positionAt(problem.end) },
      severity: DiagnosticSeverity.Warning,
      code: DIRECTIVE_PROBLEM_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: renderDirectiveProblem(problem, locale),
    });
  }
  return diagnostics;
}
