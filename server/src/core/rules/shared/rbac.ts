/**
 * Shared pieces of the RBAC rules: the kinds they cover and the entries of `rules` of a Role or
 * ClusterRole (re-exported from model/rbac.ts, which skips aggregated ClusterRoles), how messages
 * name the object and the offending items, and the common references. The matching itself lives
 * in model/rbac.ts.
 */
import { BINDING_KINDS, Grant, policyRulesOf, PolicyRuleView, ResourceTarget, ROLE_KINDS, ruleGrants } from '../../model/rbac';
import type { Resource } from '../../model/resource';
import type { PropertyPath } from '../../model/values';
import type { RuleContext } from '../types';

export { BINDING_KINDS, policyRulesOf, ROLE_KINDS };

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
