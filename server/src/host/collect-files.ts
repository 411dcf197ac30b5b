/**
 * From the PATH arguments to the sorted list of inputs. Directories are walked for *.yaml, *.yml and
 * *.json files, skipping dot-directories and node_modules and following symbolic links to
 * directories at most once each (by real path), so link loops end. Files named on the command line
 * are taken whatever their extension; `-` is standard input. A path that does not exist is an error
 * for the whole run; a directory that cannot be read is a warning. The order is deterministic: by
 * display path, segment by segment, in code-unit order (never the locale's collation).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { helmChartOfTemplate } from '../core';
import type { Locale } from '../core';
import { t } from '../report/messages';
import { describeError, InputError } from './errors';
import type { Warn } from '../report/warning';
import { comparePaths, STDIN_ARGUMENT, STDIN_DISPLAY } from '../report/paths';


const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const SKIPPED_DIRECTORIES = new Set(['node_modules']);

export interface InputFile {
  /** Absolute path; empty for standard input. */
  readonly absolute: string;
  /** What reports show: relative to the working directory, with forward slashes. */
  readonly display: string;
  readonly stdin: boolean;
}

export function isManifestFileName(name: string): boolean {
  return MANIFEST_EXTENSIONS.has(path.extname(name).toLowerCase());
}

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

/**
 * The files to audit. Helm chart templates are left out (they are Go templates, not YAML); the
 * charts whose templates were left out are added to `helmCharts` (display paths), once each.
 */
export function collectFiles(paths: readonly string[], cwd: string, locale: Locale, warn: Warn, helmCharts: string[] = []): InputFile[] {
  const roots = statRoots(paths, cwd, locale);
  const collector = new Collector(cwd, locale, warn, helmCharts);
  for (const root of roots) {
    if (root === STDIN_ARGUMENT) collector.addStdin();
    else if (root.directory) collector.walk(root.absolute);
    else collector.addFile(root.absolute);
  }
  return collector.files.sort((a, b) => comparePaths(a.display, b.display));
}

type Root = typeof STDIN_ARGUMENT | { readonly absolute: string; readonly directory: boolean };

/** Every argument must exist: all the missing ones are reported together, and nothing is read. */
function statRoots(paths: readonly string[], cwd: string, locale: Locale): Root[] {
  const problems: string[] = [];
  const roots: Root[] = [];
  for (const argument of paths) {
    if (argument === STDIN_ARGUMENT) {
      roots.push(STDIN_ARGUMENT);
      continue;
    }
    const absolute = path.resolve(cwd, argument);
    try {
      roots.push({ absolute, directory: fs.statSync(absolute).isDirectory() });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT' || code === 'ENOTDIR'
          ? t(locale, 'pathNotFound', { path: argument })
          : t(locale, 'pathInaccessible', { path: argument, reason: describeError(error) }),
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return roots;
}

class Collector {
  readonly files: InputFile[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenDirectories = new Set<string>();
  private stdinAdded = false;

  constructor(
    private readonly cwd: string,
    private readonly locale: Locale,
    private readonly warn: Warn,
    private readonly helmCharts: string[],
  ) {}

  private skipChart(chartDirectory: string): void {
    const display = displayPath(chartDirectory, this.cwd);
    if (!this.helmCharts.includes(display)) this.helmCharts.push(display);
  }

  addStdin(): void {
    if (this.stdinAdded) return;
    this.stdinAdded = true;
    this.files.push({ absolute: '', display: STDIN_DISPLAY, stdin: true });
  }

  addFile(absolute: string): void {
    const chart = helmChartOfTemplate(absolute.split(path.sep).join('/'), (directory) => fs.existsSync(path.join(directory, 'Chart.yaml')));
    if (chart !== undefined) {
      this.skipChart(chart);
      return;
    }
    const key = realPathOr(absolute);
    if (this.seenFiles.has(key)) return;
    this.seenFiles.add(key);
    this.files.push({ absolute, display: displayPath(absolute, this.cwd), stdin: false });
  }

  walk(directory: string): void {
    const key = realPathOr(directory);
    if (this.seenDirectories.has(key)) return;
    this.seenDirectories.add(key);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      this.warn(t(this.locale, 'unreadableDirectory', { reason: describeError(error) }), { file: displayPath(directory, this.cwd) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const isChart = entries.some((entry) => entry.name === 'Chart.yaml' && !entry.isDirectory());
    for (const entry of entries) {
      if (isChart && entry.name === 'templates') {
        this.skipChart(directory);
        continue;
      }
      const full = path.join(directory, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(full);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch (error) {
          if (isManifestFileName(entry.name)) {
            this.warn(t(this.locale, 'brokenLink', { reason: describeError(error) }), { file: displayPath(full, this.cwd) });
          }
          continue;
        }
      }
      if (isDirectory) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) this.walk(full);
      } else if (isFile && isManifestFileName(entry.name)) {
        this.addFile(full);
      }
    }
  }
}

function realPathOr(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}
