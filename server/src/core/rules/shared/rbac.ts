/**
 * Shared pieces of the RBAC rules: the kinds they cover and the entries of `rules` of a Role or
 * ClusterRole (re-exported from model/rbac.ts, which skips aggregated ClusterRoles), how messages
 * name the object and the offending items, and the common references. The matching itself lives
 * in model/rbac.ts.
 */
import { builtinClusterRoleRules, isBuiltinClusterRole, isBuiltinRole } from '../../model/builtin-roles';
import { BINDING_KINDS, Grant, isFullWildcard, isRole, policyRulesOf, PolicyRuleView, ResourceTarget, ROLE_KINDS, roleRefOf, ruleGrants } from '../../model/rbac';
import type { Resource } from '../../model/resource';
import type { PropertyPath } from '../../model/values';
import type { WorkspaceIndex } from '../../workspace/workspace-index';
import type { RuleContext } from '../types';

export { BINDING_KINDS, policyRulesOf, ROLE_KINDS };

/**
 * The entries a rule about one kind of right judges: every entry but `*`/`*`/`*` ones, which
 * rbac-wildcard reports once as the whole of every right (they would otherwise fan out into a
 * finding of every RBAC rule).
 */
export function specificRulesOf(resource: Resource): PolicyRuleView[] {
  return policyRulesOf(resource).filter((rule) => !isFullWildcard(rule));
}

/** The workload kinds whose writers can run any Pod (pod-security/workload-write-rbac). */
export const WORKLOAD_TARGETS: readonly ResourceTarget[] = [
  { group: '', resource: 'pods' },
  { group: 'apps', resource: 'deployments' },
  { group: 'extensions', resource: 'deployments' },
  { group: 'apps', resource: 'replicasets' },
  { group: 'extensions', resource: 'replicasets' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'extensions', resource: 'daemonsets' },
  { group: 'batch', resource: 'jobs' },
  { group: 'batch', resource: 'cronjobs' },
  { group: '', resource: 'replicationcontrollers' },
];
export const WORKLOAD_WRITE_VERBS: readonly string[] = ['create', 'update', 'patch', 'delete', 'deletecollection'];

export type RoleResolution =
  /** The closest definition in the workspace. */
  | { readonly state: 'found'; readonly role: Resource; readonly rules: readonly PolicyRuleView[] }
  /** Several definitions equally close (same file, same folder, or only elsewhere). */
  | { readonly state: 'ambiguous'; readonly candidates: readonly Resource[] }
  /** A ClusterRole every cluster has; `rules` when its rules are known (cluster-admin, admin, edit, view). */
  | { readonly state: 'builtin'; readonly rules: readonly PolicyRuleView[] | undefined }
  /** Not in the workspace; `neighbours`: the other roles of that kind beside the binding (its folder, its namespace). */
  | { readonly state: 'missing'; readonly neighbours: readonly Resource[] }
  /** No usable roleRef (or a ClusterRoleBinding that refers to a Role, which the API refuses). */
  | { readonly state: 'none' };

/**
 * The Role or ClusterRole a binding's roleRef names, resolved to the closest definition: the
 * binding's own file, then its folder, then the rest of the workspace (a Role only in the binding's
 * namespace; for a binding without a namespace, only in its folder, the files applied with it).
 * A definition in the workspace wins over a built-in ClusterRole of the same name (it replaces it).
 */
export function resolveRoleRef(index: WorkspaceIndex, binding: Resource): RoleResolution {
  const ref = roleRefOf(binding);
  if (!ref || (binding.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') || !ROLE_KINDS.includes(ref.kind)) return { state: 'none' };
  const file = index.fileOf(binding);
  const namespace = index.namespaceOf(binding);
  const unplaced = index.isUnplaced(binding);
  const sameNamespace = (other: Resource) =>
    ref.kind === 'ClusterRole' || (index.namespaceOf(other) === namespace && (!unplaced || index.fileOf(other).directory === file.directory));
  const ofKind = index.ofKind(ref.kind).filter((other) => isRole(other) && sameNamespace(other));
  const candidates = ofKind.filter((other) => other.name === ref.name);
  const tier = (other: Resource) => (index.fileOf(other) === file ? 0 : index.fileOf(other).directory === file.directory ? 1 : 2);
  if (candidates.length > 0) {
    const best = Math.min(...candidates.map(tier));
    const closest = candidates.filter((other) => tier(other) === best);
    if (closest.length > 1) return { state: 'ambiguous', candidates: closest };
    return { state: 'found', role: closest[0], rules: policyRulesOf(closest[0]) };
  }
  if (ref.kind === 'ClusterRole' && isBuiltinClusterRole(ref.name)) return { state: 'builtin', rules: builtinClusterRoleRules(ref.name) };
  if (ref.kind === 'Role' && isBuiltinRole(namespace, ref.name)) return { state: 'builtin', rules: undefined };
  return { state: 'missing', neighbours: ofKind.filter((other) => tier(other) < 2) };
}

export const RBAC_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
  'https://kubernetes.io/docs/reference/access-authn-authz/rbac/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
];

/** `{kind, name}` of the object, for messages that say `ClusterRole "ops"`. */
export function objectData(resource: Resource): { kind: string; name: string } {
  return { kind: resource.kind, name: resource.name ?? '-' };
}

export function resourceItemPath(rule: PolicyRuleView, grant: Grant): PropertyPath {
  return [...rule.path, 'resources', grant.resourceItem.index];
}

export function verbItemPath(rule: PolicyRuleView, grant: Grant): PropertyPath {
  return [...rule.path, 'verbs', grant.verbItem.index];
}

/** Data shared by grant messages: the object, the verbs granted and the resource item that matched. */
export function grantData(resource: Resource, grant: Grant): Record<string, string> {
  return { ...objectData(resource), verbs: grant.verbs.join(', '), item: grant.resourceItem.value };
}

export interface ResourceItemGrant {
  readonly grant: Grant;
  /** The targets this resource item matched, e.g. `deployments`, `pods`. */
  readonly resources: readonly string[];
  /** Every verb granted on any of them. */
  readonly verbs: readonly string[];
}

/**
 * The grants of a rule entry on several targets, one per resource item of the entry (a rule that
 * lists `deployments` and `pods` has two offending places; `*` is one). Grants narrowed by
 * resourceNames are left out: they reach only the named objects.
 */
export function broadGrantsPerResourceItem(rule: PolicyRuleView, targets: readonly ResourceTarget[], verbs: readonly string[]): ResourceItemGrant[] {
  const byItem = new Map<number, { grant: Grant; resources: string[]; verbs: Set<string> }>();
  for (const target of targets) {
    const grant = ruleGrants(rule, target, verbs);
    if (!grant || grant.narrowed) continue;
    const name = target.subresource ? `${target.resource}/${target.subresource}` : target.resource;
    const entry = byItem.get(grant.resourceItem.index) ?? { grant, resources: [], verbs: new Set<string>() };
    if (!entry.resources.includes(name)) entry.resources.push(name);
    grant.verbs.forEach((verb) => entry.verbs.add(verb));
    byItem.set(grant.resourceItem.index, entry);
  }
  return [...byItem.values()]
    .sort((a, b) => a.grant.resourceItem.index - b.grant.resourceItem.index)
    .map((entry) => ({ grant: entry.grant, resources: entry.resources, verbs: verbs.filter((verb) => entry.verbs.has(verb)) }));
}

/** Message data of a broad grant: the object, the verbs, the targets and the resource item. */
export function broadGrantData(resource: Resource, { grant, resources, verbs }: ResourceItemGrant): Record<string, string> {
  return { ...objectData(resource), verbs: verbs.join(', '), resources: resources.join(', '), item: grant.resourceItem.value };
}

/** Reports every broad grant of a Role entry on `targets`, one finding per resource item, on that item. */
export function reportBroadGrants<M extends string>(context: RuleContext<M>, resource: Resource, rule: PolicyRuleView, targets: readonly ResourceTarget[], verbs: readonly string[], messageId: M): void {
  for (const found of broadGrantsPerResourceItem(rule, targets, verbs)) {
    context.report({ messageId, data: broadGrantData(resource, found), path: resourceItemPath(rule, found.grant) });
  }
}

/** `"", "apps"`: API groups as a message shows them (the core group is the empty string). */
export function quoteAll(values: readonly string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}
