/**
 * Which CNI plugin a manifest installs or configures, and whether that plugin enforces
 * NetworkPolicy. Read from the agent DaemonSets (by container image, the name a Helm render or an
 * operator cannot change without forking the image), from a kind cluster configuration
 * (`networking.disableDefaultCNI`). k3s configuration files are not manifests and are not read.
 * Pure: it reads a resource's plain value only.
 */
import type { Resource } from './resource';
import { containersOf, podTemplateOf } from './pod-spec';
import { booleanAt, recordAt } from './values';

export type CniPlugin = 'calico' | 'cilium' | 'antrea' | 'weave' | 'kube-router' | 'canal' | 'flannel' | 'kindnet';

export interface CniEvidence {
  readonly plugin: CniPlugin;
  /** Whether the plugin enforces Kubernetes NetworkPolicy. */
  readonly enforces: boolean;
  /** The path that shows it (the container's image, the kind setting). */
  readonly path: readonly (string | number)[];
  /** The key rather than the value of `path` (a map such as kind's `networking`). */
  readonly target?: 'key';
}

/** Image name fragments of the CNI agents, the most specific first (Canal ships Calico's image too). */
const AGENT_IMAGES: readonly (readonly [RegExp, CniPlugin])[] = [
  [/(^|\/)cilium(-ci)?(:|@|$)/, 'cilium'],
  [/(^|\/)(calico\/node|node)(:|@|$)/, 'calico'],
  [/(^|\/)antrea-(agent|ubuntu)[^/]*(:|@|$)/, 'antrea'],
  [/(^|\/)weave-kube(:|@|$)/, 'weave'],
  [/(^|\/)kube-router(:|@|$)/, 'kube-router'],
  [/(^|\/)flannel(:|@|$)/, 'flannel'],
  [/(^|\/)kindnetd(:|@|$)/, 'kindnet'],
];

/** Flannel only routes; kindnet is treated as not enforcing (older kind releases never did). */
const NOT_ENFORCING: ReadonlySet<CniPlugin> = new Set(['flannel', 'kindnet']);

/** The CNI agents a resource runs (a DaemonSet with a Calico node and a flannel container is Canal). */
export function cniOf(resource: Resource): CniEvidence | undefined {
  if (resource.kind === 'Cluster' && resource.apiVersion.startsWith('kind.x-k8s.io/')) return kindCluster(resource);
  if (resource.kind !== 'DaemonSet') return undefined;
  const template = podTemplateOf(resource);
  if (!template) return undefined;
  const found: CniEvidence[] = [];
  for (const view of containersOf(template)) {
    const image = typeof view.container.image === 'string' ? view.container.image : '';
    const plugin = AGENT_IMAGES.find(([pattern]) => pattern.test(image))?.[1];
    // "node" alone is Calico's image only in the calico/ repositories.
    if (plugin === 'calico' && !/calico/.test(image)) continue;
    if (plugin) found.push({ plugin, enforces: !NOT_ENFORCING.has(plugin), path: [...view.path, 'image'] });
  }
  const calico = found.find((entry) => entry.plugin === 'calico');
  if (calico && found.some((entry) => entry.plugin === 'flannel')) return { ...calico, plugin: 'canal' };
  return found.find((entry) => entry.enforces) ?? found[0];
}

/** kind runs kindnet unless `networking.disableDefaultCNI` leaves the CNI to a later install. */
function kindCluster(resource: Resource): CniEvidence | undefined {
  const networking = recordAt(resource.value, 'networking');
  if (networking && booleanAt(networking, 'disableDefaultCNI') === true) return undefined;
  return { plugin: 'kindnet', enforces: false, path: networking ? ['networking'] : ['kind'], target: 'key' };
}
