/**
 * One file of an audit as the output formats read it: findings and suppressed findings of a
 * workspace analysis with 0-based UTF-16 ranges, and their related places (another file's resource,
 * a Namespace, a Role) positioned in the file that holds them. The CLI audit and the server's
 * export both build their reports here, so `kube-checklist audit` and "Export audit report" agree.
 */
import { checkedKindsOf, EvidenceSource, extraEvidenceOf, Finding, FindingLocation, Locale, positionOf, renderMessage, Rule, ruleById, SourceFile } from '../core';
import type { FileAnalysis } from '../core';
import type { FileReport, Range, RelatedReport, ReportedFinding, SuppressedReport } from './audit-report';
import { t } from './messages';
import { carriesControlPlane } from './scorecard';

/** Finds a file of the workspace by its uri: its display path and parsed text. */
export type FileLookup = (uri: string) => { readonly path: string; readonly source: SourceFile } | undefined;

export function fileReportOf(path: string, analysis: FileAnalysis, lookup: FileLookup, locale: Locale): FileReport {
  const { source, resources } = analysis.file;
  const own = { path, source };
  const reported = (finding: Finding): ReportedFinding | undefined => {
    const rule = ruleById(finding.ruleId);
    return rule ? { finding, rule, range: rangeIn(source, finding), related: relatedOf(finding, rule, own, analysis.file.uri, lookup, locale) } : undefined;
  };
  const findings = analysis.findings.map(reported).filter((entry): entry is ReportedFinding => entry !== undefined);
  const suppressed = analysis.suppressed
    .map(({ finding, reason, by }): SuppressedReport | undefined => {
      const entry = reported(finding);
      return entry ? { ...entry, reason, by } : undefined;
    })
    .filter((entry): entry is SuppressedReport => entry !== undefined);
  findings.sort(compareReported);
  suppressed.sort(compareReported);
  return { path, resourceCount: resources.length, ...kindsOf(analysis.file), findings, suppressed };
}

function relatedOf(finding: Finding, rule: Rule, own: { path: string; source: SourceFile }, ownUri: string, lookup: FileLookup, locale: Locale): RelatedReport[] {
  const related: RelatedReport[] = [];
  for (const location of finding.related ?? []) {
    const place = location.file === undefined || location.file === ownUri ? own : lookup(location.file);
    if (!place) continue;
    related.push({ path: place.path, range: rangeIn(place.source, location), message: relatedMessage(finding, rule, location, locale) });
  }
  return related;
}

function relatedMessage(finding: Finding, rule: Rule, location: FindingLocation, locale: Locale): string {
  if (!location.messageId) return t(locale, 'relatedPlace');
  return renderMessage({ ruleId: rule.id, messageId: location.messageId, data: location.data ?? finding.data }, locale);
}

export function rangeIn(source: SourceFile, place: { readonly start: number; readonly end: number }): Range {
  return { start: positionOf(source, place.start), end: positionOf(source, place.end) };
}

/** The kinds of a file's resources, for the scorecard's `not-applicable`. */
function kindsOf(file: FileAnalysis['file']): { kinds: string[]; controlPlaneKinds: string[]; evidence: EvidenceSource[] } {
  const sortedSet = (kinds: string[]): string[] => [...new Set(kinds)].sort();
  return {
    kinds: sortedSet(checkedKindsOf(file)),
    controlPlaneKinds: sortedSet(file.resources.filter(carriesControlPlane).map((resource) => resource.kind)),
    evidence: [...new Set(file.resources.flatMap(extraEvidenceOf))].sort(),
  };
}

export function compareReported(a: ReportedFinding, b: ReportedFinding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    (a.finding.ruleId < b.finding.ruleId ? -1 : a.finding.ruleId > b.finding.ruleId ? 1 : 0)
  );
}

