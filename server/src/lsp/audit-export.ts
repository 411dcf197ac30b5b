/**
 * kubeChecklist/exportAuditReport: the last workspace audit in the CLI's output formats (JSON,
 * SARIF, Markdown), by turning it into the CLI's AuditReport and calling the same formatters, so an
 * export from the editor and `kube-checklist audit --format ...` follow one contract. Paths are
 * relative to the workspace folder (prefixed by the folder name in multi-root workspaces); SARIF's
 * %SRCROOT% is the first folder.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { Locale, SEVERITIES, Severity } from '../core';
import { AUDIT_FORMATTERS, AuditFormat } from '../report/audit-format';
import type { AuditNotification, AuditReport, FileReport } from '../report/audit-report';
import { fileReportOf } from '../report/file-report';
import { palette } from '../report/palette';
import type { LastAudit } from './audit';
import type { ExportAuditParams, ExportAuditResult } from './audit-protocol';
import { workspaceMessage } from './workspace-messages';

const EXTENSIONS: Record<string, string> = { json: 'json', sarif: 'sarif', markdown: 'md' };

export function exportAudit(last: LastAudit | undefined, params: ExportAuditParams, locale: Locale): ExportAuditResult {
  // The parameters first, and only our own formats (`constructor` is no format).
  const format = (params as Partial<ExportAuditParams> | null | undefined)?.format as AuditFormat;
  const formatter = typeof format === 'string' && Object.hasOwn(EXTENSIONS, format) && Object.hasOwn(AUDIT_FORMATTERS, format) ? AUDIT_FORMATTERS[format] : undefined;
  if (!formatter) throw new ResponseError(ErrorCodes.InvalidParams, workspaceMessage('formatUnavailable', locale, { format: String(format) }));
  if (!last) throw new ResponseError(ErrorCodes.InvalidRequest, workspaceMessage('noAudit', locale));
  const report = toCliReport(last, locale);
  const folders = last.result.folders;
  const cwd = last.files[0]?.folder.fsPath;
  const content = formatter(report, {
    locale,
    colors: palette(false),
    paths: folders.map((folder) => folder.name),
    cwd,
    kubernetesVersion: last.kubernetesVersion,
  });
  return { format, fileName: `kube-checklist-audit.${EXTENSIONS[format]}`, content };
}

export function toCliReport(last: LastAudit, locale: Locale): AuditReport {
  const multiRoot = last.result.folders.length > 1;
  const displayPath = (file: LastAudit['files'][number]): string => (multiRoot ? `${file.folder.name}/${file.analysis.file.path}` : file.analysis.file.path);
  const byUri = new Map(last.files.map((file) => [file.analysis.file.uri, { path: displayPath(file), source: file.analysis.file.source }]));
  const files: FileReport[] = last.files.map((file) => fileReportOf(displayPath(file), file.analysis, (uri) => byUri.get(uri), locale));
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  for (const file of files) for (const { finding } of file.findings) bySeverity[finding.severity]++;
  const notifications: AuditNotification[] = last.result.skippedFiles.map((skipped) => ({
    text: workspaceMessage(skipped.reason === 'too-large' ? 'skippedLarge' : skipped.reason === 'binary' ? 'skippedBinary' : 'skippedUnreadable', locale, { reason: '' }),
    file: skipped.path,
  }));
  return {
    files,
    selection: last.selection,
    scorecard: last.scorecard,
    totals: {
      findings: files.reduce((sum, file) => sum + file.findings.length, 0),
      bySeverity,
      files: files.length,
      filesWithFindings: files.filter((file) => file.findings.length > 0).length,
      resources: files.reduce((sum, file) => sum + file.resourceCount, 0),
      suppressed: files.reduce((sum, file) => sum + file.suppressed.length, 0),
    },
    notifications,
  };
}
