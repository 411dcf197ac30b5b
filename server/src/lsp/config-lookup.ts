/**
 * `.kube-checklist.yaml` for the server: the nearest one in the folder of a document or above it
 * (so a workspace folder's root file applies to everything in it, and a sub-project may have its
 * own), read from disk and cached by modification time. VS Code settings stay on top: a setting
 * overrides the file only where it differs from its default, since workspace/configuration cannot
 * tell an explicit default from none.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyConfigSuppressions, AnalysisResult, CONFIG_FILE_NAMES, ConfigFile, configOptions, globToRegExp, KubeChecklistConfig, readConfigFile } from '../core';
import { DEFAULT_SETTINGS, ServerSettings } from './settings';
import { configReadReason, readConfigSource } from '../host/read-source';

export interface FoundConfig {
  readonly uri: string;
  /** The folder its globs are relative to. */
  readonly directory: string;
  readonly file: ConfigFile;
}

const cache = new Map<string, { mtimeMs: number; file: ConfigFile }>();

export function isConfigDocument(uri: string): boolean {
  return CONFIG_FILE_NAMES.some((name) => uri.endsWith(`/${name}`));
}

export function forgetConfigs(): void {
  cache.clear();
}

/** The configuration that applies to a document or folder uri, if any. */
export function configFor(uri: string): FoundConfig | undefined {
  let start: string;
  try {
    start = fileURLToPath(uri);
  } catch {
    return undefined;
  }
  let directory = isDirectory(start) ? start : path.dirname(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      const file = read(candidate);
      if (file) return { uri: pathToFileURL(candidate).href, directory, file };
    }
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

function isDirectory(fsPath: string): boolean {
  try {
    return fs.statSync(fsPath).isDirectory();
  } catch {
    return false;
  }
}

function read(candidate: string): ConfigFile | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(candidate).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = cache.get(candidate);
  if (cached && cached.mtimeMs === mtimeMs) return cached.file;
  let file: ConfigFile;
  try {
    const read = readConfigSource(candidate);
    file = read.kind === 'text' ? readConfigFile(read.text) : unreadable(configReadReason(read));
  } catch (error) {
    file = unreadable(error instanceof Error ? error.message : String(error));
  }
  cache.set(candidate, { mtimeMs, file });
  return file;
}

/** A configuration that cannot be read: one problem at its start, shown like its other problems. */
function unreadable(reason: string): ConfigFile {
  return { config: undefined, problems: [{ message: { en: `cannot be read: ${reason}`, 'zh-cn': `无法读取：${reason}` }, start: 0, end: 0 }] };
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
  const globs = found?.file.config?.exclude;
  if (!globs?.length) return false;
  const relative = relativeTo(found!, uri);
  return relative !== undefined && globs.some((glob) => globToRegExp(glob.replace(/^\.\//, '')).test(relative));
}

/** The result with the configuration's suppressions applied (expired ones let the findings through). */
export function withConfigSuppressions(found: FoundConfig | undefined, uri: string, result: AnalysisResult, now: number): AnalysisResult {
  const suppressions = found?.file.config?.suppressions;
  const relative = found && relativeTo(found, uri);
  if (!suppressions?.length || relative === undefined) return result;
  const applied = applyConfigSuppressions(result.findings, relative, suppressions, now);
  return { ...result, findings: applied.kept, suppressed: [...result.suppressed, ...applied.suppressed] };
}

function relativeTo(found: FoundConfig, uri: string): string | undefined {
  try {
    return path.relative(found.directory, fileURLToPath(uri)).split(path.sep).join('/');
  } catch {
    return undefined;
  }
}
