/**
 * The one audit both faces run (the CLI's `audit` and the editor's Audit Workspace): files already
 * read and parsed go in, and come out analyzed as one workspace, so cross-file rules see a workload
 * and the Namespace, NetworkPolicies or ServiceAccount of another file. Kustomize patches stand
 * alone (only what they set counts, and they are no resources of the workspace), the configuration's
 * suppressions apply file by file, and the analyses come out in path order. The work gives way to
 * the event loop between files, reports progress and stops when cancelled, so a server stays
 * responsive; the CLI simply awaits it.
 */
import {
  analyzeSource,
  analyzeWorkspaceFile,
  applyConfigSuppressions,
  Baseline,
  ConfigSuppression,
  Fingerprints,
  extractResources,
  FileAnalysis,
  Finding,
  groupByFile,
  patchFindings,
  Resource,
  RuleFailure,
  RuleSelection,
  runWorkspaceRules,
  SkippedDocument,
  SourceFile,
  WorkspaceIndex,
} from '../core';
import { comparePaths } from '../report/paths';

/** One file of an audit, read and parsed. */
export interface AuditFile {
  /** Its identity: a URI in the server, the display path in the CLI. */
  readonly uri: string;
  /** Display path: relative, forward slashes. */
  readonly path: string;
  readonly source: SourceFile;
  /** Already extracted resources of `source` (extracted here when absent). */
  readonly resources?: readonly Resource[];
  readonly skipped?: readonly SkippedDocument[];
}

/** The suppressions of the `.kube-checklist.yaml` that applies to a file. */
export interface ConfigScope {
  readonly suppressions: readonly ConfigSuppression[];
  /** The file's path relative to the configuration's folder, for its globs. */
  readonly relativePath: string;
  /** Called once per expired suppression that matched a finding (its index in the list). */
  expired(index: number): void;
  /** Called for every suppression that matched a finding, expired or not (its index in the list). */
  used?(index: number): void;
  /** `exceptions: config-only`: comment directives and annotations do not suppress (their findings come back). */
  readonly configOnly?: boolean;
  /** Called for each finding a comment or annotation would have suppressed under `configOnly`. */
  ignored?(finding: Finding, by: 'comment' | 'annotation'): void;
}

export interface AuditProgress {
  readonly done: number;
  readonly total: number;
  readonly resources: number;
  readonly findings: number;
}

export interface AuditFilesOptions {
  /**
   * The rules of a file (from the configuration that applies to it). Files that share a selection
   * (the same object) are checked together; every file sees the whole workspace.
   */
  readonly selectionOf: (file: AuditFile) => RuleSelection;
  /** The files that Kustomize uses as patches (see kustomize-patches.ts). */
  readonly isPatch: (file: AuditFile) => boolean;
  readonly configOf?: (file: AuditFile) => ConfigScope | undefined;
  readonly progress?: (progress: AuditProgress) => void;
  /**
   * Rendered Kustomize overlays and Helm charts: given the analyses, returns them with the findings
   * of the rendered resources carried to the files those come from (and analyses of files outside
   * the audit, such as chart templates). Runs before the configuration's suppressions, which then
   * apply to the carried findings too.
   */
  readonly carryRendered?: (analyses: readonly FileAnalysis[], index: WorkspaceIndex, signal: { cancelled(): boolean }) => Promise<readonly FileAnalysis[]>;
  /**
   * The baseline in use: after the configuration's suppressions, the findings it holds move to
   * `suppressed` (by `baseline`), and it records which of its entries the audit met.
   */
  readonly baseline?: Baseline;
  /**
   * A shard's own files (`audit --shard`): the others are context, indexed so that cross-file rules
   * see them but neither analyzed nor reported. Absent: every file is reported.
   */
  readonly owned?: (file: AuditFile) => boolean;
  /** Polled between files: true ends the audit (the result is then undefined). */
  readonly cancelled?: () => boolean;
}

export interface AuditedFiles {
  /** Every file, in path order. */
  readonly analyses: readonly FileAnalysis[];
  /** The workspace the files were analyzed as (patches are not in it). */
  readonly index: WorkspaceIndex;
  /** Failures of workspace rules (those of resource rules are in their file's analysis). */
  readonly ruleFailures: readonly RuleFailure[];
}

const YIELD_EVERY_MS = 15;

export async function auditFiles(files: readonly AuditFile[], options: AuditFilesOptions): Promise<AuditedFiles | undefined> {
  const patches = files.filter((file) => options.isPatch(file));
  const patchSet = new Set(patches);
  const index = new WorkspaceIndex(files.filter((file) => !patchSet.has(file)));
  const byUri = new Map(files.map((file) => [file.uri, file]));
  const selectionOf = (uri: string) => options.selectionOf(byUri.get(uri)!);
  const owned = options.owned ?? (() => true);
  const reported = index.files.filter((file) => owned(byUri.get(file.uri)!));
  const ownPatches = patches.filter(owned);
  const ruleFailures: RuleFailure[] = [];
  const workspaceFindings = new Map<string, Finding[]>();
  for (const [selection, uris] of groupBySelection(reported.map((file) => file.uri), selectionOf)) {
    for (const [uri, found] of groupByFile(runWorkspaceRules(index, selection, ruleFailures, uris))) workspaceFindings.set(uri, found);
  }
  const analyses: FileAnalysis[] = [];
  const total = reported.length + ownPatches.length;
  const counts = { resources: 0, findings: 0 };
  let lastYield = Date.now();
  const step = async (analysis: FileAnalysis): Promise<boolean> => {
    analyses.push(analysis);
    counts.resources += analysis.file.resources.length;
    counts.findings += analysis.findings.length;
    if (Date.now() - lastYield < YIELD_EVERY_MS) return true;
    options.progress?.({ done: analyses.length, total, ...counts });
    await new Promise((resolve) => setImmediate(resolve));
    lastYield = Date.now();
    return !options.cancelled?.();
  };
  for (const file of reported) {
    if (!(await step(analyzeWorkspaceFile(index, file, selectionOf(file.uri), workspaceFindings.get(file.uri) ?? [])))) return undefined;
  }
  for (const patch of ownPatches) {
    if (!(await step(patchAnalysis(patch, options.selectionOf(patch))))) return undefined;
  }
  const cancelled = () => options.cancelled?.() === true;
  const carried = options.carryRendered ? await options.carryRendered(analyses, index, { cancelled }) : analyses;
  if (cancelled()) return undefined;
  const configured = carried.map((analysis) => {
    const file = byUri.get(analysis.file.uri);
    // A chart template outside the audit: the configuration of the chart's files applies.
    return withConfigSuppressions(analysis, options.configOf?.(file ?? analysis.file), file ? selectionOf(file.uri).now : Date.now());
  });
  configured.sort((a, b) => comparePaths(a.file.path, b.file.path));
  // One count of fingerprint ordinals for the whole audit, in path order (as the report counts them).
  const prints = new Fingerprints();
  const baselined = options.baseline ? configured.map((analysis) => withBaseline(analysis, options.baseline!, prints)) : configured;
  return { analyses: baselined, index, ruleFailures };
}

/** The uris by the selection that applies to them, in first-seen order. */
function groupBySelection(uris: readonly string[], selectionOf: (uri: string) => RuleSelection): Map<RuleSelection, Set<string>> {
  const groups = new Map<RuleSelection, Set<string>>();
  for (const uri of uris) {
    const selection = selectionOf(uri);
    let group = groups.get(selection);
    if (!group) groups.set(selection, (group = new Set()));
    group.add(uri);
  }
  return groups;
}

/** A patch stands alone: it is not a resource of the workspace, and only what it sets counts. */
function patchAnalysis(patch: AuditFile, selection: RuleSelection): FileAnalysis {
  const result = analyzeSource(patch.source, selection);
  const { resources, skipped } = patch.resources ? { resources: patch.resources, skipped: patch.skipped ?? [] } : extractResources(patch.source);
  const file = { uri: patch.uri, path: patch.path, directory: '', source: patch.source, resources, skipped };
  const kept = patchFindings(result.findings);
  const suppressed = result.suppressed.filter(({ finding }) => patchFindings([finding]).length > 0);
  return { ...result, file, findings: kept, suppressed };
}

function withConfigSuppressions(analysis: FileAnalysis, scope: ConfigScope | undefined, now: number): FileAnalysis {
  if (scope?.configOnly) analysis = withoutManifestExceptions(analysis, scope);
  if (!scope?.suppressions.length) return analysis;
  const result = applyConfigSuppressions(analysis.findings, scope.relativePath, scope.suppressions, now);
  result.expired.forEach((index) => scope.expired(index));
  result.used.forEach((index) => scope.used?.(index));
  return { ...analysis, findings: result.kept, suppressed: [...analysis.suppressed, ...result.suppressed] };
}

/** The findings a baseline holds are accepted: suppressed, by the baseline. */
export function withBaseline<T extends Pick<FileAnalysis, 'findings' | 'suppressed'>>(analysis: T, baseline: Baseline, prints?: Fingerprints): T {
  const { kept, baselined } = baseline.split(analysis.findings, prints);
  if (baselined.length === 0) return analysis;
  return { ...analysis, findings: kept, suppressed: [...analysis.suppressed, ...baselined.map((finding) => ({ finding, reason: 'baseline', by: 'baseline' as const }))] };
}

/** Under `exceptions: config-only`, what comments and annotations suppressed is a finding again. */
export function withoutManifestExceptions<T extends Pick<FileAnalysis, 'findings' | 'suppressed'>>(analysis: T, scope: Pick<ConfigScope, 'ignored'>): T {
  const back = analysis.suppressed.filter((entry) => entry.by === 'comment' || entry.by === 'annotation');
  if (back.length === 0) return analysis;
  for (const entry of back) scope.ignored?.(entry.finding, entry.by as 'comment' | 'annotation');
  return { ...analysis, findings: [...analysis.findings, ...back.map((entry) => entry.finding)], suppressed: analysis.suppressed.filter((entry) => !back.includes(entry)) };
}
