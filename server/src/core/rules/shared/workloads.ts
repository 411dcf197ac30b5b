/**
 * Shared pieces of the workload rules that go beyond the Pod Security Standards (resources,
 * profiles, placement, images, service account tokens): the kinds with a Pod template and how to
 * reach it (re-exported from the model), which related resources apply to a
 * workload (same namespace, leniently: a manifest without a namespace goes wherever it is applied),
 * what a LimitRange or a Namespace adds to a Pod at admission, and where a "nothing set" finding
 * belongs. It also holds the one convention that keeps these rules from repeating the PSS rules:
 * a rule that completes a restricted PSS check at the baseline level stays quiet wherever that
 * restricted check is in force (see `enforcedByRestricted`).
 */
import { relatedOfKind } from './related-kinds';
import type { PodSpec } from 'kubernetes-types/core/v1';
import { containersOf, ContainerView, POD_TEMPLATE_KINDS, podTemplateOf, PodTemplateView } from '../../model/pod-spec';
import { ImageReference, parseImageReference } from '../../model/image-reference';
import type { Resource } from '../../model/resource';
import { arrayAt, isRecord, PropertyPath, recordAt } from '../../model/values';
import type { RuleContext } from '../types';

/**
 * True when the restricted PSS check that reports the same gap is in force: the level is
 * restricted and the version has the check. Rules that complete a restricted check at baseline
 * (a missing seccomp profile, an explicit root user) report only when this is false, so one gap
 * never gets two findings. A user who turns the restricted rule off at restricted keeps its choice.
 */
export function enforcedByRestricted(context: RuleContext, since: number): boolean {
  return context.level === 'restricted' && context.minorVersion >= since;
}

/** Seccomp, AppArmor and SELinux are Linux features; a Pod that declares Windows has none. */
export function isWindowsPod(spec: PodSpec): boolean {
  return (spec.os as { name?: unknown } | undefined)?.name === 'windows';
}

/** Namespaces match when equal, or when either manifest leaves it to `kubectl apply -n`. */
export function sameNamespace(a: Resource, b: Resource): boolean {
  return a.namespace === undefined || b.namespace === undefined || a.namespace === b.namespace;
}

/** Related resources of a kind (core API group) that would live beside the workload. */
export function relatedInNamespace(context: RuleContext, resource: Resource, kind: string, apiVersion = 'v1'): Resource[] {
  return relatedOfKind(context.related, kind).filter((other) => other.apiVersion === apiVersion && sameNamespace(resource, other));
}

/** Whether a LimitRange beside the workload gives containers a default limit for the resource. */
export function limitRangeDefaultsLimit(context: RuleContext, resource: Resource, name: 'memory' | 'cpu'): boolean {
  return relatedInNamespace(context, resource, 'LimitRange').some((range) =>
    arrayAt(recordAt(range.value, 'spec'), 'limits').some(
      (limit) => isRecord(limit) && limit.type === 'Container' && isRecord(limit.default) && limit.default[name] !== undefined && limit.default[name] !== null,
    ),
  );
}

/** `resources.<section>.<name>` of a container or Pod spec, as written (undefined when absent). */
export function resourceValue(owner: unknown, section: 'limits' | 'requests', name: string): unknown {
  const value = recordAt(recordAt(owner, 'resources'), section)?.[name];
  return value === null ? undefined : value;
}

/** Containers that can set resources: ephemeral containers cannot, and are left out. */
export function resourceContainersOf(template: PodTemplateView): ContainerView[] {
  return containersOf(template).filter((view) => view.list !== 'ephemeralContainers');
}

export type ProfileGap = { readonly where: 'pod'; readonly path: PropertyPath; readonly containers: string } | { readonly where: 'container'; readonly path: PropertyPath; readonly view: ContainerView };

/**
 * Where "no profile" findings go when the Pod level has none: one finding at the Pod level when no
 * container has one either (one line there fixes them all), else one per container without (always
 * so for a kind without Pod-level fields, such as a Tekton Task).
 */
export function profileGaps(template: PodTemplateView, podPath: PropertyPath, containerPath: PropertyPath, hasProfile: (view: ContainerView) => boolean): ProfileGap[] {
  const views = containersOf(template);
  const missing = views.filter((view) => !hasProfile(view));
  if (missing.length === 0) return [];
  if (missing.length === views.length && template.podFields) {
    return [{ where: 'pod', path: [...template.specPath, ...podPath], containers: missing.map((view) => `"${view.name}"`).join(', ') }];
  }
  return missing.map((view) => ({ where: 'container', path: [...view.path, ...containerPath], view }));
}

const NAMESPACE_NODE_SELECTOR = 'scheduler.alpha.kubernetes.io/node-selector';

/** The RuntimeClass (node.k8s.io, cluster scoped) that the Pod spec names, when it is analyzed too. */
export function runtimeClassOf(context: RuleContext, spec: PodSpec): Resource | undefined {
  const name = spec.runtimeClassName;
  if (typeof name !== 'string' || name === '') return undefined;
  return relatedOfKind(context.related, 'RuntimeClass').find((other) => other.apiVersion.startsWith('node.k8s.io/') && other.name === name);
}

/**
 * Whether something keeps the Pod on chosen nodes: nodeName, a nodeSelector, required node
 * affinity, the nodeSelector of its RuntimeClass, or the PodNodeSelector annotation of its
 * Namespace (when those are analyzed too). Preferred affinity and tolerations only attract or
 * allow, and do not count.
 */
export function isPinnedToNodes(context: RuleContext, resource: Resource, spec: PodSpec): boolean {
  if (typeof spec.nodeName === 'string' && spec.nodeName !== '') return true;
  if (nonEmptyRecord(spec.nodeSelector)) return true;
  const required = recordAt(recordAt(spec.affinity, 'nodeAffinity'), 'requiredDuringSchedulingIgnoredDuringExecution');
  if (arrayAt(required, 'nodeSelectorTerms').some(nonEmptyRecord)) return true;
  const runtimeClass = runtimeClassOf(context, spec);
  if (nonEmptyRecord(recordAt(recordAt(runtimeClass?.value, 'scheduling'), 'nodeSelector'))) return true;
  return relatedOfKind(context.related, 'Namespace').some(
    (other) =>
      other.apiVersion === 'v1' && other.name !== undefined && other.name === resource.namespace &&
      typeof recordAt(recordAt(other.value, 'metadata'), 'annotations')?.[NAMESPACE_NODE_SELECTOR] === 'string',
  );
}

/** Tolerations beyond the node.kubernetes.io/* ones every Pod gets: the sign of dedicated, tainted nodes. */
export function hasDedicatedTolerations(spec: PodSpec): boolean {
  return arrayAt(spec, 'tolerations').some((toleration) => isRecord(toleration) && !String(toleration.key ?? '').startsWith('node.kubernetes.io/'));
}

function nonEmptyRecord(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length > 0;
}

export interface ContainerImage {
  readonly view: ContainerView;
  readonly text: string;
  readonly reference: ImageReference;
  readonly path: PropertyPath;
}

/**
 * The image of every container (init, regular, ephemeral) that parses as a reference. Missing
 * images, substitutions (`${IMAGE}`, `$(IMAGE)`) and text that is no reference are skipped quietly:
 * a tool fills them in, or the API server rejects them, before any image is pulled.
 */
export function containerImagesOf(template: PodTemplateView): ContainerImage[] {
  const images: ContainerImage[] = [];
  for (const view of containersOf(template)) {
    const text = view.container.image;
    const reference = parseImageReference(text);
    if (typeof text === 'string' && reference) images.push({ view, text: text.trim(), reference, path: [...view.path, 'image'] });
  }
  return images;
}

export { containersOf, POD_TEMPLATE_KINDS, podTemplateOf };
export type { ContainerView, PodTemplateView };
