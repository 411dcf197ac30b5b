/**
 * The JSON format, a contract for tools (DESIGN.md): `{"version": 1, "findings": [...],
 * "scorecard": [...]}`, each finding with its rule id, checklist items, severity, localized message,
 * file (relative, forward slashes), 0-based UTF-16 range as LSP counts it, resource identity (absent
 * name or namespace as null) and the rule's Pod Security Standards level. Keys and their order are
 * fixed; add to them only with a new `version`.
 */
import { renderMessage } from '../../core';
import type { AuditReport } from '../audit-report';
import type { AuditFormatContext } from './index';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: AuditReport, { locale }: AuditFormatContext): string {
  const findings = report.files.flatMap((file) =>
    file.findings.map(({ finding, rule, range }) => ({
      ruleId: finding.ruleId,
      checklist: [...rule.checklist],
      severity: finding.severity,
      message: renderMessage(finding, locale),
      file: file.path,
      range: {
        start: { line: range.start.line, character: range.start.character },
        end: { line: range.end.line, character: range.end.character },
      },
      resource: {
        apiVersion: finding.resource.apiVersion,
        kind: finding.resource.kind,
        name: finding.resource.name ?? null,
        namespace: finding.resource.namespace ?? null,
      },
      pss: rule.pss ? { level: rule.pss.level } : null,
    })),
  );
  const scorecard = report.scorecard.map(({ item, status, findings: n }) => ({ item, status, findings: n }));
  return JSON.stringify({ version: JSON_REPORT_VERSION, findings, scorecard }, null, 2) + '\n';
}
