/**
 * The pieces of Audit Workspace's answer (audit-protocol.ts) made from the audit: each finding with
 * its position, message, checklist items and related places, the checklist sections with their
 * scorecard status and guidance, and the rule failures once each.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import { CHECKLIST_ITEMS, CHECKLIST_SECTIONS, checklistItemUrl, Finding, Locale, localize, renderMessage, ruleById, ruleDocsUrl, RuleFailure } from '../core';
import { CHECKLIST_GUIDANCE } from '../core/checklist/guidance';
import type { ScorecardEntry } from '../report/scorecard';
import { evidenceLine } from '../report/evidence-labels';
import type { AuditFinding, AuditSection } from './audit-protocol';
import type { Positioner } from './workspace-diagnostics';

export function auditFinding(id: number, path: string, own: Positioner, finding: Finding, diagnostic: Diagnostic | undefined, locale: Locale): AuditFinding {
  const rule = ruleById(finding.ruleId);
  return {
    id,
    uri: own.uri,
    path,
    range: { start: own.positionAt(finding.start), end: own.positionAt(finding.end) },
    severity: finding.severity,
    ruleId: finding.ruleId,
    message: renderMessage(finding, locale),
    checklist: [...(rule?.checklist ?? [])],
    docsUrl: ruleDocsUrl(finding.ruleId),
    resource: {
      apiVersion: finding.resource.apiVersion,
      kind: finding.resource.kind,
      name: finding.resource.name ?? null,
      namespace: finding.resource.namespace ?? null,
    },
    related: (diagnostic?.relatedInformation ?? []).map((information) => ({ uri: information.location.uri, range: information.location.range, message: information.message })),
  };
}

export function checklistSections(scorecard: readonly ScorecardEntry[], findings: readonly AuditFinding[], locale: Locale): AuditSection[] {
  const entries = new Map(scorecard.map((entry) => [entry.item, entry]));
  return CHECKLIST_SECTIONS.map((section) => ({
    id: section.id,
    title: localize(section.title, locale),
    url: checklistItemUrl(`${section.id}/`, locale),
    items: CHECKLIST_ITEMS.filter((item) => item.section === section.id).map((item) => {
      const entry = entries.get(item.id);
      const guidance = CHECKLIST_GUIDANCE[item.id];
      const rules = entry?.rules ?? [];
      return {
        id: item.id,
        summary: localize(item.summary, locale),
        check: item.check,
        status: entry?.status ?? 'manual',
        findings: entry?.findings ?? 0,
        suppressed: entry?.suppressed ?? 0,
        rules: [...rules],
        findingIds: findings.filter((finding) => rules.includes(finding.ruleId)).map((finding) => finding.id),
        guidance: guidance ? localize(guidance, locale) : null,
        evidence: evidenceLine(entry?.evidence ?? [], locale),
        url: checklistItemUrl(item.id, locale),
      };
    }),
  }));
}

export function dedupeFailures(failures: readonly RuleFailure[]): RuleFailure[] {
  const seen = new Set<string>();
  return failures.filter((failure) => {
    const key = `${failure.ruleId}\u0000${failure.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
