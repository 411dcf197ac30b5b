/**
 * One workspace folder in Audit Workspace, through the audit the CLI runs (host/audit-files.ts):
 * the folder's indexed files (open documents in place of their disk text) minus what its
 * configurations exclude, each file with the rules of its own `.kube-checklist.yaml` over the
 * client's settings, Kustomize patches by the one detector, configuration suppressions, and, in a
 * trusted workspace, rendered overlays and charts carried to their files.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileAnalysis, RuleFailure, RuleSelection, selectRules, WorkspaceIndex } from '../core';
import { AuditProgress, auditFiles, ConfigScope } from '../host/audit-files';
import { configRelativePath } from '../host/config-discovery';
import { isKustomizationFile, patchesNamedBy } from '../host/kustomize-patches';
import { carryRenderedFindings } from '../host/render/carry-rendered';
import type { AuditRender } from './audit-protocol';
import { renderFolder, untrustedRenders } from './audit-rendering';
import { ConfigLookup, excludedByConfig, FoundConfig, withConfig } from './config-lookup';
import type { ServerSettings } from './settings';
import { fileUri, fsPathOf } from './workspace-scanner';
import type { FolderState, WorkspaceService } from './workspace-service';

export interface FolderAuditDependencies {
  readonly workspace: WorkspaceService;
  readonly configs: ConfigLookup;
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
}


/** One folder, audited as one workspace by the audit the CLI runs too; undefined when disabled or cancelled. */
export async function auditFolder(
  deps: FolderAuditDependencies,
  folder: FolderState,
  clientSettings: ServerSettings,
  signal: AbortSignal,
  cancelled: () => boolean,
  progress: (progress: AuditProgress) => void,
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
  const result = await auditFiles(files, {
    selectionOf: (file) => selectionOf(file.uri),
    isPatch: (file) => isPatch(file.uri),
    configOf: (file) => configScope(configs.configFor(file.uri), file.uri),
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
  return {
    audited: result.analyses.map((analysis) => ({ folder, index: result.index, analysis })),
    ruleFailures: result.ruleFailures,
    renders,
    selection: selectionOf(folder.uri),
    settings: rootSettings,
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
function configScope(found: FoundConfig | undefined, uri: string): ConfigScope | undefined {
  const absolute = fsPathOf(uri);
  const suppressions = found?.file.config?.suppressions ?? [];
  const configOnly = found?.file.config?.exceptions === 'config-only';
  if ((!suppressions.length && !configOnly) || absolute === undefined) return undefined;
  // Expired suppressions are shown on the configuration file itself (config-diagnostics.ts).
  return { suppressions, relativePath: configRelativePath(found!, absolute), expired: () => undefined, configOnly };
}

