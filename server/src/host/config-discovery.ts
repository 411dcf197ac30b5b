/**
 * The one discovery of `.kube-checklist.yaml`, for every face: the configuration of a file is the
 * nearest one in its folder or above it (one per folder tree, as ESLint and Ruff find theirs), read
 * from disk with the bounded reader and kept until its modification time changes. Its `exclude`
 * globs and suppressions are relative to its own folder. A file that cannot be read or parsed is a
 * configuration with problems (the CLI stops on it; the editor shows them), never a silent default.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES, ConfigFile, globToRegExp, readConfigFile } from '../core';
import { configReadReason, readConfigSource } from './read-source';

export interface FoundConfig {
  /** The configuration file, absolute. */
  readonly absolute: string;
  /** The folder its globs are relative to. */
  readonly directory: string;
  readonly file: ConfigFile;
}

export function isConfigFileName(name: string): boolean {
  return CONFIG_FILE_NAMES.includes(path.basename(name));
}

/** A configuration that cannot be read: one problem at its start, shown like its other problems. */
function unreadable(reason: string): ConfigFile {
  return { config: undefined, problems: [{ message: { en: `cannot be read: ${reason}`, 'zh-cn': `无法读取：${reason}` }, start: 0, end: 0 }] };
}

/** Reads one configuration file (bounded, never blocking on a FIFO); never throws. */
export function readConfigAt(absolute: string): ConfigFile {
  try {
    const read = readConfigSource(absolute);
    return read.kind === 'text' ? readConfigFile(read.text) : unreadable(configReadReason(read));
  } catch (error) {
    return unreadable(error instanceof Error ? error.message : String(error));
  }
}

export class ConfigDiscovery {
  private readonly cache = new Map<string, { readonly mtimeMs: number; readonly found: FoundConfig }>();

  /** The configuration that applies to a file or folder (absolute path), if any. */
  nearest(absolute: string): FoundConfig | undefined {
    let directory = isDirectory(absolute) ? absolute : path.dirname(absolute);
    for (;;) {
      for (const name of CONFIG_FILE_NAMES) {
        const found = this.at(path.join(directory, name));
        if (found) return found;
      }
      const parent = path.dirname(directory);
      if (parent === directory) return undefined;
      directory = parent;
    }
  }

  /** The configuration in this very file, if it exists. */
  at(candidate: string): FoundConfig | undefined {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(candidate).mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(candidate);
    if (cached && cached.mtimeMs === mtimeMs) return cached.found;
    const found = { absolute: candidate, directory: path.dirname(candidate), file: readConfigAt(candidate) };
    this.cache.set(candidate, { mtimeMs, found });
    return found;
  }

  /** Forgets what was read (a configuration file changed). */
  forget(): void {
    this.cache.clear();
  }
}

function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}

/** A file's path relative to the configuration's folder, with forward slashes, for its globs. */
export function configRelativePath(found: FoundConfig, absolute: string): string {
  return path.relative(found.directory, absolute).split(path.sep).join('/');
}

/** Whether the configuration excludes the file. */
export function excludedByConfig(found: FoundConfig | undefined, absolute: string): boolean {
  const globs = found?.file.config?.exclude;
  if (!globs?.length) return false;
  const relative = configRelativePath(found!, absolute);
  return globs.some((glob) => globToRegExp(glob.replace(/^\.\//, '')).test(relative));
}
