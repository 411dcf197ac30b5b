/**
 * The engine: runs the active rules over the resources of a parsed file and turns their path
 * reports into findings with offsets. Which rules are active follows the configuration: severity
 * overrides and `off`, the Pod Security level and version (a PSS rule applies from its version, at
 * its level and above, unless a restricted rule that replaces it applies). A rule that throws is
 * contained: the others still report and the error is returned for the caller to log.
 */
import { extractResources, Resource, ResourceIdentity, SkippedDocument } from '../model/resource';
import { isSensitive, SensitiveSelector } from '../model/sensitivity';
import type { PropertyPath } from '../model/values';
import type { Slicing, SourceFile } from '../parse/source-file';
import { RULES } from '../rules/registry';
import { isWorkspaceRule } from '../rules/types';
import type { PodSecurityLevel, RelatedReport, Report, Rule, Severity, Target } from '../rules/types';
import { LATEST_MINOR, parseKubernetesVersion } from './kubernetes-version';
import { locate } from './locate';
import type { EditOp, Fix } from '../edits/types';
import { applySuppressions, DirectiveProblem, SuppressedFinding } from '../suppress/apply-suppressions';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { capReports } from './finding-cap';
import { appendAll } from './append-all';
import { runWorkspaceRules } from '../workspace/analyze-workspace';

export type SeveritySetting = Severity | 'off';

export interface AnalysisOptions {
  readonly level: PodSecurityLevel;
  /** `latest` or `v1.NN`; text that is not a version evaluates as latest. */
  readonly kubernetesVersion: string;
  /** Per-rule severity or `off`, over the rule's defaults. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Which workloads are sensitive, beyond the `kube-checklist.io/sensitive` marker. */
  readonly sensitive?: SensitiveSelector;
  /** The time to judge findings at (epoch ms); the caller's clock when absent. */
  readonly now?: number;
  /** Honour kube-linter, Checkov, Polaris and kube-score ignore annotations (default true). */
  readonly foreignSuppressions?: boolean;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { level: 'restricted', kubernetesVersion: 'latest' };

export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly severity: Severity;
  /** Path from the document root (a List item's path includes `items`, i). */
  readonly path: PropertyPath;
  readonly target: Target;
  readonly start: number;
  readonly end: number;
  /** False when the reported field is missing and the range sits on its nearest ancestor. */
  readonly exact: boolean;
  readonly documentIndex: number;
  readonly resource: ResourceIdentity;
  /** Fixes with paths from the document root, ready for the edits module. */
  readonly fixes: readonly Fix[];
  /** The file the finding is in, in workspace analyses (absent when a file is analyzed alone). */
  readonly file?: string;
  /** Other places the finding involves (LSP relatedInformation). */
  readonly related?: readonly FindingLocation[];
}

/** A related place of a finding, located like the finding itself. */
export interface FindingLocation {
  /** Its file in workspace analyses; absent for the finding's own file when a file is analyzed alone. */
  readonly file?: string;
  /** Path from the document root. */
  readonly path: PropertyPath;
  readonly target: Target;
  readonly start: number;
  readonly end: number;
  readonly exact: boolean;
  readonly documentIndex: number;
  readonly resource: ResourceIdentity;
  /** A message of the finding's rule that says what this place is. */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

export interface AnalysisResult {
  /** Findings that no suppression covers. */
  readonly findings: Finding[];
  /** Findings covered by a suppression with a reason: counted, never silently lost. */
  readonly suppressed: SuppressedFinding[];
  /** Suppression directives that do not apply (no reason, unknown rule). */
  readonly directiveProblems: DirectiveProblem[];
  readonly skipped: SkippedDocument[];
  readonly ruleFailures: RuleFailure[];
  readonly resourceCount: number;
}

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

export interface RuleSelection {
  readonly rules: readonly ActiveRule[];
  readonly level: PodSecurityLevel;
  readonly minorVersion: number;
  readonly sensitive?: SensitiveSelector;
  readonly now: number;
  readonly foreignSuppressions: boolean;
}

const LEVEL_RANK: Record<PodSecurityLevel, number> = { baseline: 1, restricted: 2 };

export function selectRules(options: AnalysisOptions): RuleSelection {
  const minorVersion = parseKubernetesVersion(options.kubernetesVersion) ?? LATEST_MINOR;
  const level = options.level === 'baseline' ? 'baseline' : 'restricted';
  const candidates: ActiveRule[] = [];
  for (const rule of RULES) {
    const setting = options.rules?.[rule.id] ?? (rule.enabledByDefault ? rule.defaultSeverity : 'off');
    if (setting === 'off') continue;
    if (rule.pss && (LEVEL_RANK[rule.pss.level] > LEVEL_RANK[level] || minorVersion < rule.pss.since)) continue;
    candidates.push({ rule, severity: setting });
  }
  const replaced = new Set(candidates.map(({ rule }) => rule.pss?.overrides).filter((id): id is string => !!id));
  return { rules: candidates.filter(({ rule }) => !replaced.has(rule.id)), level, minorVersion, sensitive: options.sensitive, now: options.now ?? Date.now(), foreignSuppressions: options.foreignSuppressions !== false };
}

export function analyzeSource(source: SourceFile, options: AnalysisOptions | RuleSelection): AnalysisResult {
  const steps = analysisSteps(source, options);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The same analysis, giving way between resources (see Slicing); undefined when cancelled. */
export async function analyzeSourceSliced(source: SourceFile, options: AnalysisOptions | RuleSelection, slicing: Slicing): Promise<AnalysisResult | undefined> {
  const steps = analysisSteps(source, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (slicing.shouldPause()) {
      await slicing.pause();
      if (slicing.cancelled()) return undefined;
    }
  }
}

/** The analysis of a file, yielding after each resource. */
function* analysisSteps(source: SourceFile, options: AnalysisOptions | RuleSelection): Generator<void, AnalysisResult> {
  const selection = 'rules' in options && Array.isArray(options.rules) ? (options as RuleSelection) : selectRules(options as AnalysisOptions);
  const { resources, skipped } = extractResources(source);
  const findings: Finding[] = [];
  const ruleFailures: RuleFailure[] = [];
  for (const resource of resources) {
    appendAll(findings, checkResource(resource, selection, ruleFailures, resources));
    yield;
  }
  // The workspace rules see this one file as the workspace.
  if (resources.length > 0 && selection.rules.some(({ rule }) => isWorkspaceRule(rule))) {
    appendAll(findings, runWorkspaceRules(WorkspaceIndex.single(source, resources, skipped), selection, ruleFailures));
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const { kept, suppressed, problems } = applySuppressions(source, resources, findings, selection.foreignSuppressions);
  return { findings: kept, suppressed, directiveProblems: problems, skipped, ruleFailures, resourceCount: resources.length };
}

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
  for (const { rule, severity } of selection.rules) {
    if (isWorkspaceRule(rule) || !rule.scope.kinds.includes(resource.kind)) continue;
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
    for (const report of capReports(reports)) findings.push(toFinding(rule.id, severity, resource, report, index));
  }
  return findings;
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
