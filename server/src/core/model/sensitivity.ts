/**
 * Which workloads are sensitive: the checklist asks for CPU limits, node isolation and sandboxing
 * on those, and only a person can say which they are. A resource is sensitive when it (or its Pod
 * template) carries the label or annotation `kube-checklist.io/sensitive: "true"`, or matches the
 * configured selectors (labels, annotations, namespaces).
 */
import type { Resource } from './resource';
import { podTemplateOf } from './pod-spec';
import { isRecord, recordAt } from './values';

export const SENSITIVE_MARKER = 'kube-checklist.io/sensitive';

export interface SensitiveSelector {
  /** Every label listed must match (value `*` matches any value). */
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly namespaces?: readonly string[];
}

export function isSensitive(resource: Resource, selector: SensitiveSelector | undefined): boolean {
  const metadataMaps = [recordAt(resource.value, 'metadata'), podTemplateOf(resource)?.metadata as Record<string, unknown> | undefined];
  const labelSets = metadataMaps.map((metadata) => recordAt(metadata, 'labels') ?? {});
  const annotationSets = metadataMaps.map((metadata) => recordAt(metadata, 'annotations') ?? {});
  if ([...labelSets, ...annotationSets].some((map) => String(map[SENSITIVE_MARKER]) === 'true')) return true;
  if (!selector) return false;
  if (selector.namespaces?.length && resource.namespace && selector.namespaces.includes(resource.namespace)) return true;
  if (selector.labels && Object.keys(selector.labels).length && labelSets.some((labels) => matches(labels, selector.labels!))) return true;
  if (selector.annotations && Object.keys(selector.annotations).length && annotationSets.some((notes) => matches(notes, selector.annotations!))) return true;
  return false;
}

function matches(actual: Record<string, unknown>, wanted: Readonly<Record<string, string>>): boolean {
  return isRecord(actual) && Object.entries(wanted).every(([key, value]) => key in actual && (value === '*' || String(actual[key]) === value));
}
