/**
 * Appending one array to another without spreading it into call arguments: `push(...items)`
 * overflows the stack once `items` holds some hundred thousand entries, and a single resource can
 * produce that many findings, resources or files.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
