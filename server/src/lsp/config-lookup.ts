/**
 * `.kube-checklist.yaml` for the server, by document uri, through the one discovery of
 * host/config-discovery.ts (the CLI's too): the nearest one in the folder of a document or above
 * it, so a workspace folder's root file applies to everything in it and a sub-project may have its
 * own. VS Code settings stay on top: a setting overrides the file only where it differs from its
 * default, since workspace/configuration cannot tell an explicit default from none.
 */
import { fsPathOf } from './workspace-scanner';
import { pathToFileURL } from 'node:url';
import { AnalysisResult, applyConfigSuppressions, configOptions, KubeChecklistConfig } from '../core';
import { ConfigDiscovery, configRelativePath, excludedByConfig as excludedAt, FoundConfig as FoundConfigFile, isConfigFileName } from '../host/config-discovery';
import { DEFAULT_SETTINGS, ServerSettings } from './settings';

export interface FoundConfig extends FoundConfigFile {
  readonly uri: string;
}

export function isConfigDocument(uri: string): boolean {
  return uri.startsWith('file:') && isConfigFileName(uri.slice(uri.lastIndexOf('/') + 1));
}


/** The configurations the server reads, kept until one of them changes. */
export class ConfigLookup {
  private readonly discovery = new ConfigDiscovery();
  private readonly withUris = new WeakMap<FoundConfigFile, FoundConfig>();

  /** The configuration that applies to a document or folder uri, if any. */
  configFor(uri: string): FoundConfig | undefined {
    const fsPath = fsPathOf(uri);
    const found = fsPath === undefined ? undefined : this.discovery.nearest(fsPath);
    if (!found) return undefined;
    let withUri = this.withUris.get(found);
    if (!withUri) this.withUris.set(found, (withUri = { ...found, uri: pathToFileURL(found.absolute).href }));
    return withUri;
  }

  forget(): void {
    this.discovery.forget();
  }
}

/** Settings with the configuration underneath: the file decides where the settings keep their defaults. */
export function withConfig(settings: ServerSettings, config: KubeChecklistConfig | undefined): ServerSettings {
  if (!config) return settings;
  const fromFile = configOptions(config);
  const defaults = DEFAULT_SETTINGS.options;
  const own = settings.options;
  return {
    ...settings,
    options: {
      ...own,
      level: own.level !== defaults.level ? own.level : fromFile.level ?? own.level,
      kubernetesVersion: own.kubernetesVersion !== defaults.kubernetesVersion ? own.kubernetesVersion : fromFile.kubernetesVersion ?? own.kubernetesVersion,
      rules: { ...fromFile.rules, ...own.rules },
      sensitive: own.sensitive ?? fromFile.sensitive,
      foreignSuppressions: own.foreignSuppressions === false || own.foreignSuppressions === 'all' ? own.foreignSuppressions : fromFile.foreignSuppressions ?? true,
    },
  };
}

/** Whether the configuration excludes the document. */
export function excludedByConfig(found: FoundConfig | undefined, uri: string): boolean {
  const fsPath = fsPathOf(uri);
  return fsPath !== undefined && excludedAt(found, fsPath);
}

/** The result with the configuration's suppressions applied (expired ones let the findings through). */
export function withConfigSuppressions(found: FoundConfig | undefined, uri: string, result: AnalysisResult, now: number): AnalysisResult {
  const suppressions = found?.file.config?.suppressions;
  const fsPath = fsPathOf(uri);
  if (!suppressions?.length || fsPath === undefined) return result;
  const applied = applyConfigSuppressions(result.findings, configRelativePath(found!, fsPath), suppressions, now);
  return { ...result, findings: applied.kept, suppressed: [...result.suppressed, ...applied.suppressed] };
}
