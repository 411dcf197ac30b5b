/**
 * The audit of a set of files, between reading and formatting: the inputs are read, decoded and
 * parsed, indexed together as one workspace and analyzed with the core (cross-file rules see every
 * file), Kustomize patches stand alone, rendered overlays and charts carry their findings to the
 * files their resources come from, the configuration's suppressions apply, and what could not be
 * checked becomes a warning. The result is the `AuditReport` (report/audit-report.ts) that every
 * format renders.
 */
import {
  Baseline,
  ChangedScope,
  ConfigSuppression,
  FileAnalysis,
  Locale,
  extractResources,
  parseFile,
  planShards,
  positionOf,
  redactDetail,
  renderDirectiveProblem,
  RuleSelection,
  ShardSpec,
  stableHash,
  WorkspaceIndex,
} from '../core';
import { AuditNotification, AuditReport, totalsOf } from '../report/audit-report';
import { fileReportOf, FileLookup } from '../report/file-report';
import { t } from '../report/messages';
import { computeScorecard } from '../report/scorecard';
import { isoDay } from '../core/checklist/review-evidence';
import type { Warn } from '../report/warning';
import type { InputFile } from './collect-files';
import { isConfigFileName } from './config-discovery';
import { sizeLabel, SourceText } from './read-source';
import type { RenderedSet } from './render/render-sources';
import { AuditedFiles, AuditFile, auditFiles, ConfigScope } from './audit-files';
import { isKustomizationFile, patchesNamedBy } from './kustomize-patches';
import { carryRenderedFindings } from './render/carry-rendered';

export type InputReader = (input: InputFile) => SourceText;

/** The configuration side of an audit: the rules and the suppressions of each input. */
export interface InputConfigs {
  /** The rules of the run as a whole (the report's selection: level, version, scorecard). */
  readonly primary: RuleSelection;
  /** The rules of one input (the same object for inputs under the same configuration). */
  selectionOf(input: InputFile): RuleSelection;
  /** The rules of a rendered overlay or chart folder (absolute). */
  selectionAt(directory: string): RuleSelection;
  /** The suppressions of the configuration of an input, if it has any. */
  suppressionsOf(input: InputFile): ConfigScope | undefined;
  /** Evidence of manual checklist items recorded in the run's configuration (reviews.access). */
  readonly reviews?: { readonly access?: string };
  /** The baseline of the run (--baseline): the findings it holds are not reported as new. */
  readonly baseline?: { readonly baseline: Baseline };
}

/**
 * `changed` (display paths, from --changed-since): the whole workspace is analyzed, and only the
 * findings that concern those files are reported (core/workspace/changed-scope.ts).
 *
 * Reads and parses every input, audits them as one workspace with `auditFiles` (the audit the
 * editor runs too) and reports file by file. `notifications` is the list that `warn` records into
 * (from `recordWarnings`), so that warnings given before the audit (while collecting files) are
 * kept too.
 */
export async function auditInputs(
  inputs: readonly InputFile[],
  configs: InputConfigs,
  read: InputReader,
  warn: Warn,
  locale: Locale,
  notifications: readonly AuditNotification[] = [],
  rendering?: RenderingInput,
  changed?: ReadonlySet<string>,
  shard?: ShardSpec,
): Promise<AuditReport> {
  let files: AuditFile[] = [];
  const texts: { input: InputFile; text: string }[] = [];
  // A .kube-checklist.yaml configures the audit; it is no manifest to check or count.
  for (const input of inputs.filter((candidate) => candidate.stdin || !isConfigFileName(candidate.absolute))) {
    const source = read(input);
    // A file that cannot be read has no resources: the shard its path hashes to tells about it.
    if (source.kind !== 'text') {
      if (!shard || stableHash(input.display) % shard.count === shard.index - 1) warn(readProblem(source, locale), { file: input.display });
    } else texts.push({ input, text: source.text });
  }
  for (const { input, text } of texts) files.push({ uri: input.display, path: input.display, source: parseFile(input.absolute || input.display, text) });
  const patches = patchesNamedBy(texts.filter(({ input }) => !input.stdin && isKustomizationFile(input.absolute)).map(({ input, text }) => ({ absolute: input.absolute, text })));
  const inputOf = new Map(inputs.map((input) => [input.display, input]));
  const isPatch = (uri: string) => patches.has(inputOf.get(uri)?.absolute ?? '');
  const uriByAbsolute = new Map(files.map((file) => [inputOf.get(file.uri)!.absolute, file.uri]));
  const sourceByUri = new Map(files.map((file) => [file.uri, file.source]));
  const owned = shard && shardFiles(files, (file) => isPatch(file.uri), shard);
  if (owned) files = files.filter((file) => owned.owns(file.path) || owned.context(file.path));
  // A chart template outside the inputs takes the configuration of its chart's folder.
  const inputOfFile = (file: AuditFile): InputFile => inputOf.get(file.uri) ?? { absolute: rendering?.absoluteOf(file.uri) ?? '', display: file.uri, stdin: false };
  const audited = (await auditFiles(files, {
    selectionOf: (file) => configs.selectionOf(inputOfFile(file)),
    isPatch: (file) => isPatch(file.uri),
    owned: owned && ((file) => owned.owns(file.path)),
    configOf: (file) => configs.suppressionsOf(inputOfFile(file)),
    baseline: configs.baseline?.baseline,
    carryRendered:
      rendering &&
      (async (analyses) =>
        ownedOnly(carryRenderedFindings(rendering.sets, analyses, {
          selectionOf: (set) => configs.selectionAt(set.directory),
          uriOf: (absolute) => uriByAbsolute.get(absolute),
          outsideFile: (absolute) => ({ uri: rendering.displayOf(absolute), path: rendering.displayOf(absolute) }),
          sourceOf: (uri) => sourceByUri.get(uri),
          isPatch,
        }), owned)),
  }))!;
  const lookup: FileLookup = (uri) => audited.index.file(uri);
  const analyses = changed ? withinChanged(audited, changed) : audited.analyses;
  const reports = analyses.map((fileAnalysis) => {
    warnAbout(fileAnalysis, warn, locale);
    return fileReportOf(fileAnalysis.file.path, fileAnalysis, lookup, locale);
  });
  for (const failure of audited.ruleFailures) {
    warn(t(locale, 'workspaceRuleFailed', { rule: failure.ruleId, message: redactDetail(failure.message) }));
  }
  const all = reports.flatMap((file) => file.findings.map(({ finding }) => finding));
  const suppressed = reports.flatMap((file) => file.suppressed.map(({ finding }) => finding));
  const checked = { kinds: reports.flatMap((file) => file.kinds), controlPlaneKinds: reports.flatMap((file) => file.controlPlaneKinds), evidence: reports.flatMap((file) => file.evidence) };
  const selection = configs.primary;
  return { files: reports, selection, scorecard: computeScorecard(all, selection, checked, suppressed, { accessReviewed: configs.reviews?.access, today: isoDay(selection.now) }), totals: totalsOf(reports), notifications };
}

/** The analyses of the changed files, and of other files only the findings tied to the changed ones. */
function withinChanged(audited: AuditedFiles, changed: ReadonlySet<string>): FileAnalysis[] {
  const scope = new ChangedScope(audited.index, changed);
  const kept: FileAnalysis[] = [];
  for (const analysis of audited.analyses) {
    const { uri } = analysis.file;
    if (scope.changedFile(uri)) {
      kept.push(analysis);
      continue;
    }
    const findings = analysis.findings.filter((finding) => scope.keeps(finding, uri));
    const suppressed = analysis.suppressed.filter(({ finding }) => scope.keeps(finding, uri));
    // Problems of the file itself (directives, failed rules) belong to its own change, not this one.
    if (findings.length > 0 || suppressed.length > 0) kept.push({ ...analysis, findings, suppressed, directiveProblems: [], ruleFailures: [] });
  }
  return kept;
}

/**
 * The files of one shard (core/workspace/shard-plan.ts): the plan is made over every input, each
 * file's resources extracted once here and kept for the audit.
 */
function shardFiles(files: AuditFile[], isPatch: (file: AuditFile) => boolean, shard: ShardSpec): { owns(path: string): boolean; context(path: string): boolean } {
  for (let i = 0; i < files.length; i++) files[i] = { ...files[i], ...extractResources(files[i].source) };
  const plan = planShards(new WorkspaceIndex(files.filter((file) => !isPatch(file))), shard.count);
  return { owns: (path) => plan.shardOf(path) === shard.index - 1, context: (path) => plan.isContext(path) };
}

/** A chart template outside the inputs belongs to the shard its path hashes to. */
function ownedOnly(analyses: readonly FileAnalysis[], owned: { owns(path: string): boolean } | undefined): readonly FileAnalysis[] {
  return owned ? analyses.filter((analysis) => owned.owns(analysis.file.path)) : analyses;
}

export function readProblem(source: Exclude<SourceText, { kind: 'text' }>, locale: Locale): string {
  switch (source.kind) {
    case 'too-large':
      return t(locale, 'skippedTooLarge', { limit: sizeLabel(source.limit) });
    case 'binary':
      return t(locale, 'skippedBinary');
    case 'unreadable':
      return t(locale, 'unreadableFile', { reason: source.reason });
  }
}

/** Rendered Kustomize overlays and Helm charts, and how to name the files their findings go to. */
export interface RenderingInput {
  readonly sets: readonly RenderedSet[];
  displayOf(absolute: string): string;
  /** The absolute path of a display path displayOf gave (a chart template outside the inputs). */
  absoluteOf(display: string): string;
}

/**
 * What could not be checked in a file: rules that failed, bad directives. Documents that could not
 * be read are findings of `unparseable-manifest` (engine/unparseable.ts), not warnings.
 */
function warnAbout(analysis: FileAnalysis, warn: Warn, locale: Locale): void {
  const { path: file, source } = analysis.file;
  for (const failure of analysis.ruleFailures) {
    warn(t(locale, 'ruleFailed', { rule: failure.ruleId, message: redactDetail(failure.message) }), { file });
  }
  for (const problem of analysis.directiveProblems) {
    const { line, character } = positionOf(source, problem.start);
    warn(renderDirectiveProblem(problem, locale), { file, line: line + 1, column: character + 1 });
  }
}

