/**
 * The ClusterRoles every cluster has without any manifest: the user-facing roles `cluster-admin`,
 * `admin`, `edit` and `view` of the API server's bootstrap policy (the rules their aggregation
 * yields, as of v1.30 and unchanged in the parts that matter since v1.22), so that a binding to
 * `edit` is judged by what `edit` grants, and the names of the `system:` roles, which are known
 * too (a binding to one of them is no dangling grant). The rules are data in the shape of a
 * ClusterRole's `rules`.
 */
import { PolicyRuleView, policyRuleViews } from './rbac';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

interface RuleData {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** What `view` reads (never Secrets). */
const VIEW: readonly RuleData[] = [
  {
    apiGroups: [''],
    resources: ['pods', 'pods/log', 'pods/status', 'configmaps', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'replicationcontrollers', 'replicationcontrollers/scale', 'replicationcontrollers/status', 'serviceaccounts', 'services', 'services/status', 'bindings', 'events', 'limitranges', 'namespaces', 'namespaces/status', 'resourcequotas', 'resourcequotas/status'],
    verbs: READ,
  },
  { apiGroups: ['apps'], resources: ['controllerrevisions', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'statefulsets', 'statefulsets/scale', 'statefulsets/status'], verbs: READ },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], verbs: READ },
  { apiGroups: ['batch'], resources: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets', 'poddisruptionbudgets/status'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'ingresses/status', 'networkpolicies'], verbs: READ },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
];

/** `edit` = view + these: Secrets, exec/attach, impersonating service accounts, writing workloads. */
const EDIT: readonly RuleData[] = [
  ...VIEW,
  { apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: WRITE },
  { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events'], verbs: WRITE },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale'], verbs: WRITE },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: WRITE },
  { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: WRITE },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies', 'ingresses'], verbs: WRITE },
  { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: [...READ, ...WRITE] },
];

/** `admin` = edit + RBAC of the namespace and access reviews. */
const ADMIN: readonly RuleData[] = [
  ...EDIT,
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: [...READ, ...WRITE] },
];

const CLUSTER_ADMIN: readonly RuleData[] = [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }];

export const BUILTIN_CLUSTER_ROLES: Readonly<Record<string, readonly RuleData[]>> = {
  'cluster-admin': CLUSTER_ADMIN,
  admin: ADMIN,
  edit: EDIT,
  view: VIEW,
};

/** The rules of a built-in ClusterRole with data here, as a ClusterRole's entries would read. */
export function builtinClusterRoleRules(name: string): PolicyRuleView[] | undefined {
  const rules = Object.prototype.hasOwnProperty.call(BUILTIN_CLUSTER_ROLES, name) ? BUILTIN_CLUSTER_ROLES[name] : undefined;
  return rules && policyRuleViews(rules, false);
}

/** A ClusterRole every cluster has: the four above and the `system:` roles of the bootstrap policy. */
export function isBuiltinClusterRole(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTIN_CLUSTER_ROLES, name) || name.startsWith('system:');
}

/** The namespaced Roles of the bootstrap policy (kube-system, kube-public). */
const BUILTIN_ROLES: Readonly<Record<string, readonly string[]>> = {
  'kube-system': [
    'extension-apiserver-authentication-reader',
    'system::leader-locking-kube-controller-manager',
    'system::leader-locking-kube-scheduler',
    'system:controller:bootstrap-signer',
    'system:controller:cloud-provider',
    'system:controller:token-cleaner',
  ],
  'kube-public': ['system:controller:bootstrap-signer'],
};

/** A Role every cluster has in that namespace (a binding to it is no dangling grant). */
export function isBuiltinRole(namespace: string | undefined, name: string): boolean {
  return namespace !== undefined && (BUILTIN_ROLES[namespace] ?? []).includes(name);
}
