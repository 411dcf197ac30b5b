/**
 * The engine over one parsed file: the rules selected (select-rules.ts) run over its resources
 * (check-resource.ts), the workspace rules over the file alone, what could not be read becomes a
 * finding, a Dockerfile is judged by the Dockerfile rules, and the file's directives and
 * annotations suppress what they cover. The steps can run in slices (a big file gives way to the
 * event loop between documents).
 */
import { extractResources, SkippedDocument } from '../model/resource';
import type { Slicing, SourceFile } from '../parse/source-file';
import { isWorkspaceRule } from '../rules/types';
import type { Finding, RuleFailure } from '../rules/types';
import { applySuppressions, DirectiveProblem, SuppressedFinding } from '../suppress/apply-suppressions';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { appendAll } from './append-all';
import { runWorkspaceRules } from '../workspace/analyze-workspace';
import { unparseableFindings } from './unparseable';
import { checkResource } from './check-resource';
import { AnalysisOptions, RuleSelection, selectRules } from './select-rules';
import { dockerfileFindings } from '../dockerfile/analyze-dockerfile';

export * from './select-rules';
export * from './check-resource';
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
  // A Dockerfile has no resources: its own rules judge it (see dockerfile/analyze-dockerfile.ts).
  appendAll(findings, dockerfileFindings(source, selection, ruleFailures));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const { kept, suppressed, problems } = applySuppressions(source, resources, findings, selection.foreignSuppressions);
  return { findings: kept, suppressed, directiveProblems: problems, skipped, ruleFailures, resourceCount: resources.length };
}

