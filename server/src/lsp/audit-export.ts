/**
 * kubeChecklist/exportAuditReport: the last workspace audit in the CLI's output formats (JSON,
 * SARIF, Markdown), by turning it into the CLI's AuditReport and calling the same formatters, so an
 * export from the editor and `kube-checklist audit --format ...` follow one contract. Paths are
 * relative to the workspace folder (prefixed by the folder name in multi-root workspaces); SARIF's
 * %SRCROOT% is the first folder.
 */
import { ResponseError, ErrorCodes } from 'vscode-languageserver/node';
import { Locale, positionOf, ruleById, SEVERITIES, Severity } from '../core';
import type { Finding, SourceFile } from '../core';
import { AUDIT_FORMATTERS, AuditFormat } from '../cli/audit-format';
import type { AuditNotification, AuditReport, FileReport, Range, ReportedFinding, SuppressedReport } from '../cli/audit-report';
import { palette } from '../cli/color';
import { carriesControlPlane } from '../cli/scorecard';
import type { LastAudit } from './audit';
import type { ExportAuditParams, ExportAuditResult } from './audit-protocol';
import { workspaceMessage } from './workspace-messages';

const EXTENSIONS: Record<string, string> = { json: 'json', sarif: 'sarif', markdown: 'md' };

export function exportAudit(last: LastAudit | undefined, params: ExportAuditParams, locale: Locale): ExportAuditResult {
  if (!last) throw new ResponseError(ErrorCodes.InvalidRequest, workspaceMessage('noAudit', locale));
  const format = params?.format as AuditFormat;
  const formatter = EXTENSIONS[format] ? AUDIT_FORMATTERS[format] : undefined;
  if (!formatter) throw new ResponseError(ErrorCodes.InvalidParams, workspaceMessage('formatUnavailable', locale, { format: String(params?.format) }));
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
  const files: FileReport[] = last.files.map(({ folder, analysis }) => {
    const { source, resources } = analysis.file;
    const reported = (finding: Finding): ReportedFinding | undefined => {
      const rule = ruleById(finding.ruleId);
      return rule ? { finding, rule, range: rangeOf(source, finding) } : undefined;
    };
    return {
      path: multiRoot ? `${folder.name}/${analysis.file.path}` : analysis.file.path,
      resourceCount: resources.length,
      kinds: [...new Set(resources.map((resource) => resource.kind))].sort(),
      controlPlaneKinds: [...new Set(resources.filter(carriesControlPlane).map((resource) => resource.kind))].sort(),
      findings: analysis.findings.map(reported).filter((entry): entry is ReportedFinding => entry !== undefined),
      suppressed: analysis.suppressed
        .map(({ finding, reason, by }): SuppressedReport | undefined => {
          const entry = reported(finding);
          return entry ? { ...entry, reason, by } : undefined;
        })
        .filter((entry): entry is SuppressedReport => entry !== undefined),
    };
  });
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

function rangeOf(source: SourceFile, finding: Finding): Range {
  return { start: positionOf(source, finding.start), end: positionOf(source, finding.end) };
}
