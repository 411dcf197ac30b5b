/**
 * Kubernetes versions as the Pod Security Standards understand them: `latest` or `v1.NN` (the `v`
 * optional). In a manifest (a namespace's `enforce-version` label), a version newer than the newest
 * we implement evaluates as latest, as PSA does; as the version a user asks to check against (the
 * CLI, the settings, `.kube-checklist.yaml`) it is refused, since it is most likely a typo and we
 * cannot know that version's policy.
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

/** A well-formed version past the newest this build implements (`v1.99`): not a policy we know. */
export function isNewerThanKnown(text: string): boolean {
  const match = /^v?1\.(\d{1,3})(?:\.\d+)?$/.exec(text.trim().toLowerCase());
  return match !== null && Number(match[1]) > LATEST_MINOR;
}
