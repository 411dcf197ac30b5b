/**
 * NetworkPolicy (networking.k8s.io/v1) as the API server reads it, for the workspace rules: which
 * Pods a policy selects (its podSelector, in its own namespace), which directions it isolates
 * (policyTypes, defaulted as the API does: Ingress always, Egress when egress rules exist), and
 * whether it denies everything in a direction (empty podSelector, the direction listed, no rules).
 * Policies of other engines (Cilium, Calico, Antrea, AdminNetworkPolicy) follow other semantics:
 * where they exist the network workspace rules stay quiet rather than guess.
 */
import type { Resource } from '../../model/resource';
import { arrayAt, recordAt } from '../../model/values';
import { isEmptySelector, LabelSelector, parseLabelSelector, selectorMatches } from '../../workspace/label-selector';
import type { Workload, WorkspaceIndex } from '../../workspace/workspace-index';

export type Direction = 'ingress' | 'egress';

export interface PolicyView {
  readonly resource: Resource;
  readonly selector: LabelSelector;
  /** Whether the policy isolates the selected Pods in the direction (policyTypes after defaulting). */
  readonly ingress: boolean;
  readonly egress: boolean;
  readonly ingressRules: number;
  readonly egressRules: number;
}

/** The policy's semantics, or undefined when it is no NetworkPolicy or the API server would refuse it. */
export function networkPolicyView(resource: Resource): PolicyView | undefined {
  if (resource.kind !== 'NetworkPolicy') return undefined;
  if (resource.apiVersion !== 'networking.k8s.io/v1' && resource.apiVersion !== 'extensions/v1beta1') return undefined;
  const spec = recordAt(resource.value, 'spec') ?? {};
  const ingressRules = arrayAt(spec, 'ingress').length;
  const egressRules = arrayAt(spec, 'egress').length;
  const rawTypes = arrayAt(spec, 'policyTypes');
  if (rawTypes.some((type) => type !== 'Ingress' && type !== 'Egress')) return undefined;
  // SetDefaults_NetworkPolicySpec: no policyTypes means Ingress, plus Egress when egress rules exist.
  const types = rawTypes.length > 0 ? rawTypes : egressRules > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    resource,
    selector: parseLabelSelector(spec.podSelector),
    ingress: types.includes('Ingress'),
    egress: types.includes('Egress'),
    ingressRules,
    egressRules,
  };
}

export function policiesIn(index: WorkspaceIndex, namespace: string): PolicyView[] {
  if (isImplicitNamespace(namespace)) return unplacedPolicies(index, namespace);
  return index
    .inNamespace(namespace, 'NetworkPolicy')
    .map(networkPolicyView)
    .filter((view): view is PolicyView => view !== undefined);
}

/** Selects every Pod of its namespace, isolates the direction and allows nothing in it. */
export function deniesAll(view: PolicyView, direction: Direction): boolean {
  if (!isEmptySelector(view.selector)) return false;
  return direction === 'ingress' ? view.ingress && view.ingressRules === 0 : view.egress && view.egressRules === 0;
}

export function selects(view: PolicyView, workload: Workload): boolean {
  return selectorMatches(view.selector, workload.podLabels);
}

const NAMESPACED_ENGINES: readonly [string, string][] = [
  ['CiliumNetworkPolicy', 'cilium.io'],
  ['NetworkPolicy', 'projectcalico.org'],
  ['NetworkPolicy', 'crd.projectcalico.org'],
  ['NetworkPolicy', 'crd.antrea.io'],
];
const CLUSTER_ENGINES: readonly [string, string][] = [
  ['CiliumClusterwideNetworkPolicy', 'cilium.io'],
  ['GlobalNetworkPolicy', 'projectcalico.org'],
  ['GlobalNetworkPolicy', 'crd.projectcalico.org'],
  ['ClusterNetworkPolicy', 'crd.antrea.io'],
  ['AdminNetworkPolicy', 'policy.networking.k8s.io'],
  ['BaselineAdminNetworkPolicy', 'policy.networking.k8s.io'],
];

/**
 * Namespaces the network workspace rules leave alone: every namespace when a cluster-wide policy
 * of another engine exists, else those holding a namespaced policy of another engine.
 */
export function otherEngineScope(index: WorkspaceIndex): { readonly everywhere: boolean; readonly namespaces: ReadonlySet<string> } {
  const everywhere = CLUSTER_ENGINES.some(([kind, group]) => index.ofKind(kind, group).length > 0);
  const namespaces = new Set<string>();
  for (const [kind, group] of NAMESPACED_ENGINES) {
    for (const resource of index.ofKind(kind, group)) {
      const namespace = index.namespaceOf(resource);
      if (namespace !== undefined) namespaces.add(namespace);
    }
  }
  return { everywhere, namespaces };
}

/**
 * The implicit namespace of a folder's resources without metadata.namespace (see
 * WorkspaceIndex.unplacedByFolder): a key no real namespace can have (names are DNS labels), shown
 * as `folder/*` in messages.
 */
const IMPLICIT = '\u0000';

export function isImplicitNamespace(namespace: string): boolean {
  return namespace.startsWith(IMPLICIT);
}

/** How messages name a namespace: its name, or `folder/*` for the implicit namespace of a folder. */
export function namespaceLabel(namespace: string): string {
  return isImplicitNamespace(namespace) ? `${namespace.slice(IMPLICIT.length) || '.'}/*` : namespace;
}

function unplacedPolicies(index: WorkspaceIndex, namespace: string): PolicyView[] {
  const resources = index.unplacedByFolder().get(namespace.slice(IMPLICIT.length)) ?? [];
  return resources.map(networkPolicyView).filter((view): view is PolicyView => view !== undefined);
}

/**
 * Namespaces holding workloads whose network policies the rules can judge, with those workloads.
 * The resources of a folder without metadata.namespace form one implicit namespace, judged when
 * it holds a NetworkPolicy too (the folder evidently manages its own policies; otherwise the tool
 * that applies it decides where it goes, and what policies it meets there).
 */
export function judgedNamespaces(index: WorkspaceIndex): Map<string, Workload[]> {
  const other = otherEngineScope(index);
  const groups = new Map<string, Workload[]>();
  if (other.everywhere) return groups;
  const open = (workloads: readonly Workload[]) => workloads.filter((workload) => (workload.template.spec as { hostNetwork?: unknown }).hostNetwork !== true);
  for (const [namespace, workloads] of index.workloadsByNamespace()) {
    if (other.namespaces.has(namespace)) continue;
    const judged = open(workloads);
    if (judged.length > 0) groups.set(namespace, judged);
  }
  for (const [folder, resources] of index.unplacedByFolder()) {
    const namespace = IMPLICIT + folder;
    if (resources.some((resource) => NAMESPACED_ENGINES.some(([kind, group]) => resource.kind === kind && resource.apiVersion.startsWith(`${group}/`)))) continue;
    if (unplacedPolicies(index, namespace).length === 0) continue;
    const judged = open(index.workloadsAmong(resources, namespace));
    if (judged.length > 0) groups.set(namespace, judged);
  }
  return groups;
}

/** `Deployment "web", Pod "debug", … (+3)`: a short, language-neutral list for messages. */
export function workloadList(workloads: readonly Workload[], limit = 3): string {
  const names = workloads.slice(0, limit).map(({ resource }) => `${resource.kind} "${resource.name ?? ''}"`);
  return workloads.length > limit ? `${names.join(', ')}, … (+${workloads.length - limit})` : names.join(', ');
}
