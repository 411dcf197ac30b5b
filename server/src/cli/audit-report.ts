/**
 * The audit itself, between reading and formatting: the inputs are decoded, parsed and analyzed
 * together as one workspace with the core, findings get 0-based UTF-16 line/character ranges (as LSP
 * counts them; formats that want 1-based add one), and what could not be checked becomes a warning. The result is an
 * `AuditReport` that every output format renders; formats never parse or read files.
 */
import * as fs from 'node:fs';
import { posix } from 'node:path';
import {
  applyConfigSuppressions,
  ConfigSuppression,
  analyzeSource,
  analyzeWorkspace,
  extractResources,
  FileAnalysis,
  KUSTOMIZATION_FILE_NAMES,
  kustomizationPatches,
  patchFindings,
  Finding,
  Locale,
  parseSourceFile,
  positionOf,
  redactDetail,
  renderDirectiveProblem,
  Rule,
  RuleSelection,
  Severity,
  SEVERITIES,
  SourceFile,
  WorkspaceFileInput,
  WorkspaceIndex,
} from '../core';
import { t } from './cli-messages';
import { comparePaths, InputFile } from './collect-files';
import { sizeLabel, SourceText } from './read-source';
import { fileReportOf, FileLookup } from './file-report';
import { mapRenderedFindings } from './render/map-rendered';
import type { RenderedSet } from './render/render-sources';
import { computeScorecard, ScorecardEntry } from './scorecard';
import { Warn, WarningLocation } from './warnings';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 code units. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Another place a finding involves (the Namespace of a workload, the Role of a binding ...). */
export interface RelatedReport {
  /** Display path of the file holding it. */
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface ReportedFinding {
  readonly finding: Finding;
  readonly rule: Rule;
  readonly range: Range;
  readonly related: readonly RelatedReport[];
}

export interface SuppressedReport extends ReportedFinding {
  readonly reason: string;
  readonly by: 'comment' | 'annotation' | 'config';
}

export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  readonly resourceCount: number;
  /** The kinds of the resources checked in the file, sorted, each once. */
  readonly kinds: readonly string[];
  /** The kinds of those that run or configure a control-plane component (static Pods, kubeadm ...). */
  readonly controlPlaneKinds: readonly string[];
  /** By position. */
  readonly findings: readonly ReportedFinding[];
  /** Findings a suppression with a reason covers: counted and shown on request, never lost. */
  readonly suppressed: readonly SuppressedReport[];
}

export interface AuditTotals {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Files read and parsed (skipped and unreadable files are not counted). */
  readonly files: number;
  readonly filesWithFindings: number;
  readonly resources: number;
  readonly suppressed: number;
}

/** A warning of the run (what could not be checked), as it went to standard error. */
export interface AuditNotification extends WarningLocation {
  /** Localized, without source text (see warnings.ts). */
  readonly text: string;
}

export interface AuditReport {
  /** Every file checked, in path order. */
  readonly files: readonly FileReport[];
  readonly selection: RuleSelection;
  readonly scorecard: readonly ScorecardEntry[];
  readonly totals: AuditTotals;
  /** The warnings of the run, in the order they were given (see `recordWarnings`). */
  readonly notifications: readonly AuditNotification[];
}

export type InputReader = (input: InputFile) => SourceText;

/**
 * A `Warn` that keeps a copy of every warning before passing it on, so that the formats that carry
 * them (SARIF notifications, the Markdown scorecard) can list what was not checked.
 */
export function recordWarnings(inner: Warn): { readonly warn: Warn; readonly notifications: AuditNotification[] } {
  const notifications: AuditNotification[] = [];
  const warn: Warn = (text, location = {}) => {
    notifications.push({ text, ...location });
    inner(text, location);
  };
  return { warn, notifications };
}

/**
 * Reads and parses every input, indexes them as one workspace (so that cross-file rules see a
 * workload and the Namespace, NetworkPolicies or ServiceAccount of another file), runs the engine
 * over it and reports file by file. `notifications` is the list that `warn` records into (from
 * `recordWarnings`), so that warnings given before the audit (while collecting files) are kept too.
 */
/** The suppression list of `.kube-checklist.yaml`, with the way to its folder-relative paths. */
export interface ConfigSuppressionInput {
  readonly suppressions: readonly ConfigSuppression[];
  relativePath(input: string): string;
  /** Called once per expired suppression that matched a finding (its index in the list). */
  expired(index: number): void;
}

export function auditInputs(
  inputs: readonly InputFile[],
  selection: RuleSelection,
  read: InputReader,
  warn: Warn,
  locale: Locale,
  notifications: readonly AuditNotification[] = [],
  configSuppressions?: ConfigSuppressionInput,
  rendering?: RenderingInput,
): AuditReport {
  const texts: { input: InputFile; text: string }[] = [];
  for (const input of inputs) {
    const source = read(input);
    if (source.kind !== 'text') warn(readProblem(source, locale), { file: input.display });
    else texts.push({ input, text: source.text });
  }
  const patches = kustomizePatchesOf(texts);
  const parsed: WorkspaceFileInput[] = [];
  const patchFiles: FileAnalysis[] = [];
  for (const { input, text } of texts) {
    const source = parseSourceFile(text);
    if (!patches.has(input.display)) {
      parsed.push({ uri: input.display, path: input.display, source });
      continue;
    }
    // A patch stands alone: it is not a resource of the workspace, and only what it sets counts.
    const result = analyzeSource(source, selection);
    const { resources, skipped } = extractResources(source);
    const file = { uri: input.display, path: input.display, directory: '', source, resources, skipped };
    patchFiles.push({ ...result, file, findings: patchFindings(result.findings), suppressed: result.suppressed.filter(({ finding }) => patchFindings([finding]).length > 0) });
  }
  const index = new WorkspaceIndex(parsed);
  const analysis = analyzeWorkspace(index, selection);
  const lookup: FileLookup = (uri) => index.file(uri);
  const renderedFiles = rendering ? carryRendered(rendering, selection, inputs, [...parsed, ...patchFiles.map(({ file }) => file)]) : [];
  const carried = new Map(renderedFiles.map((file) => [file.file.path, file]));
  const replaced = (fileAnalysis: FileAnalysis): FileAnalysis => {
    const rendered = carried.get(fileAnalysis.file.path);
    if (!rendered || patches.has(fileAnalysis.file.path)) return fileAnalysis;
    carried.delete(fileAnalysis.file.path);
    return { ...fileAnalysis, findings: rendered.findings };
  };
  const expired = new Set<number>();
  const withConfig = (fileAnalysis: FileAnalysis): FileAnalysis => {
    if (!configSuppressions?.suppressions.length) return fileAnalysis;
    const absolute = inputs.find((input) => input.display === fileAnalysis.file.uri)?.absolute ?? fileAnalysis.file.uri;
    const result = applyConfigSuppressions(fileAnalysis.findings, configSuppressions.relativePath(absolute), configSuppressions.suppressions, selection.now);
    result.expired.forEach((index) => expired.add(index));
    return { ...fileAnalysis, findings: result.kept, suppressed: [...fileAnalysis.suppressed, ...result.suppressed] };
  };
  const direct = [...analysis.files, ...patchFiles].map(replaced);
  const analyses = [...direct, ...[...carried.values()].filter(({ file }) => !patches.has(file.path))].map(withConfig).sort((a, b) => comparePaths(a.file.path, b.file.path));
  [...expired].sort((a, b) => a - b).forEach((index) => configSuppressions?.expired(index));
  const files = analyses.map((fileAnalysis) => {
    warnAbout(fileAnalysis, warn, locale);
    return fileReportOf(fileAnalysis.file.path, fileAnalysis, lookup, locale);
  });
  for (const failure of analysis.ruleFailures) {
    warn(t(locale, 'workspaceRuleFailed', { rule: failure.ruleId, message: redactDetail(failure.message) }));
  }
  const all = files.flatMap((file) => file.findings.map(({ finding }) => finding));
  const suppressed = files.flatMap((file) => file.suppressed.map(({ finding }) => finding));
  const checked = { kinds: files.flatMap((file) => file.kinds), controlPlaneKinds: files.flatMap((file) => file.controlPlaneKinds) };
  return { files, selection, scorecard: computeScorecard(all, selection, checked, suppressed), totals: totalsOf(files), notifications };
}

function readProblem(source: Exclude<SourceText, { kind: 'text' }>, locale: Locale): string {
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
}

/**
 * The findings of the rendered sets as analyses of the files their resources came from: a file
 * among the inputs gets them instead of its own (the rendered resource is what is deployed); a
 * file outside them (a Helm template) gets an analysis of its own.
 */
function carryRendered(rendering: RenderingInput, selection: RuleSelection, inputs: readonly InputFile[], files: readonly { uri: string; source: SourceFile }[]): FileAnalysis[] {
  const byAbsolute = new Map(inputs.map((input) => [input.absolute, input.display]));
  const sourceByDisplay = new Map(files.map((file) => [file.uri, file.source]));
  const sourceOf = (absolute: string): SourceFile | undefined => {
    const display = byAbsolute.get(absolute);
    if (display !== undefined) return sourceByDisplay.get(display);
    try {
      return parseSourceFile(fs.readFileSync(absolute, 'utf8'));
    } catch {
      return undefined;
    }
  };
  return [...mapRenderedFindings(rendering.sets, selection, sourceOf)].map(([absolute, findings]) => {
    const path = byAbsolute.get(absolute) ?? rendering.displayOf(absolute);
    const source = sourceOf(absolute) ?? parseSourceFile('');
    const file = { uri: path, path, directory: '', source, resources: [], skipped: [] };
    return { file, findings, suppressed: [], directiveProblems: [], skipped: [], ruleFailures: [], resourceCount: 0 };
  });
}

/** The display paths of the files the kustomizations among the inputs use as patches. */
function kustomizePatchesOf(texts: readonly { input: InputFile; text: string }[]): Set<string> {
  const patches = new Set<string>();
  for (const { input, text } of texts) {
    const slash = input.display.lastIndexOf('/');
    if (!KUSTOMIZATION_FILE_NAMES.includes(input.display.slice(slash + 1))) continue;
    const directory = slash >= 0 ? input.display.slice(0, slash) : '.';
    for (const patch of kustomizationPatches(text)) patches.add(posix.normalize(`${directory}/${patch}`));
  }
  return patches;
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

function totalsOf(files: readonly FileReport[]): AuditTotals {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let findings = 0;
  let resources = 0;
  let filesWithFindings = 0;
  for (const file of files) {
    resources += file.resourceCount;
    if (file.findings.length > 0) filesWithFindings++;
    for (const { finding } of file.findings) {
      findings++;
      bySeverity[finding.severity]++;
    }
  }
  return { findings, bySeverity, files: files.length, filesWithFindings, resources, suppressed: files.reduce((sum, file) => sum + file.suppressed.length, 0) };
}

/** The rank of a severity, highest first: error 4, warning 3, info 2, hint 1. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
