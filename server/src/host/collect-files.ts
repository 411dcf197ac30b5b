/**
 * From the PATH arguments to the sorted list of inputs. Directories are walked by the one workspace
 * walker (workspace-walker.ts: the same files as the editor's index, .gitignore honoured, dot-folders
 * and node_modules left out, links followed once by real path). Files named on the command line
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
import { isManifestFileName, TreeFilter, walkTree } from './workspace-walker';



export interface InputFile {
  /** Absolute path; for standard input the path it stands for (--stdin-filename), else empty. */
  readonly absolute: string;
  /** What reports show: relative to the working directory, with forward slashes. */
  readonly display: string;
  readonly stdin: boolean;
}

export { isManifestFileName };

export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  // Outside the working directory, the absolute path: `../../x` is hard to read and to click.
  const shown = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}

/**
 * The files to audit. Helm chart templates are left out (they are Go templates, not YAML); the
 * charts whose templates were left out are added to `helmCharts` (display paths), once each.
 */
export async function collectFiles(paths: readonly string[], cwd: string, locale: Locale, warn: Warn, helmCharts: string[] = [], stdinFilename?: string): Promise<InputFile[]> {
  const roots = statRoots(paths, cwd, locale);
  const collector = new Collector(cwd, locale, warn, helmCharts);
  for (const root of roots) {
    if (root === STDIN_ARGUMENT) collector.addStdin(stdinFilename);
    else if (root.directory) await collector.walk(root.absolute);
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

/** Collects the inputs of one run; every real path once. */
class Collector {
  readonly files: InputFile[] = [];
  private readonly seen = new Set<string>();
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

  /** Standard input, shown as `<stdin>` or as the path it stands for (whose configuration then applies). */
  addStdin(standsFor?: string): void {
    if (this.stdinAdded) return;
    this.stdinAdded = true;
    const absolute = standsFor ? path.resolve(this.cwd, standsFor) : '';
    this.files.push({ absolute, display: absolute ? displayPath(absolute, this.cwd) : STDIN_DISPLAY, stdin: true });
  }

  addFile(absolute: string): void {
    const chart = helmChartOfTemplate(absolute.split(path.sep).join('/'), (directory) => fs.existsSync(path.join(directory, 'Chart.yaml')));
    if (chart !== undefined) {
      this.skipChart(chart);
      return;
    }
    const key = realPathOr(absolute);
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.files.push({ absolute, display: displayPath(absolute, this.cwd), stdin: false });
  }

  async walk(directory: string): Promise<void> {
    const walked = await walkTree(new TreeFilter(directory), {
      seen: this.seen,
      onHelmChart: (chart) => this.skipChart(chart),
      onProblem: ({ kind, absolute, error }) => {
        const reason = describeError(error);
        this.warn(t(this.locale, kind === 'broken-link' ? 'brokenLink' : 'unreadableDirectory', { reason }), { file: displayPath(absolute, this.cwd) });
      },
    });
    for (const file of walked) this.files.push({ absolute: file.absolute, display: displayPath(file.absolute, this.cwd), stdin: false });
  }
}

function realPathOr(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}
