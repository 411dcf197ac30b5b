/**
 * One workspace folder in Audit Workspace, through the audit the CLI runs (host/audit-files.ts):
 * the folder's indexed files (open documents in place of their disk text) minus what its
 * configurations exclude, each file with the rules of its own `.kube-checklist.yaml` over the
 * client's settings, Kustomize patches by the one detector, configuration suppressions, in a
 * trusted workspace rendered overlays and charts carried to their files, and last the folder's
 * baseline (`kubeChecklist.baseline`): its findings are suppressed by the baseline, or shown as
 * hints (`kubeChecklist.baselineFindings`), as in open documents.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Baseline, FileAnalysis, RuleFailure, RuleSelection, selectRules, WorkspaceIndex } from '../core';
import { AuditProgress, auditFiles, ConfigScope } from '../host/audit-files';
import { configRelativePath } from '../host/config-discovery';
import { isKustomizationFile, patchesNamedBy } from '../host/kustomize-patches';
import { carryRenderedFindings } from '../host/render/carry-rendered';
import type { ExceptionTracker } from './audit-exceptions';
import type { AuditRender } from './audit-protocol';
import { BaselineFiles, baselineUseOf } from './baseline-files';
import { renderFolder, untrustedRenders } from './audit-rendering';
import { ConfigLookup, excludedByConfig, FoundConfig, withConfig } from './config-lookup';
import type { ServerSettings } from './settings';
import { fileUri, fsPathOf } from './workspace-scanner';
import type { FolderState, WorkspaceService } from './workspace-service';

export interface FolderAuditDependencies {
  readonly workspace: WorkspaceService;
  readonly configs: ConfigLookup;
  readonly baselines: BaselineFiles;
  /** Whether the client trusts the workspace: only then are renderers (kubectl, helm) run. */
  trusted(): boolean;
}

/** One analyzed file of the last audit. */
export interface AuditedFile {
  readonly folder: FolderState;
  readonly index: WorkspaceIndex;
  readonly analysis: FileAnalysis;
}

export interface FolderAudit {
  readonly audited: readonly AuditedFile[];
  readonly ruleFailures: readonly RuleFailure[];
  readonly renders: readonly AuditRender[];
  /** The rules of the folder's root (its settings and root configuration): the report's level. */
  readonly selection: RuleSelection;
  readonly settings: ServerSettings;
  /** The configuration files that applied to the folder's files, with the policy each gives over the client's settings. */
  readonly configurations: readonly { readonly found: FoundConfig; readonly level: string; readonly kubernetesVersion: string }[];
  /** The folder's baseline, when its file exists: what it holds, and which of its entries the audit met. */
  readonly baseline?: { readonly path: string; readonly baseline: Baseline; readonly held: number };
}


/** One folder, audited as one workspace by the audit the CLI runs too; undefined when disabled or cancelled. */
export async function auditFolder(
  deps: FolderAuditDependencies,
  folder: FolderState,
  clientSettings: ServerSettings,
  signal: AbortSignal,
  cancelled: () => boolean,
  progress: (progress: AuditProgress) => void,
  exceptions: ExceptionTracker,
): Promise<FolderAudit | undefined> {
  const { workspace, configs } = deps;
  const rootSettings = withConfig(clientSettings, configs.configFor(folder.uri)?.file.config);
  if (!rootSettings.enable) return undefined;
  const index = workspace.indexFor(folder, true)!.index;
  const selections = new Map<unknown, RuleSelection>();
  const selectionOf = (uri: string): RuleSelection => {
    const config = configs.configFor(uri)?.file.config;
    let selection = selections.get(config);
    if (!selection) selections.set(config, (selection = selectRules(withConfig(clientSettings, config).options)));
    return selection;
  };
  const files = index.files.filter((file) => !excludedByConfig(configs.configFor(file.uri), file.uri));
  const audited = new Set(files.map((file) => file.uri));
  const patches = patchesNamedBy(kustomizationTexts(folder.entries.keys(), index));
  const isPatch = (uri: string) => patches.has(fsPathOf(uri) ?? '');
  let renders: AuditRender[] = [];
  const baselineUse = baselineUseOf(rootSettings, folder.fsPath);
  const baselineFile = baselineUse && deps.baselines.at(baselineUse.absolute)?.baseline;
  // A fresh one per audit: it records which of its entries this audit met.
  const baseline = baselineFile && new Baseline(baselineFile.entries);
  const result = await auditFiles(files, {
    selectionOf: (file) => selectionOf(file.uri),
    isPatch: (file) => isPatch(file.uri),
    configOf: (file) => configScope(configs.configFor(file.uri), file.uri, exceptions),
    baseline,
    progress,
    cancelled,
    carryRendered: async (analyses) => {
      if (!deps.trusted()) {
        renders = untrustedRenders(folder.entries.keys());
        return analyses;
      }
      const rendered = await renderFolder(folder.fsPath, folder.entries.keys(), signal);
      renders = [...rendered.renders];
      return carryRenderedFindings(rendered.sets, analyses, {
        selectionOf: (set) => selectionOf(fileUri(set.directory)),
        uriOf: (absolute) => (audited.has(fileUri(absolute)) ? fileUri(absolute) : undefined),
        outsideFile: (absolute) => ({ uri: fileUri(absolute), path: path.relative(folder.fsPath, absolute).split(path.sep).join('/') }),
        sourceOf: (uri) => index.file(uri)?.source,
        isPatch,
      });
    },
  });
  if (!result) return undefined;
  const held = result.analyses.reduce((sum, analysis) => sum + analysis.suppressed.filter((entry) => entry.by === 'baseline').length, 0);
  const analyses = baselineUse?.mode === 'hint' ? result.analyses.map(baselinedAsHints) : result.analyses;
  const used = [...new Set(files.map((file) => configs.configFor(file.uri)).filter((found): found is FoundConfig => found !== undefined))];
  const configurations = used.map((found) => {
    const { options } = withConfig(clientSettings, found.file.config);
    return { found, level: options.level, kubernetesVersion: options.kubernetesVersion };
  });
  return {
    configurations,
    audited: analyses.map((analysis) => ({ folder, index: result.index, analysis })),
    ruleFailures: result.ruleFailures,
    renders,
    selection: selectionOf(folder.uri),
    settings: rootSettings,
    baseline: baseline && { path: path.relative(folder.fsPath, baselineUse!.absolute).split(path.sep).join('/'), baseline, held },
  };
}

/** `baselineFindings: hint`: what the baseline holds is shown, as hints, instead of hidden. */
function baselinedAsHints(analysis: FileAnalysis): FileAnalysis {
  const held = analysis.suppressed.filter((entry) => entry.by === 'baseline');
  if (held.length === 0) return analysis;
  return {
    ...analysis,
    findings: [...analysis.findings, ...held.map(({ finding }) => ({ ...finding, severity: 'hint' as const }))],
    suppressed: analysis.suppressed.filter((entry) => entry.by !== 'baseline'),
  };
}

/** The texts of the kustomization files among a folder's files (the open text, else the disk's). */
function kustomizationTexts(uris: Iterable<string>, index: WorkspaceIndex): { absolute: string; text: string }[] {
  const texts: { absolute: string; text: string }[] = [];
  for (const uri of uris) {
    const absolute = fsPathOf(uri);
    if (absolute === undefined || !isKustomizationFile(absolute)) continue;
    try {
      texts.push({ absolute, text: index.file(uri)?.source.text ?? fs.readFileSync(absolute, 'utf8') });
    } catch {
      // gone or unreadable: it names no patches
    }
  }
  return texts;
}

/** The suppressions of the configuration that applies to a file, for the audit. */
function configScope(found: FoundConfig | undefined, uri: string, exceptions: ExceptionTracker): ConfigScope | undefined {
  const absolute = fsPathOf(uri);
  const suppressions = found?.file.config?.suppressions ?? [];
  const configOnly = found?.file.config?.exceptions === 'config-only';
  if ((!suppressions.length && !configOnly) || absolute === undefined) return undefined;
  // Expired ones are also shown on the configuration file itself (config-diagnostics.ts).
  return { suppressions, relativePath: configRelativePath(found!, absolute), ...exceptions.scopeOf(found!), configOnly };
}

