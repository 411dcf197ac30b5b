/**
 * The JSON format, a contract for tools (DESIGN.md): `{"version": 1, "findings": [...],
 * "scorecard": [...]}`, each finding with its rule id, checklist items, severity, localized message,
 * file (relative, forward slashes), 0-based UTF-16 range as LSP counts it, resource identity (absent
 * name or namespace as null), the rule's Pod Security Standards level, and the related places of a
 * cross-resource finding (file, range, message). Keys and their order are fixed: new keys go at the
 * end of an object, and removing or renaming one needs a new `version`.
 */
import { renderMessage } from '../../core';
import type { AuditReport, Range } from '../audit-report';
import type { AuditFormatContext } from './format-types';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: AuditReport, { locale }: AuditFormatContext): string {
  const findings = report.files.flatMap((file) =>
    file.findings.map(({ finding, rule, range, related }) => ({
      ruleId: finding.ruleId,
      checklist: [...rule.checklist],
      severity: finding.severity,
      message: renderMessage(finding, locale),
      file: file.path,
      range: plainRange(range),
      resource: {
        apiVersion: finding.resource.apiVersion,
        kind: finding.resource.kind,
        name: finding.resource.name ?? null,
        namespace: finding.resource.namespace ?? null,
      },
      pss: rule.pss ? { level: rule.pss.level } : null,
      related: related.map((place) => ({ file: place.path, range: plainRange(place.range), message: place.message })),
    })),
  );
  const scorecard = report.scorecard.map(({ item, status, findings: n, evidence }) => ({ item, status, findings: n, evidence }));
  return JSON.stringify({ version: JSON_REPORT_VERSION, findings, scorecard }, null, 2) + '\n';
}

function plainRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
