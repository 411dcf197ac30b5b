/**
 * The engine over a workspace: the resource rules of each file (their `related` is what would live
 * beside the resource, see WorkspaceIndex.relatedFor), the workspace rules once over the whole
 * index, and per file the sorting and the suppressions of that file (a workspace finding is
 * suppressed by the directives and annotations of the file it sits in). The steps are exported so
 * that a caller can run them file by file, with progress and cancellation between files.
 */
import type { AnalysisResult } from '../engine/analyze';
import { checkResource, toFinding } from '../engine/check-resource';
import { AnalysisOptions, RuleSelection, selectRules } from '../engine/select-rules';
import type { Finding, RuleFailure } from '../rules/types';
import { appendAll } from '../engine/append-all';
import { isSensitive } from '../model/sensitivity';
import type { Resource } from '../model/resource';
import { isWorkspaceRule, WorkspaceReport } from '../rules/types';
import { applySuppressions, ForeignSuppressionMode } from '../suppress/apply-suppressions';
import { unparseableFindings } from '../engine/unparseable';
import { dockerfileFindings } from '../dockerfile/analyze-dockerfile';
import type { WorkspaceFile, WorkspaceIndex } from './workspace-index';

export interface WorkspaceAnalysisOptions {
  /** Only findings in these files (by uri) are wanted, e.g. the open documents of a live check. */
  readonly files?: ReadonlySet<string>;
  /** Run the workspace rules (default true); false runs the resource rules only. */
  readonly workspaceRules?: boolean;
}

export interface FileAnalysis extends AnalysisResult {
  readonly file: WorkspaceFile;
}

export interface WorkspaceAnalysis {
  /** The wanted files, in index order. */
  readonly files: readonly FileAnalysis[];
  /** Failures of workspace rules (those of resource rules are in their file's result). */
  readonly ruleFailures: readonly RuleFailure[];
  readonly resourceCount: number;
}

export function toRuleSelection(options: AnalysisOptions | RuleSelection): RuleSelection {
  return 'rules' in options && Array.isArray(options.rules) ? (options as RuleSelection) : selectRules(options as AnalysisOptions);
}

export function analyzeWorkspace(index: WorkspaceIndex, options: AnalysisOptions | RuleSelection, settings: WorkspaceAnalysisOptions = {}): WorkspaceAnalysis {
  const selection = toRuleSelection(options);
  const wanted = index.files.filter((file) => !settings.files || settings.files.has(file.uri));
  const workspaceFailures: RuleFailure[] = [];
  const workspaceFindings = settings.workspaceRules === false ? [] : runWorkspaceRules(index, selection, workspaceFailures, settings.files);
  const byFile = groupByFile(workspaceFindings);
  const files = wanted.map((file) => analyzeWorkspaceFile(index, file, selection, byFile.get(file.uri) ?? []));
  return { files, ruleFailures: workspaceFailures, resourceCount: index.resources.length };
}

/**
 * One file of the index, with the workspace findings that landed in it: its resource rules, what
 * could not be read, then sorting and the file's own suppressions. The step a caller runs file by
 * file (with progress and cancellation between files) after `runWorkspaceRules`.
 */
export function analyzeWorkspaceFile(index: WorkspaceIndex, file: WorkspaceFile, selection: RuleSelection, workspaceFindings: readonly Finding[]): FileAnalysis {
  const failures: RuleFailure[] = [];
  const findings = [
    ...resourceFindings(index, file, selection, failures),
    ...dockerfileFindings(file.source, selection, failures),
    ...workspaceFindings,
    ...unparseableFindings(file.source, file.skipped, selection),
  ];
  return finishFile(file, findings, failures, selection.foreignSuppressions);
}

/** The findings of the resource rules for one file of the index. */
export function resourceFindings(index: WorkspaceIndex, file: WorkspaceFile, selection: RuleSelection, ruleFailures: RuleFailure[]): Finding[] {
  const findings: Finding[] = [];
  for (const resource of file.resources) appendAll(findings, checkResource(resource, selection, ruleFailures, index.relatedFor(resource), index));
  return findings;
}

/**
 * Runs the active workspace rules once over the index. With `files`, rules are told which resources
 * are wanted and reports on the others are dropped. A rule that throws is contained and recorded.
 */
export function runWorkspaceRules(index: WorkspaceIndex, selection: RuleSelection, ruleFailures: RuleFailure[], files?: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const sensitiveCache = new Map<Resource, boolean>();
  const sensitive = (candidate: Resource): boolean => {
    let value = sensitiveCache.get(candidate);
    if (value === undefined) sensitiveCache.set(candidate, (value = isSensitive(candidate, selection.sensitive)));
    return value;
  };
  const wants = (resource: Resource): boolean => !files || files.has(index.fileOf(resource).uri);
  for (const { rule, severity } of selection.rules) {
    if (!isWorkspaceRule(rule)) continue;
    const reports: WorkspaceReport[] = [];
    try {
      rule.checkWorkspace(
        {
          level: selection.level,
          minorVersion: selection.minorVersion,
          now: selection.now,
          isSensitive: sensitive,
          wants,
          podSecurity: selection.podSecurity,
          report: (report) => reports.push(report),
        },
        index,
      );
    } catch (error) {
      ruleFailures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    try {
      for (const report of reports) {
        if (wants(report.resource)) findings.push(toFinding(rule.id, severity, report.resource, report, index));
      }
    } catch (error) {
      // A report on a resource outside the index: a bug of the rule, contained like a throw.
      ruleFailures.push({ ruleId: rule.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return findings;
}

/** Sorts a file's findings by position and applies the file's suppressions. */
export function finishFile(file: WorkspaceFile, findings: Finding[], ruleFailures: RuleFailure[], foreignSuppressions: ForeignSuppressionMode = true): FileAnalysis {
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId) || a.messageId.localeCompare(b.messageId));
  const { kept, suppressed, problems } = applySuppressions(file.source, file.resources, findings, foreignSuppressions);
  return {
    file,
    findings: kept,
    suppressed,
    directiveProblems: problems,
    skipped: [...file.skipped],
    ruleFailures,
    resourceCount: file.resources.length,
  };
}

export function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = finding.file ?? '';
    const list = groups.get(key);
    if (list) list.push(finding);
    else groups.set(key, [finding]);
  }
  return groups;
}
