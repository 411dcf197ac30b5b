/**
 * How reports name and order files: display paths relative to the working directory with forward
 * slashes, `<stdin>` for standard input, and one path order (segment by segment) that every format
 * and both faces sort by.
 */

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
