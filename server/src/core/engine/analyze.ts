/**
 * The engine: runs the active rules over the resources of a parsed file and turns their path
 * reports into findings with offsets. Which rules are active follows the configuration: severity
 * overrides and `off`, the Pod Security level and version (a PSS rule applies from its version, at
 * its level and above, unless a restricted rule that replaces it applies). A finding of such a
 * restricted rule that also breaks baseline (`Report.breaksBaseline`) keeps the replaced baseline
 * rule's configured severity when that is higher, so the default level never weakens the gate.
 * A rule that throws is contained: the others still report and the error is returned for the caller to log.
 * A selection also carries the Pod Security evaluator that workspace rules get through their context
 * (pod-security-evaluator.ts), so rules never call back into the engine.
 */
import { extractResources, Resource, ResourceIdentity, SkippedDocument } from '../model/resource';
import { isSensitive, SensitiveSelector } from '../model/sensitivity';
import type { PropertyPath } from '../model/values';
import type { Slicing, SourceFile } from '../parse/source-file';
import { RULES } from '../rules/registry';
import { isWorkspaceRule, SEVERITIES } from '../rules/types';
import type { Finding, FindingLocation, PodSecurityEvaluator, PodSecurityLevel, RelatedReport, Report, Rule, RuleFailure, Severity } from '../rules/types';
import { LATEST_MINOR, parseKubernetesVersion } from '../model/kubernetes-version';
import { locate } from './locate';
import type { EditOp, Fix } from '../edits/types';
import { applySuppressions, DirectiveProblem, ForeignSuppressionMode, SuppressedFinding } from '../suppress/apply-suppressions';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { capReports } from './finding-cap';
import { appendAll } from './append-all';
import { runWorkspaceRules } from '../workspace/analyze-workspace';
import { unparseableFindings } from './unparseable';
import { createPodSecurityEvaluator, PodSecurityCheck } from './pod-security-evaluator';

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
  /** Honour kube-linter, Checkov, Polaris and kube-score ignore annotations (default true; `all`: blanket exemptions of errors too). */
  readonly foreignSuppressions?: ForeignSuppressionMode;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { level: 'restricted', kubernetesVersion: 'latest' };

export type { Finding, FindingLocation, RuleFailure } from '../rules/types';

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
  /** For a restricted rule that replaces a baseline rule: that rule's configured severity (unless off). */
  readonly baselineSeverity?: Severity;
}

export interface RuleSelection {
  readonly rules: readonly ActiveRule[];
  readonly level: PodSecurityLevel;
  readonly minorVersion: number;
  readonly sensitive?: SensitiveSelector;
  readonly now: number;
  readonly foreignSuppressions: ForeignSuppressionMode;
  /** What workspace rules use to check workloads at their Namespace's Pod Security level (see pod-security-evaluator.ts). */
  readonly podSecurity: PodSecurityEvaluator;
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
  const replaced = new Map(candidates.filter(({ rule }) => candidates.some((other) => other.rule.pss?.overrides === rule.id)).map((active) => [active.rule.id, active.severity]));
  const rules = candidates
    .filter(({ rule }) => !replaced.has(rule.id))
    .map((active) => {
      const baselineSeverity = active.rule.pss?.overrides ? replaced.get(active.rule.pss.overrides) : undefined;
      return baselineSeverity ? { ...active, baselineSeverity } : active;
    });
  const now = options.now ?? Date.now();
  return {
    rules,
    level,
    minorVersion,
    sensitive: options.sensitive,
    now,
    foreignSuppressions: options.foreignSuppressions === 'all' ? 'all' : options.foreignSuppressions !== false,
    podSecurity: createPodSecurityEvaluator(podSecurityCheck(now)),
  };
}

/** The Pod Security Standards rules alone, at the level and version a Namespace asks for, on one resource. */
function podSecurityCheck(now: number): PodSecurityCheck {
  const selections = new Map<string, RuleSelection>();
  return (resource, level, version) => {
    const key = `${level}/${version}`;
    let selection = selections.get(key);
    if (!selection) {
      const all = selectRules({ level, kubernetesVersion: version, now });
      selections.set(key, (selection = { ...all, rules: all.rules.filter(({ rule }) => rule.pss !== null) }));
    }
    // A PSS rule that throws is reported by the analysis of the resource itself, not twice here.
    return checkResource(resource, selection, [], [resource]);
  };
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
  for (const finding of unparseableFindings(source, skipped, selection)) findings.push(finding);
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
  for (const { rule, severity, baselineSeverity } of selection.rules) {
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
    for (const report of capReports(reports)) {
      const reported = report.breaksBaseline && baselineSeverity ? moreSevere(severity, baselineSeverity) : severity;
      findings.push(toFinding(rule.id, reported, resource, report, index));
    }
  }
  return findings;
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
