/**
 * Small renderings shared by the `rules` formats.
 */

/** `v1.N`, the form Kubernetes versions take in every output (0 is v1.0). */
export function versionLabel(minor: number): string {
  return `v1.${minor}`;
}

/** Rules by id, in code-unit order. */
export function compareIds(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
