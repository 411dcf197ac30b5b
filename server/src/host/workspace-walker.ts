/**
 * The one walk of a folder tree for manifest files (*.yaml, *.yml, *.json), shared by the CLI
 * audit and the language server's workspace index, so both faces check the same files:
 * - `.git`, `.hg`, `.svn`, `node_modules` and every other dot-directory are left out (a dot-folder
 *   named on the command line is still walked: only what lies below a root is filtered);
 * - `.gitignore` files are honoured, each for the tree below its own folder, as git reads them;
 * - the editor's `files.exclude` patterns when given (the CLI has none);
 * - symbolic links are followed, each directory and file once by its real path, so link loops end
 *   and a linked base is checked once, under the first path that reaches it;
 * - a Helm chart's `templates/` is left out (Go templates, not YAML) and reported once per chart.
 * Entries are visited in code-unit order (never the locale's collation), and the walk gives way to
 * the event loop every few milliseconds and stops when asked to.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ExcludePattern, filesExcluded, gitignored, parseGitignore, PathRule } from '../core/workspace/glob';
import { isDockerfileName } from '../core/parse/parse-file';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules']);
const YIELD_EVERY_MS = 15;

/** A file the audit reads: a manifest (YAML or JSON) or a Dockerfile (core/parse/parse-file.ts). */
export function isManifestFileName(name: string): boolean {
  return MANIFEST_FILE.test(name) || isDockerfileName(name);
}

export interface WalkedFile {
  readonly absolute: string;
  /** Relative to the root of the walk, forward slashes. */
  readonly relativePath: string;
  readonly mtimeMs: number;
  readonly size: number;
}

export type WalkProblem = { readonly kind: 'unreadable-directory' | 'broken-link'; readonly absolute: string; readonly error: unknown };

export interface WalkOptions {
  readonly filesExclude?: readonly ExcludePattern[];
  /** Polled between directories: true ends the walk early (cancellation). */
  readonly shouldStop?: () => boolean;
  /** A directory that cannot be read, or a link to a manifest name that leads nowhere. */
  readonly onProblem?: (problem: WalkProblem) => void;
  /** A Helm chart whose templates were left out (absolute folder). */
  readonly onHelmChart?: (chartDirectory: string) => void;
  /** Real paths already walked, shared between the roots of one run. */
  readonly seen?: Set<string>;
}

/**
 * What the walk leaves out of a tree: dot-directories and node_modules, the `.gitignore` rules of
 * every folder on the way, and `files.exclude`. Kept by the language server to judge files that
 * appear later (file events) the way the walk judged the others.
 */
export class TreeFilter {
  private readonly gitignores = new Map<string, readonly PathRule[]>();

  constructor(
    readonly root: string,
    private readonly filesExclude: readonly ExcludePattern[] = [],
  ) {}

  /** Reads (again) the `.gitignore` of a folder of the tree ('' for the root). */
  async loadGitignore(relativeDirectory: string): Promise<void> {
    try {
      const text = await fs.promises.readFile(path.join(this.root, relativeDirectory, '.gitignore'), 'utf8');
      this.gitignores.set(relativeDirectory, parseGitignore(text));
    } catch {
      this.gitignores.delete(relativeDirectory);
    }
  }

  /** Whether the path (relative to the root) is left out, judged segment by segment. */
  excludes(relativePath: string, isDirectory: boolean): boolean {
    const segments = relativePath.split('/');
    for (let i = 1; i <= segments.length; i++) {
      const segmentIsDirectory = i < segments.length || isDirectory;
      if (this.excludesEntry(segments.slice(0, i).join('/'), segmentIsDirectory)) return true;
    }
    return false;
  }

  /** Whether the one entry is left out, its parent folders being in. */
  excludesEntry(relativePath: string, isDirectory: boolean): boolean {
    const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
    if (isDirectory && (name.startsWith('.') || SKIPPED_DIRECTORIES.has(name))) return true;
    for (const [directory, rules] of this.gitignores) {
      const prefix = directory ? `${directory}/` : '';
      if (prefix && !relativePath.startsWith(prefix)) continue;
      if (gitignored(rules, relativePath.slice(prefix.length), isDirectory)) return true;
    }
    const parent = path.join(this.root, path.dirname(relativePath));
    return filesExcluded(this.filesExclude, relativePath, (sibling) => fs.existsSync(path.join(parent, sibling)));
  }
}

/** Every manifest file under `root`, in path order; `filter` is filled with the `.gitignore` files met. */
export async function walkTree(filter: TreeFilter, options: WalkOptions = {}): Promise<WalkedFile[]> {
  const found: WalkedFile[] = [];
  const seen = options.seen ?? new Set<string>();
  seen.add(await realPath(filter.root));
  let lastYield = Date.now();
  const pending: string[] = [''];
  while (pending.length > 0) {
    if (options.shouldStop?.()) break;
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
    const relativeDirectory = pending.shift()!;
    const subdirectories = await walkDirectory(filter, relativeDirectory, options, seen, found);
    pending.unshift(...subdirectories);
  }
  return found;
}

/** One folder: its files into `found`, its subfolders to walk returned in order. */
async function walkDirectory(filter: TreeFilter, relativeDirectory: string, options: WalkOptions, seen: Set<string>, found: WalkedFile[]): Promise<string[]> {
  const directory = path.join(filter.root, relativeDirectory);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(directory, { withFileTypes: true });
  } catch (error) {
    options.onProblem?.({ kind: 'unreadable-directory', absolute: directory, error });
    return [];
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (entries.some((entry) => entry.name === '.gitignore' && !entry.isDirectory())) await filter.loadGitignore(relativeDirectory);
  const isChart = entries.some((entry) => entry.name === 'Chart.yaml' && !entry.isDirectory());
  const subdirectories: string[] = [];
  for (const entry of entries) {
    const relativePath = relativeDirectory ? `${relativeDirectory}/${entry.name}` : entry.name;
    const absolute = path.join(directory, entry.name);
    let kind: 'directory' | 'file' | 'other' = entry.isDirectory() ? 'directory' : 'other';
    let stat: fs.Stats | undefined;
    if (entry.isFile() && !isManifestFileName(entry.name)) continue;
    if (entry.isFile() || entry.isSymbolicLink()) {
      try {
        stat = await fs.promises.stat(absolute);
      } catch (error) {
        if (isManifestFileName(entry.name)) options.onProblem?.({ kind: 'broken-link', absolute, error });
        continue;
      }
      kind = stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
    }
    const isDirectory = kind === 'directory';
    if (isDirectory) {
      if (isChart && entry.name === 'templates') {
        options.onHelmChart?.(directory);
        continue;
      }
      if (filter.excludesEntry(relativePath, true)) continue;
      const real = await realPath(absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      subdirectories.push(relativePath);
    } else if (stat && kind === 'file' && isManifestFileName(entry.name) && !filter.excludesEntry(relativePath, false)) {
      const real = await realPath(absolute);
      if (seen.has(real)) continue;
      seen.add(real);
      found.push({ absolute, relativePath, mtimeMs: stat.mtimeMs, size: stat.size });
    }
  }
  return subdirectories;
}

async function realPath(absolute: string): Promise<string> {
  try {
    return await fs.promises.realpath(absolute);
  } catch {
    return absolute;
  }
}
