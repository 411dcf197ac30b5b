/**
 * The audit of a set of files, between reading and formatting: the inputs are read, decoded and
 * parsed, indexed together as one workspace and analyzed with the core (cross-file rules see every
 * file), Kustomize patches stand alone, rendered overlays and charts carry their findings to the
 * files their resources come from, the configuration's suppressions apply, and what could not be
 * checked becomes a warning. The result is the `AuditReport` (report/audit-report.ts) that every
 * format renders.
 */
import {
  ConfigSuppression,
  FileAnalysis,
  Locale,
  parseSourceFile,
  positionOf,
  redactDetail,
  renderDirectiveProblem,
  RuleSelection,
} from '../core';
import { AuditNotification, AuditReport, totalsOf } from '../report/audit-report';
import { fileReportOf, FileLookup } from '../report/file-report';
import { t } from '../report/messages';
import { computeScorecard } from '../report/scorecard';
import type { Warn } from '../report/warning';
import type { InputFile } from './collect-files';
import { sizeLabel, SourceText } from './read-source';
import type { RenderedSet } from './render/render-sources';
import { AuditFile, auditFiles } from './audit-files';
import { isKustomizationFile, patchesNamedBy } from './kustomize-patches';
import { carryRenderedFindings } from './render/carry-rendered';

export type InputReader = (input: InputFile) => SourceText;

/** The suppression list of `.kube-checklist.yaml`, with the way to its folder-relative paths. */
export interface ConfigSuppressionInput {
  readonly suppressions: readonly ConfigSuppression[];
  relativePath(input: string): string;
  /** Called once per expired suppression that matched a finding (its index in the list). */
  expired(index: number): void;
}

/**
 * Reads and parses every input, audits them as one workspace with `auditFiles` (the audit the
 * editor runs too) and reports file by file. `notifications` is the list that `warn` records into
 * (from `recordWarnings`), so that warnings given before the audit (while collecting files) are
 * kept too.
 */
export async function auditInputs(
  inputs: readonly InputFile[],
  selection: RuleSelection,
  read: InputReader,
  warn: Warn,
  locale: Locale,
  notifications: readonly AuditNotification[] = [],
  configSuppressions?: ConfigSuppressionInput,
  rendering?: RenderingInput,
): Promise<AuditReport> {
  const files: AuditFile[] = [];
  const texts: { input: InputFile; text: string }[] = [];
  for (const input of inputs) {
    const source = read(input);
    if (source.kind !== 'text') warn(readProblem(source, locale), { file: input.display });
    else texts.push({ input, text: source.text });
  }
  for (const { input, text } of texts) files.push({ uri: input.display, path: input.display, source: parseSourceFile(text) });
  const patches = patchesNamedBy(texts.filter(({ input }) => !input.stdin && isKustomizationFile(input.absolute)).map(({ input, text }) => ({ absolute: input.absolute, text })));
  const absoluteOf = new Map(inputs.map((input) => [input.display, input.absolute]));
  const isPatch = (uri: string) => patches.has(absoluteOf.get(uri) ?? '');
  const uriByAbsolute = new Map(files.map((file) => [absoluteOf.get(file.uri)!, file.uri]));
  const sourceByUri = new Map(files.map((file) => [file.uri, file.source]));
  const expired = new Set<number>();
  const audited = (await auditFiles(files, {
    selection,
    isPatch: (file) => isPatch(file.uri),
    configOf: (file) =>
      configSuppressions && {
        suppressions: configSuppressions.suppressions,
        relativePath: configSuppressions.relativePath(absoluteOf.get(file.uri) ?? file.uri),
        expired: (index) => expired.add(index),
      },
    carryRendered:
      rendering &&
      (async (analyses) =>
        carryRenderedFindings(rendering.sets, analyses, {
          selection,
          uriOf: (absolute) => uriByAbsolute.get(absolute),
          outsideFile: (absolute) => ({ uri: rendering.displayOf(absolute), path: rendering.displayOf(absolute) }),
          sourceOf: (uri) => sourceByUri.get(uri),
          isPatch,
        })),
  }))!;
  [...expired].sort((a, b) => a - b).forEach((index) => configSuppressions?.expired(index));
  const lookup: FileLookup = (uri) => audited.index.file(uri);
  const reports = audited.analyses.map((fileAnalysis) => {
    warnAbout(fileAnalysis, warn, locale);
    return fileReportOf(fileAnalysis.file.path, fileAnalysis, lookup, locale);
  });
  for (const failure of audited.ruleFailures) {
    warn(t(locale, 'workspaceRuleFailed', { rule: failure.ruleId, message: redactDetail(failure.message) }));
  }
  const all = reports.flatMap((file) => file.findings.map(({ finding }) => finding));
  const suppressed = reports.flatMap((file) => file.suppressed.map(({ finding }) => finding));
  const checked = { kinds: reports.flatMap((file) => file.kinds), controlPlaneKinds: reports.flatMap((file) => file.controlPlaneKinds) };
  return { files: reports, selection, scorecard: computeScorecard(all, selection, checked, suppressed), totals: totalsOf(reports), notifications };
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

