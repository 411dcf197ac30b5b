/**
 * "Did you mean": the known name closest to a mistyped one (an option, a command, a rule id), by
 * edit distance with adjacent transpositions counted as one edit (optimal string alignment), so
 * `--levle` finds `--level`. Only a close name is suggested: at most one edit for short names, and
 * about a third of the name's length for longer ones, or a name that the input is a prefix of;
 * anything farther would be a guess that misleads more than it helps.
 */

/** The candidate nearest to `input`, or undefined when none is close enough. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  if (wanted.length === 0) return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const name = candidate.toLowerCase();
    if (name === wanted) return candidate;
    // A prefix of one name only ("--fail" for "--fail-on") is as good as a close edit.
    const distance = name.startsWith(wanted) && wanted.length >= 4 ? 1 : editDistance(wanted, name, limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Optimal string alignment distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, twoBack[j - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    twoBack = previous;
    previous = current;
  }
  return previous[b.length];
}
