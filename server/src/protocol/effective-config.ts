/**
 * `kubeChecklist/effectiveConfig` (client → server), params `{ uri }`: what the server checks that
 * document with, after every layer (the client's settings, then the nearest `.kube-checklist.yaml`
 * over them): whether checks are on, the Pod Security level, the Kubernetes version, and the
 * configuration file in effect, if any. The language status item shows it, so what the editor says
 * is what the server does. Plain data with no imports, shared by the server and any client.
 */
export const EFFECTIVE_CONFIG_METHOD = 'kubeChecklist/effectiveConfig';

export interface EffectiveConfigParams {
  readonly uri: string;
}

export interface EffectiveConfig {
  readonly enabled: boolean;
  readonly level: 'baseline' | 'restricted';
  readonly kubernetesVersion: string;
  /** The `.kube-checklist.yaml` that applies (its uri), when there is one; `problems` when it is broken and not applied. */
  readonly config?: { readonly uri: string; readonly problems: number };
}
