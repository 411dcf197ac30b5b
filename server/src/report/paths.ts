/**
 * How reports name and order files: display paths relative to the working directory with forward
 * slashes (absolute for files outside it, never `../..`), `<stdin>` for standard input, one path
 * order (segment by segment) that every format and both faces sort by, and paths relative to the
 * repository root for the formats that code-review services place on their own checkout.
 */
import * as path from 'node:path';

export const STDIN_ARGUMENT = '-';
export const STDIN_DISPLAY = '<stdin>';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Segment by segment, so that `a/b.yaml` sorts with the other files of `a/`, before `a-b.yaml`. */
export function comparePaths(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareCodeUnits(left[i], right[i]);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

/**
 * A display path relative to the repository root (forward slashes), for SARIF's `%SRCROOT%` and
 * GitLab's `location.path`; undefined for a file outside the root (or standard input), which such
 * a service cannot place.
 */
export function rootRelativePath(display: string, cwd: string, root: string): string | undefined {
  if (display === STDIN_DISPLAY) return undefined;
  const absolute = path.resolve(cwd, display);
  if (absolute === path.resolve(root) || !isInsideFolder(absolute, root)) return undefined;
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Whether an absolute path is the folder itself or below it (no `..` step, not on another drive). */
export function isInsideFolder(absolute: string, folder: string): boolean {
  const relative = path.relative(folder, absolute);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
