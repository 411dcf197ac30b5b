/**
 * The upgrade preview of a set of files, for both faces: the files are indexed together as one
 * workspace (so Namespaces and the workloads in them meet across files), the core compares the Pod
 * Security verdicts at the two versions with the engine's evaluator, and the report layer gives it
 * paths, positions and words. The CLI reads its inputs with `previewInputs`; the language server
 * passes the files it already holds to `previewFiles`.
 */
import { Locale, parseSourceFile, PodSecurityLevel, previewUpgrade, selectRules, SourceFile, WorkspaceIndex } from '../core';
import { upgradeReportOf, UpgradeReport } from '../report/upgrade-report';
import type { Warn } from '../report/warning';
import { InputReader, readProblem } from './audit';
import type { InputFile } from './collect-files';

export interface UpgradeRequest {
  readonly level: PodSecurityLevel;
  /** Minor versions (1.NN). */
  readonly from: number;
  readonly to: number;
}

export function previewFiles(files: readonly { readonly uri: string; readonly path: string; readonly source: SourceFile }[], request: UpgradeRequest, locale: Locale): UpgradeReport {
  const index = new WorkspaceIndex(files.map(({ uri, path, source }) => ({ uri, path, source })));
  // The evaluator the PSA namespace rules get: the Pod Security rules alone at a given level and version.
  const evaluator = selectRules({ level: request.level, kubernetesVersion: 'latest' }).podSecurity;
  const preview = previewUpgrade(index, evaluator, request);
  return upgradeReportOf(preview, (resource) => index.fileOf(resource), locale);
}

export function previewInputs(inputs: readonly InputFile[], read: InputReader, warn: Warn, request: UpgradeRequest, locale: Locale): UpgradeReport {
  const files: { uri: string; path: string; source: SourceFile }[] = [];
  for (const input of inputs) {
    const text = read(input);
    if (text.kind !== 'text') warn(readProblem(text, locale), { file: input.display });
    else files.push({ uri: input.display, path: input.display, source: parseSourceFile(text.text) });
  }
  return previewFiles(files, request, locale);
}
