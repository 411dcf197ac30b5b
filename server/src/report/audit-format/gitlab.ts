/**
 * The GitLab Code Quality format (`artifacts:reports:codequality`): a JSON array with one issue per
 * finding, in the fields GitLab documents: `description`, `check_name`, `fingerprint`, `severity`
 * (info | minor | major | critical | blocker) and `location` {`path`, `lines.begin`}.
 *
 * - The fingerprint is the SARIF one and the baseline's (core/suppress/baseline.ts: resource
 *   identity, rule, node path and message data; never a line number), so a finding keeps its
 *   identity across edits elsewhere and GitLab can tell new findings from old ones in a merge
 *   request.
 * - Suppressed findings are left out (GitLab has no notion of them); messages are rendered and
 *   redacted like every other format's.
 */
import { renderMessage, Severity } from '../../core';
import type { AuditReport } from '../audit-report';
import type { AuditFormatContext } from './format-types';
import { rootRelativePath } from '../paths';
import { resourceLabel } from './resource-label';
import { fingerprintsOfReport } from './sarif';

export type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

const SEVERITIES: Record<Severity, GitLabSeverity> = { error: 'critical', warning: 'major', info: 'minor', hint: 'info' };

export interface GitLabIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: GitLabSeverity;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

export function formatGitLab(report: AuditReport, context: AuditFormatContext): string {
  const fingerprints = fingerprintsOfReport(report);
  const issues: GitLabIssue[] = [];
  for (const file of report.files) {
    for (const entry of file.findings) {
      const { finding, rule, range } = entry;
      const resource = resourceLabel(finding.resource);
      issues.push({
        description: `${renderMessage(finding, context.locale)} (${resource})`,
        check_name: rule.id,
        fingerprint: fingerprints.get(entry)!,
        severity: SEVERITIES[finding.severity],
        location: { path: (context.cwd && rootRelativePath(file.path, context.cwd, context.root ?? context.cwd)) || file.path, lines: { begin: range.start.line + 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}
