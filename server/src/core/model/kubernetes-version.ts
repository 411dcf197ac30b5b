/**
 * Kubernetes versions as the Pod Security Standards understand them: `latest` or `v1.NN` (the `v`
 * optional). Versions newer than the newest we implement evaluate as latest, as PSA does.
 */

/** The newest minor version whose policy this build implements exactly. */
export const LATEST_MINOR = 37;

export type KubernetesVersion = 'latest' | `v1.${number}`;

/** The minor number, or undefined for text that is not a version. */
export function parseKubernetesVersion(text: string): number | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'latest' || trimmed === '') return LATEST_MINOR;
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(trimmed);
  if (!match) return undefined;
  return Math.min(Number(match[1]), LATEST_MINOR);
}
