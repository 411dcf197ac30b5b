/**
 * The engine over one Dockerfile: the active Dockerfile rules run over its model, and each report
 * (a node of the syntax tree) becomes a finding on that node's exact range, found by this module
 * alone: dockerfile-ast counts lines and UTF-16 characters as LSP does, and the source's line
 * counter (which ends lines at LF, CRLF and a bare CR, as dockerfile-ast's text document does)
 * turns them into offsets. A rule that throws is contained; a rule cannot flood: after
 * MAX_FINDINGS_PER_RULE reports the rest are counted in one summary, as for resources.
 */
import { MAX_FINDINGS_PER_RULE, MORE_FINDINGS_MESSAGE_ID } from '../engine/finding-cap';
import type { RuleSelection } from '../engine/select-rules';
import type { ResourceIdentity } from '../model/resource';
import type { SourceFile } from '../parse/source-file';
import { DockerfileReport, Finding, isDockerfileRule, RuleFailure } from '../rules/types';
import type { DockerfileNode, DockerfilePosition } from './dockerfile-model';

/** What a Dockerfile finding names as its resource in reports (JSON `resource`, text labels). */
export const DOCKERFILE_KIND = 'Dockerfile';
const DOCKERFILE_RESOURCE: ResourceIdentity = { apiVersion: '', kind: DOCKERFILE_KIND };

/** The kinds a file shows the scorecard: its resources' kinds, and `Dockerfile` for a Dockerfile. */
export function checkedKindsOf(file: { readonly source: SourceFile; readonly resources: readonly { readonly kind: string }[] }): string[] {
  const kinds = file.resources.map((resource) => resource.kind);
  return file.source.dockerfile ? [...kinds, DOCKERFILE_KIND] : kinds;
}

export function dockerfileFindings(source: SourceFile, selection: RuleSelection, ruleFailures: RuleFailure[]): Finding[] {
  const model = source.dockerfile;
  if (!model) return [];
  const findings: Finding[] = [];
  for (const { rule, severity } of selection.rules) {
    if (!isDockerfileRule(rule)) continue;
    const reports: DockerfileReport[] = [];
    try {
      rule.check({ level: selection.level, minorVersion: selection.minorVersion, report: (report) => reports.push(report) }, model);
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const report of capped(reports)) {
      const range = dockerfileRange(source, report.node);
      if (!range) continue;
      findings.push({
        ruleId: rule.id,
        messageId: report.messageId,
        data: report.data ?? {},
        severity,
        fixes: [],
        path: [],
        target: 'pair',
        ...range,
        exact: true,
        documentIndex: 0,
        resource: DOCKERFILE_RESOURCE,
      });
    }
  }
  return findings;
}

/** The offsets of a node of the file's syntax tree; undefined for a node without a range. */
export function dockerfileRange(source: SourceFile, node: DockerfileNode): { start: number; end: number } | undefined {
  const range = node.getRange();
  if (!range) return undefined;
  return { start: offsetOf(source, range.start), end: offsetOf(source, range.end) };
}

function offsetOf(source: SourceFile, { line, character }: DockerfilePosition): number {
  const starts = source.lineCounter.lineStarts;
  const lineStart = starts[Math.min(line, starts.length - 1)] ?? 0;
  return Math.min(lineStart + character, source.text.length);
}

function capped(reports: readonly DockerfileReport[]): readonly DockerfileReport[] {
  if (reports.length <= MAX_FINDINGS_PER_RULE) return reports;
  const kept = reports.slice(0, MAX_FINDINGS_PER_RULE);
  kept.push({ node: kept[kept.length - 1].node, messageId: MORE_FINDINGS_MESSAGE_ID, data: { count: reports.length - MAX_FINDINGS_PER_RULE } });
  return kept;
}
