/**
 * The CLI's `.kube-checklist.yaml`: the one given with --config, else the nearest one in the working
 * directory or above it. A broken configuration stops the run (exit 2) with every problem named by
 * file, line and column; an unreadable --config file too. Its exclude globs and suppressions are
 * relative to its own folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, KubeChecklistConfig, Locale, parseSourceFile, positionOf, readConfigFile, renderConfigProblem } from '../core';
import { t } from '../report/messages';
import { displayPath } from './collect-files';
import { InputError } from './errors';
import { configReadReason, readConfigSource } from './read-source';

export interface LoadedConfig {
  readonly absolute: string;
  readonly display: string;
  /** The folder its globs are relative to. */
  readonly directory: string;
  readonly config: KubeChecklistConfig;
}

export function findConfigFile(start: string): string | undefined {
  for (let directory = path.resolve(start); ; directory = path.dirname(directory)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (fs.existsSync(candidate)) return candidate;
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}

export function loadConfig(explicit: string | undefined, cwd: string, locale: Locale): LoadedConfig | undefined {
  const absolute = explicit !== undefined ? path.resolve(cwd, explicit) : findConfigFile(cwd);
  if (absolute === undefined) return undefined;
  const display = displayPath(absolute, cwd);
  const read = readConfigSource(absolute);
  if (read.kind !== 'text') throw new InputError(`${display}:1:1: ${t(locale, 'configUnreadable', { file: display, reason: configReadReason(read) })}`);
  const text = read.text;
  const { config, problems } = readConfigFile(text);
  if (!config) {
    const source = parseSourceFile(text);
    const lines = problems.map((problem) => {
      const { line, character } = positionOf(source, problem.start);
      return `${display}:${line + 1}:${character + 1}: ${renderConfigProblem(problem, locale)}`;
    });
    throw new InputError([t(locale, 'configInvalid', { file: display }), ...lines].join('\n'));
  }
  return { absolute, display, directory: path.dirname(absolute), config };
}

/** A file's path relative to the configuration's folder, with forward slashes, for its globs. */
export function configRelative(loaded: LoadedConfig, absolute: string): string {
  return path.relative(loaded.directory, absolute).split(path.sep).join('/');
}
