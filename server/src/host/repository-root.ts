/**
 * The repository root that reports place files against (SARIF `%SRCROOT%`, GitLab paths): code
 * scanning resolves a result's URI on its own checkout of the repository, so a URI relative to the
 * working directory, or one that climbs out of it with `..`, lands nowhere. The root is `--root`
 * when given; else the git top level of the working directory when every input is inside it
 * (found by looking for `.git` upwards, as git does, without running git); else the working
 * directory when it holds every input; else the git top level of the folder that holds every
 * input; else that folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInsideFolder } from '../report/paths';

/** The nearest folder at or above `start` that holds `.git` (a folder, or a file for worktrees and submodules). */
export function gitTopLevel(start: string): string | undefined {
  let directory = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(directory, '.git'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** The deepest folder that holds every path (a file's folder for a file); undefined for no paths. */
export function commonFolder(absolutes: readonly string[]): string | undefined {
  if (absolutes.length === 0) return undefined;
  const folders = absolutes.map((absolute) => (isDirectory(absolute) ? absolute : path.dirname(absolute)));
  let common = folders[0];
  for (const folder of folders.slice(1)) while (!isInsideFolder(folder, common)) common = path.dirname(common);
  return common;
}

export function repositoryRoot(cwd: string, inputs: readonly string[], given?: string): string {
  if (given !== undefined) return path.resolve(cwd, given);
  const top = gitTopLevel(cwd);
  if (top && inputs.every((input) => isInsideFolder(input, top))) return top;
  if (inputs.every((input) => isInsideFolder(input, cwd))) return cwd;
  const common = commonFolder(inputs);
  if (common === undefined) return cwd;
  // Inputs in another repository than the working directory's: that repository's top level.
  const theirs = gitTopLevel(common);
  return theirs && inputs.every((input) => isInsideFolder(input, theirs)) ? theirs : common;
}

function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
