/**
 * The audit of a set of files, between reading and formatting: the inputs are read, decoded and
 * parsed, indexed together as one workspace and analyzed with the core (cross-file rules see every
 * file), Kustomize patches stand alone, rendered overlays and charts carry their findings to the
 * files their resources come from, the configuration's suppressions apply, and what could not be
 * checked becomes a warning. The result is the `AuditReport` (report/audit-report.ts) that every
 * format renders.
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
  Locale,
  parseSourceFile,
  positionOf,
  redactDetail,
  renderDirectiveProblem,
  RuleSelection,
  SourceFile,
  WorkspaceFileInput,
  WorkspaceIndex,
} from '../core';
import { AuditNotification, AuditReport, totalsOf } from '../report/audit-report';
import { fileReportOf, FileLookup } from '../report/file-report';
import { t } from '../report/messages';
import { comparePaths } from '../report/paths';
import { computeScorecard } from '../report/scorecard';
import type { Warn } from '../report/warning';
import type { InputFile } from './collect-files';
import { sizeLabel, SourceText } from './read-source';
import { mapRenderedFindings } from './render/map-rendered';
import type { RenderedSet } from './render/render-sources';

export type InputReader = (input: InputFile) => SourceText;

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

