/**
 * Admission webhooks and policies for the admission/secure-config rules: the webhooks of a
 * Validating/MutatingWebhookConfiguration (admissionregistration.k8s.io v1 and v1beta1, whose
 * defaults differ: v1beta1 fails open and waits 30 s when nothing is set), ValidatingAdmissionPolicies,
 * and whether a rule list reaches Pods or the workload resources that create them, with the rule
 * syntax of the API (`*` = every resource but no subresource, `pods/*` and `*\/*` = subresources).
 */
import type { Resource } from '../../model/resource';
import { arrayAt, isRecord, PropertyPath, recordAt } from '../../model/values';

export const WEBHOOK_KINDS = ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration'];
const GROUP = 'admissionregistration.k8s.io/';

export interface WebhookView {
  readonly kind: string;
  readonly configuration: string;
  readonly name: string;
  readonly path: PropertyPath;
  readonly webhook: Record<string, unknown>;
  readonly v1beta1: boolean;
}

export function webhooksOf(resource: Resource): WebhookView[] {
  if (!WEBHOOK_KINDS.includes(resource.kind) || !resource.apiVersion.startsWith(GROUP)) return [];
  const v1beta1 = resource.apiVersion === `${GROUP}v1beta1`;
  return arrayAt(resource.value, 'webhooks').flatMap((webhook, index) =>
    isRecord(webhook)
      ? [{ kind: resource.kind, configuration: resource.name ?? '', name: typeof webhook.name === 'string' ? webhook.name : `#${index + 1}`, path: ['webhooks', index], webhook, v1beta1 }]
      : [],
  );
}

export function isValidatingAdmissionPolicy(resource: Resource): boolean {
  return resource.kind === 'ValidatingAdmissionPolicy' && resource.apiVersion.startsWith(GROUP);
}

/** The rule list of a webhook (`rules`) or of a policy (`spec.matchConstraints.resourceRules`). */
export function rulesOf(resource: Resource, webhook?: WebhookView): { rules: unknown[]; path: PropertyPath } {
  if (webhook) return { rules: arrayAt(webhook.webhook, 'rules'), path: [...webhook.path, 'rules'] };
  return { rules: arrayAt(recordAt(recordAt(resource.value, 'spec'), 'matchConstraints'), 'resourceRules'), path: ['spec', 'matchConstraints', 'resourceRules'] };
}

/** Resources that are Pods or create Pods, per API group. */
const WORKLOAD_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  '': ['pods', 'replicationcontrollers', 'podtemplates'],
  apps: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
  batch: ['jobs', 'cronjobs'],
};

function strings(value: unknown, key: string): string[] {
  return arrayAt(value, key).filter((item): item is string => typeof item === 'string');
}

function groupMatches(rule: unknown, group: string): boolean {
  return strings(rule, 'apiGroups').some((g) => g === '*' || g === group);
}

/** Whether a resource entry of a rule matches `resource` (no subresource) or `resource/sub`. */
export function resourceEntryMatches(entry: string, resource: string, subresource?: string): boolean {
  const [base, sub] = entry.split('/', 2);
  if (subresource === undefined) return sub === undefined && (base === '*' || base === resource);
  return (base === '*' || base === resource) && (sub === '*' || sub === subresource);
}

export function operationsInclude(rule: unknown, ...operations: string[]): boolean {
  return strings(rule, 'operations').some((op) => op === '*' || operations.includes(op));
}

/** Whether the rule reaches Pods or a workload resource (any subresource counts too). */
export function ruleActsOnWorkloads(rule: unknown): boolean {
  return Object.entries(WORKLOAD_RESOURCES).some(
    ([group, resources]) =>
      groupMatches(rule, group) &&
      strings(rule, 'resources').some((entry) => {
        const base = entry.split('/', 1)[0];
        return base === '*' || resources.includes(base);
      }),
  );
}

export function actsOnWorkloads(rules: unknown[]): boolean {
  return rules.some(ruleActsOnWorkloads);
}

/** The index of the `resources` entry through which a rule reaches Pods themselves, or -1. */
export function podEntryIndex(rule: unknown): number {
  if (!groupMatches(rule, '')) return -1;
  return arrayAt(rule, 'resources').findIndex((entry) => typeof entry === 'string' && resourceEntryMatches(entry, 'pods'));
}

export function coversEphemeralContainers(rule: unknown): boolean {
  return (
    groupMatches(rule, '') &&
    operationsInclude(rule, 'UPDATE') &&
    strings(rule, 'resources').some((entry) => resourceEntryMatches(entry, 'pods', 'ephemeralcontainers'))
  );
}

/** The label key that the API server sets to the namespace's name; nobody can change it. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

export interface OptOutExpression {
  readonly key: string;
  readonly operator: 'NotIn' | 'DoesNotExist';
  readonly path: PropertyPath;
}

/**
 * Expressions of a label selector that every object matches until someone adds a label: `NotIn`
 * and `DoesNotExist`. Whoever may set that label on the object (or its namespace) opts out.
 */
export function optOutExpressions(view: WebhookView, field: 'objectSelector' | 'namespaceSelector'): OptOutExpression[] {
  const expressions = arrayAt(recordAt(view.webhook, field), 'matchExpressions');
  return expressions.flatMap((expression, index) => {
    if (!isRecord(expression) || typeof expression.key !== 'string') return [];
    const operator = expression.operator;
    if (operator !== 'NotIn' && operator !== 'DoesNotExist') return [];
    return [{ key: expression.key, operator, path: [...view.path, field, 'matchExpressions', index, 'operator'] }];
  });
}
