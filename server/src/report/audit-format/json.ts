/**
 * The JSON format, a contract for tools (DESIGN.md): `{"version": 1, "findings": [...],
 * "scorecard": [...], "shard": ..., "report": ...}`, each finding with its rule id, checklist items,
 * severity, localized message, file (relative, forward slashes), 0-based UTF-16 range as LSP counts
 * it, resource identity (absent name or namespace as null), the rule's Pod Security Standards level,
 * and the related places of a cross-resource finding (file, range, message). `shard` is
 * `{"index", "count"}` for `audit --shard I/N` (else null); `report` is what `kube-checklist merge`
 * needs to rebuild the whole audit from its shards (shard-report.ts reads it back). Keys and their
 * order are fixed: new keys go at the end of an object, and removing or renaming one needs a new
 * `version`.
 */
import { redactData, renderMessage } from '../../core';
import type { AuditReport, Range, ReportedFinding, SuppressedReport } from '../audit-report';
import { fingerprintsOfReport } from './sarif';
import type { AuditFormatContext } from './format-types';
import { cliVersion } from '../version';

export const JSON_REPORT_VERSION = 1;

export function formatJson(report: AuditReport, { locale, kubernetesVersion }: AuditFormatContext): string {
  const findings = report.files.flatMap((file) =>
    file.findings.map(({ finding, rule, range, related }) => ({
      ruleId: finding.ruleId,
      checklist: [...rule.checklist],
      severity: finding.severity,
      message: renderMessage(finding, locale),
      file: file.path,
      range: plainRange(range),
      resource: resourceOf(finding),
      pss: rule.pss ? { level: rule.pss.level } : null,
      related: related.map((place) => ({ file: place.path, range: plainRange(place.range), message: place.message })),
    })),
  );
  const scorecard = report.scorecard.map(({ item, status, findings: n, evidence }) => ({ item, status, findings: n, evidence }));
  const shard = report.shard ? { index: report.shard.index, count: report.shard.count } : null;
  const prints = fingerprintsOfReport(report);
  const entry = (reported: ReportedFinding) => ({
    ruleId: reported.finding.ruleId,
    messageId: reported.finding.messageId,
    // Redacted as every message is: a value that looks like a secret never leaves the run.
    data: redactData(reported.finding.data),
    severity: reported.finding.severity,
    resource: resourceOf(reported.finding),
    range: plainRange(reported.range),
    related: reported.related.map((place) => ({ file: place.path, range: plainRange(place.range), message: place.message })),
    fingerprint: prints.get(reported)!,
  });
  const full = {
    tool: 'kube-checklist',
    toolVersion: cliVersion(),
    locale,
    level: report.selection.level,
    kubernetesVersion: `v1.${report.selection.minorVersion}`,
    kubernetesVersionOption: kubernetesVersion ?? null,
    rules: report.selection.rules.map(({ rule, severity }) => ({ id: rule.id, severity })),
    files: report.files.map((file) => ({
      path: file.path,
      resourceCount: file.resourceCount,
      kinds: [...file.kinds],
      controlPlaneKinds: [...file.controlPlaneKinds],
      evidence: [...file.evidence],
      findings: file.findings.map(entry),
      suppressed: file.suppressed.map((item: SuppressedReport) => ({ ...entry(item), reason: item.reason, by: item.by })),
    })),
    notifications: report.notifications.map(({ text, file, line, column }) => ({ text, file: file ?? null, line: line ?? null, column: column ?? null })),
  };
  return JSON.stringify({ version: JSON_REPORT_VERSION, findings, scorecard, shard, report: full }, null, 2) + '\n';
}

function resourceOf(finding: ReportedFinding['finding']) {
  return {
    apiVersion: finding.resource.apiVersion,
    kind: finding.resource.kind,
    name: finding.resource.name ?? null,
    namespace: finding.resource.namespace ?? null,
  };
}

function plainRange(range: Range): Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}
