/**
 * The active rules over one resource: their path reports become findings with offsets (located in
 * the document), related places and rebased fixes. A finding of a restricted rule that also breaks
 * baseline (`Report.breaksBaseline`) keeps the replaced baseline rule's configured severity when
 * that is higher, so the default level never weakens the gate. A rule that throws is contained: the
 * others still report and the error is returned for the caller to log.
 */
import { Resource, ResourceIdentity } from '../model/resource';
import { isSensitive } from '../model/sensitivity';
import type { PropertyPath } from '../model/values';
import { isResourceRule, SEVERITIES } from '../rules/types';
import { ANY_KIND } from '../model/pod-spec';
import type { Finding, FindingLocation, RelatedReport, Report, RuleFailure, Severity } from '../rules/types';
import { locate } from './locate';
import type { EditOp, Fix } from '../edits/types';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import { capReports } from './finding-cap';
import type { RuleSelection } from './select-rules';

export function checkResource(
  resource: Resource,
  selection: RuleSelection,
  ruleFailures: RuleFailure[],
  related: readonly Resource[] = [resource],
  index?: WorkspaceIndex,
): Finding[] {
  const sensitiveCache = new Map<Resource, boolean>();
  const sensitive = (candidate: Resource): boolean => {
    let value = sensitiveCache.get(candidate);
    if (value === undefined) sensitiveCache.set(candidate, (value = isSensitive(candidate, selection.sensitive)));
    return value;
  };
  const findings: Finding[] = [];
  for (const { rule, severity, baselineSeverity } of selection.rules) {
    if (!isResourceRule(rule) || !inScope(rule.scope.kinds, resource.kind)) continue;
    const reports: Report[] = [];
    try {
      rule.check(
        { level: selection.level, minorVersion: selection.minorVersion, now: selection.now, related, isSensitive: sensitive, report: (report) => reports.push(report) },
        resource,
      );
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const report of capReports(reports)) {
      const reported = report.breaksBaseline && baselineSeverity ? moreSevere(severity, baselineSeverity) : severity;
      findings.push(toFinding(rule.id, reported, resource, report, index));
    }
  }
  return findings;
}

/** A scope's kinds hold the resource's kind, or `ANY_KIND` (the rule decides, e.g. generic Pod templates). */
function inScope(kinds: readonly string[], kind: string): boolean {
  return kinds.includes(kind) || kinds.includes(ANY_KIND);
}

/** The more severe of two severities (error > warning > info > hint). */
function moreSevere(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) <= SEVERITIES.indexOf(b) ? a : b;
}

export function identityOf(resource: Resource): ResourceIdentity {
  return { apiVersion: resource.apiVersion, kind: resource.kind, name: resource.name, namespace: resource.namespace };
}

/** A rule's report (paths from the resource root) as a finding (paths from the document root, offsets). */
export function toFinding(ruleId: string, severity: Severity, resource: Resource, report: Report, index?: WorkspaceIndex): Finding {
  const path = [...resource.basePath, ...report.path];
  const target = report.target ?? 'value';
  const location = locate(resource.document.contents, path, target);
  const file = index ? index.fileOf(resource).uri || undefined : undefined;
  const finding: Finding = {
    ruleId,
    messageId: report.messageId,
    data: report.data ?? {},
    severity,
    path,
    target,
    start: location.start,
    end: location.end,
    exact: location.exact,
    documentIndex: resource.documentIndex,
    resource: identityOf(resource),
    fixes: (report.fixes ?? []).map((fix) => rebaseFix(fix, resource.basePath)),
    ...(file !== undefined ? { file } : {}),
  };
  if (!report.related?.length) return finding;
  return { ...finding, related: report.related.map((related) => toLocation(related, index)) };
}

function toLocation(related: RelatedReport, index?: WorkspaceIndex): FindingLocation {
  const { resource } = related;
  const path = [...resource.basePath, ...related.path];
  const target = related.target ?? 'value';
  const location = locate(resource.document.contents, path, target);
  const file = index ? index.fileOf(resource).uri || undefined : undefined;
  return {
    ...(file !== undefined ? { file } : {}),
    path,
    target,
    start: location.start,
    end: location.end,
    exact: location.exact,
    documentIndex: resource.documentIndex,
    resource: identityOf(resource),
    ...(related.messageId !== undefined ? { messageId: related.messageId } : {}),
    ...(related.data !== undefined ? { data: related.data } : {}),
  };
}

function rebaseFix(fix: Fix, basePath: PropertyPath): Fix {
  if (basePath.length === 0) return fix;
  return { ...fix, ops: fix.ops.map((op): EditOp => ({ ...op, path: [...basePath, ...op.path] })) };
}

