/**
 * RBAC as the API server's authorizer evaluates it, for rules that judge Roles, ClusterRoles and
 * their bindings. Matching is exact and case-sensitive: `*` in verbs, apiGroups or resources matches
 * everything (for resources, subresources too); a resource written as star, slash, `scale` matches the `scale` subresource of every
 * resource; `pods/*` is no wildcard (it names a resource literally called `pods/*`, which never
 * exists); an empty list matches nothing. `resourceNames` restrict a rule to the named objects for
 * every request that carries a name, which a request to create or deletecollection a top-level
 * resource never does: such a rule grants those verbs nothing, while list and watch stay limited to
 * the named objects (the client must select them with a metadata.name field selector). A Role lives
 * in a namespace and grants nothing on cluster-scoped resources (nodes, webhook configurations,
 * signers, users and groups to impersonate): targets say whether they are cluster-scoped. A ClusterRole
 * with an `aggregationRule` has its rules overwritten by the controller from the ClusterRoles it
 * selects, so its own rules are not judged: the permissions are found where they are written.
 */
import type { Resource } from './resource';
import { arrayAt, isRecord, PropertyPath, recordAt, stringAt } from './values';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const ROLE_KINDS: readonly string[] = ['ClusterRole', 'Role'];
export const BINDING_KINDS: readonly string[] = ['ClusterRoleBinding', 'RoleBinding'];

export function apiGroupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
}

export interface ListItem {
  readonly value: string;
  readonly index: number;
}

export interface PolicyRuleView {
  readonly index: number;
  /** `['rules', i]` */
  readonly path: PropertyPath;
  readonly apiGroups: readonly ListItem[];
  readonly resources: readonly ListItem[];
  readonly verbs: readonly ListItem[];
  readonly resourceNames: readonly string[];
  readonly nonResourceURLs: readonly ListItem[];
  /** The entry belongs to a Role, whose grants reach namespaced resources only. */
  readonly namespaced: boolean;
}

function listItems(value: unknown, key: string): ListItem[] {
  const items: ListItem[] = [];
  arrayAt(value, key).forEach((item, index) => {
    if (typeof item === 'string') items.push({ value: item, index });
  });
  return items;
}

export function isRole(resource: Resource): boolean {
  return ROLE_KINDS.includes(resource.kind) && apiGroupOf(resource.apiVersion) === RBAC_GROUP;
}

export function isBinding(resource: Resource): boolean {
  return BINDING_KINDS.includes(resource.kind) && apiGroupOf(resource.apiVersion) === RBAC_GROUP;
}

export function isAggregated(resource: Resource): boolean {
  return resource.kind === 'ClusterRole' && isRecord(resource.value.aggregationRule);
}

/** Every rule entry of a Role or ClusterRole (not only the first), none for an aggregated ClusterRole. */
export function policyRulesOf(resource: Resource): PolicyRuleView[] {
  if (!isRole(resource) || isAggregated(resource)) return [];
  return policyRuleViews(arrayAt(resource.value, 'rules'), resource.kind === 'Role');
}

/** Views of plain `rules` entries (of a resource, or of a built-in role's data). */
export function policyRuleViews(entries: readonly unknown[], namespaced: boolean): PolicyRuleView[] {
  const rules: PolicyRuleView[] = [];
  entries.forEach((rule, index) => {
    if (!isRecord(rule)) return;
    rules.push({
      index,
      path: ['rules', index],
      apiGroups: listItems(rule, 'apiGroups'),
      resources: listItems(rule, 'resources'),
      verbs: listItems(rule, 'verbs'),
      resourceNames: listItems(rule, 'resourceNames').map((item) => item.value),
      nonResourceURLs: listItems(rule, 'nonResourceURLs'),
      namespaced,
    });
  });
  return rules;
}

export interface ResourceTarget {
  readonly group: string;
  readonly resource: string;
  readonly subresource?: string;
  /** A cluster-scoped request (e.g. nodes/proxy): no Role can grant it. */
  readonly clusterScoped?: boolean;
}

export interface Grant {
  /** The requested verbs that the rule grants, in the order asked. */
  readonly verbs: readonly string[];
  /** The rule's verb item that grants the first of them (`*` or the verb itself). */
  readonly verbItem: ListItem;
  readonly resourceItem: ListItem;
  readonly groupItem: ListItem;
  /** `resourceNames` limit the grant to the named objects. */
  readonly narrowed: boolean;
}

/** Requests that carry no object name: a rule with resourceNames never grants them. */
const NAMELESS_VERBS = new Set(['create', 'deletecollection']);

export function matchingGroup(rule: PolicyRuleView, group: string): ListItem | undefined {
  return rule.apiGroups.find((item) => item.value === '*' || item.value === group);
}

export function matchingResource(rule: PolicyRuleView, resource: string, subresource?: string): ListItem | undefined {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  return rule.resources.find((item) => item.value === '*' || item.value === combined || (!!subresource && item.value === `*/${subresource}`));
}

/** Which of `verbs` the rule grants on the target, the way the RBAC authorizer decides it. */
export function ruleGrants(rule: PolicyRuleView, target: ResourceTarget, verbs: readonly string[]): Grant | undefined {
  if (rule.namespaced && target.clusterScoped) return undefined;
  const groupItem = matchingGroup(rule, target.group);
  const resourceItem = groupItem && matchingResource(rule, target.resource, target.subresource);
  if (!groupItem || !resourceItem) return undefined;
  const narrowed = rule.resourceNames.length > 0;
  const granted = verbs.filter(
    (verb) => rule.verbs.some((item) => item.value === '*' || item.value === verb) && !(narrowed && !target.subresource && NAMELESS_VERBS.has(verb)),
  );
  if (granted.length === 0) return undefined;
  const verbItem = rule.verbs.find((item) => item.value === granted[0]) ?? rule.verbs.find((item) => item.value === '*')!;
  return { verbs: granted, verbItem, resourceItem, groupItem, narrowed };
}

/**
 * `{apiGroups: ["*"], resources: ["*"], verbs: ["*"]}` without resourceNames: every right there is
 * (in a ClusterRole, cluster-admin; in a Role, admin of its namespace). Such an entry is one finding,
 * which subsumes the findings on each of its parts (Secrets, exec, escalate ...).
 */
export function isFullWildcard(rule: PolicyRuleView): boolean {
  const star = (items: readonly ListItem[]) => items.some((item) => item.value === '*');
  return star(rule.apiGroups) && star(rule.resources) && star(rule.verbs) && rule.resourceNames.length === 0;
}

/**
 * The verbs that open a shell through `pods/exec` or `pods/attach` at a Kubernetes minor version:
 * before v1.35 a WebSocket exec or attach is an HTTP GET that the API server authorizes with `get`;
 * from v1.35 the AuthorizePodWebsocketUpgradeCreatePermission gate (beta, on by default) also
 * requires `create`. The one version table of every rule that judges exec and attach.
 */
export const WEBSOCKET_EXEC_CREATE_SINCE = 35;

export function execVerbs(minorVersion: number): readonly string[] {
  return minorVersion < WEBSOCKET_EXEC_CREATE_SINCE ? ['create', 'get'] : ['create'];
}

/** The first grant of the verbs on any of the targets (e.g. deployments in apps and in extensions). */
export function firstGrant(rule: PolicyRuleView, targets: readonly ResourceTarget[], verbs: readonly string[]): Grant | undefined {
  for (const target of targets) {
    const grant = ruleGrants(rule, target, verbs);
    if (grant) return grant;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Bindings

export interface SubjectView {
  readonly index: number;
  /** `['subjects', i]` */
  readonly path: PropertyPath;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export function subjectsOf(resource: Resource): SubjectView[] {
  if (!isBinding(resource)) return [];
  const subjects: SubjectView[] = [];
  arrayAt(resource.value, 'subjects').forEach((subject, index) => {
    const kind = stringAt(subject, 'kind');
    const name = stringAt(subject, 'name');
    if (kind === undefined || name === undefined) return;
    subjects.push({ index, path: ['subjects', index], kind, name, namespace: stringAt(subject, 'namespace') });
  });
  return subjects;
}

export interface RoleRefView {
  readonly kind: string;
  readonly name: string;
}

export function roleRefOf(resource: Resource): RoleRefView | undefined {
  if (!isBinding(resource)) return undefined;
  const roleRef = recordAt(resource.value, 'roleRef');
  const kind = stringAt(roleRef, 'kind');
  const name = stringAt(roleRef, 'name');
  return kind !== undefined && name !== undefined ? { kind, name } : undefined;
}

/** Objects of the API server's bootstrap policy, which it recreates and reconciles at every start. */
export function isBootstrapPolicy(resource: Resource): boolean {
  return recordAt(recordAt(resource.value, 'metadata'), 'labels')?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}
