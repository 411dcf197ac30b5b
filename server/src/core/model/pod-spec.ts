/**
 * The Pod spec walker: where each workload kind keeps its Pod template, and the visit of every
 * container list (initContainers, containers, ephemeralContainers) that Pod Security Admission
 * makes. Views are typed with kubernetes-types but read defensively, since a document being typed
 * may hold any shape.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Resource } from './resource';
import { isRecord, PropertyPath, recordAt } from './values';

/**
 * Where a workload kind keeps its Pod spec: the table the whole engine reads (every Pod Security
 * rule, memory limits, images, credentials, service account tokens, host mounts, network policy
 * coverage ...). One row per kind and API group:
 * - `template`: the path of a Pod template (`{metadata, spec}`); `[]` when the resource itself is
 *   Pod-like (metadata at the root, the Pod spec under `spec`);
 * - `spec` + `containers` instead, for kinds whose containers are not a Pod spec's lists (Argo
 *   Workflows templates, Tekton steps): the map that holds the Pod-level fields and where the
 *   containers are, relative to it.
 * Kinds that are not in the table but hold `containers` under `spec.template.spec` or
 * `spec.jobTemplate.spec.template.spec` are checked too, as generic Pod templates (see
 * `GENERIC_TEMPLATE_PATHS`). CONTRIBUTING.md, "Add a workload kind", says how to add a row.
 */
export interface WorkloadKindRow {
  readonly kind: string;
  /** API groups the kind is served from (`''` is the core group). */
  readonly groups: readonly string[];
  readonly template?: PropertyPath;
  readonly spec?: PropertyPath;
  readonly containers?: ContainerSource;
  /** False when the kind has no Pod-level fields of its own (Tekton): nothing is reported there. */
  readonly podFields?: boolean;
  /**
   * False for templates that run nothing by themselves (PodTemplate, WorkflowTemplate, Task):
   * checked, but not workloads for the workspace rules (network policy coverage ...).
   */
  readonly runsPods?: boolean;
}

/** How to find containers relative to the Pod-level map, for kinds that are not a Pod spec. */
export type ContainerSource = 'argo-workflow' | 'tekton-task';

const CORE_GROUPS = ['', 'apps', 'batch', 'extensions'];
const ARGO = ['argoproj.io'];
const KRUISE = ['apps.kruise.io'];
const KNATIVE = ['serving.knative.dev'];

export const WORKLOAD_KIND_TABLE: readonly WorkloadKindRow[] = [
  { kind: 'Pod', groups: CORE_GROUPS, template: [] },
  { kind: 'PodTemplate', groups: CORE_GROUPS, template: ['template'], runsPods: false },
  { kind: 'ReplicationController', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'ReplicaSet', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'Deployment', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'StatefulSet', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'DaemonSet', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'Job', groups: CORE_GROUPS, template: ['spec', 'template'] },
  { kind: 'CronJob', groups: CORE_GROUPS, template: ['spec', 'jobTemplate', 'spec', 'template'] },
  // OpenShift (the legacy `apiVersion: v1` too).
  { kind: 'DeploymentConfig', groups: ['apps.openshift.io', ''], template: ['spec', 'template'] },
  // Argo Rollouts; a Rollout with `workloadRef` and no template is told by pod-template-location.
  { kind: 'Rollout', groups: ARGO, template: ['spec', 'template'] },
  // Knative Serving: a Revision is Pod-like (its `spec` is a Pod spec with Knative's additions).
  { kind: 'Service', groups: KNATIVE, template: ['spec', 'template'] },
  { kind: 'Configuration', groups: KNATIVE, template: ['spec', 'template'] },
  { kind: 'Revision', groups: KNATIVE, template: [] },
  // KEDA
  { kind: 'ScaledJob', groups: ['keda.sh'], template: ['spec', 'jobTemplate', 'spec', 'template'] },
  // OpenKruise: CloneSet, Advanced StatefulSet and DaemonSet, BroadcastJob.
  { kind: 'CloneSet', groups: KRUISE, template: ['spec', 'template'] },
  { kind: 'StatefulSet', groups: KRUISE, template: ['spec', 'template'] },
  { kind: 'DaemonSet', groups: KRUISE, template: ['spec', 'template'] },
  { kind: 'BroadcastJob', groups: KRUISE, template: ['spec', 'template'] },
  // Argo Workflows: the workflow spec holds the Pod-level fields, its templates the containers.
  // A template's own Pod-level overrides (templates[].securityContext ...) are not merged in.
  { kind: 'Workflow', groups: ARGO, spec: ['spec'], containers: 'argo-workflow' },
  { kind: 'WorkflowTemplate', groups: ARGO, spec: ['spec'], containers: 'argo-workflow', runsPods: false },
  { kind: 'ClusterWorkflowTemplate', groups: ARGO, spec: ['spec'], containers: 'argo-workflow', runsPods: false },
  { kind: 'CronWorkflow', groups: ARGO, spec: ['spec', 'workflowSpec'], containers: 'argo-workflow' },
  // Tekton: only the steps, step template and sidecars that carry a securityContext.
  { kind: 'Task', groups: ['tekton.dev'], spec: ['spec'], containers: 'tekton-task', podFields: false, runsPods: false },
  { kind: 'ClusterTask', groups: ['tekton.dev'], spec: ['spec'], containers: 'tekton-task', podFields: false, runsPods: false },
];

/** Where an unknown kind (a CRD) may hold a Pod template; it counts when the spec has `containers`. */
export const GENERIC_TEMPLATE_PATHS: readonly PropertyPath[] = [
  ['spec', 'template'],
  ['spec', 'jobTemplate', 'spec', 'template'],
];

/** Stands for "any kind" in a rule's scope: the rule also runs on generic Pod templates. */
export const ANY_KIND = '*';

/** The kinds of the table, sorted, each once; then `ANY_KIND`, for the generic fallback. */
export const POD_TEMPLATE_KINDS: readonly string[] = [...[...new Set(WORKLOAD_KIND_TABLE.map((row) => row.kind))].sort(), ANY_KIND];

/** The kinds of the table that make Pods run (a PodTemplate alone runs nothing), then `ANY_KIND`. */
export const WORKLOAD_KINDS: readonly string[] = [...[...new Set(WORKLOAD_KIND_TABLE.filter((row) => row.runsPods !== false).map((row) => row.kind))].sort(), ANY_KIND];

/** Whether a Pod template makes Pods run by itself (see `WorkloadKindRow.runsPods`). */
export function runsPods(template: PodTemplateView): boolean {
  return template.row?.runsPods !== false;
}

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface PodTemplateView {
  /** Path of the template's metadata map, relative to the resource root. */
  readonly metadataPath: PropertyPath;
  /** Path of the Pod spec map (or the map of Pod-level fields), relative to the resource root. */
  readonly specPath: PropertyPath;
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
  /** The kind's row, or undefined for a generic Pod template of a kind the table does not know. */
  readonly row: WorkloadKindRow | undefined;
  /** False when nothing may be reported at (or added to) the Pod level (`WorkloadKindRow.podFields`). */
  readonly podFields: boolean;
}

export interface ContainerView {
  readonly list: ContainerList;
  readonly index: number;
  readonly name: string;
  readonly path: PropertyPath;
  readonly container: Container;
}

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** The table's row for a resource's kind and API group. */
export function workloadKindRowOf(resource: Pick<Resource, 'kind' | 'apiVersion'>): WorkloadKindRow | undefined {
  const group = groupOf(resource.apiVersion);
  return WORKLOAD_KIND_TABLE.find((row) => row.kind === resource.kind && row.groups.includes(group));
}

const TEMPLATES = new WeakMap<Resource, PodTemplateView | null>();

/**
 * The Pod template of a workload (a row of the table, or a generic Pod template of another kind),
 * or undefined when it has none or the spec is not a map.
 */
export function podTemplateOf(resource: Resource): PodTemplateView | undefined {
  let view = TEMPLATES.get(resource);
  if (view === undefined) TEMPLATES.set(resource, (view = findTemplate(resource) ?? null));
  return view ?? undefined;
}

function findTemplate(resource: Resource): PodTemplateView | undefined {
  const row = workloadKindRowOf(resource);
  if (row?.spec) {
    const spec = recordAtPath(resource.value, row.spec);
    if (!spec) return undefined;
    const metadataPath = row.containers === 'argo-workflow' ? [...row.spec, 'podMetadata'] : ['metadata'];
    const metadata = recordAtPath(resource.value, metadataPath) ?? {};
    const podFields = row.podFields ?? true;
    // Without Pod-level fields, rules see only the volumes (which do become the Pod's) and the
    // container lists: a stray `hostNetwork` in a Task is no Pod's.
    const view = podFields ? spec : pick(spec, ['volumes', 'steps', 'stepTemplate', 'sidecars']);
    return { metadataPath, specPath: row.spec, metadata: metadata as ObjectMeta, spec: view as unknown as PodSpec, row, podFields };
  }
  if (row?.template) return templateAt(resource, row.template, row);
  // A kind of the table whose template is missing is not guessed at; neither is a kind that the
  // table knows in another group only when its shape says nothing (the generic fallback decides).
  if (row) return undefined;
  for (const path of GENERIC_TEMPLATE_PATHS) {
    const view = templateAt(resource, path, undefined);
    if (view && Array.isArray((view.spec as unknown as Record<string, unknown>).containers)) return view;
  }
  return undefined;
}

function templateAt(resource: Resource, templatePath: PropertyPath, row: WorkloadKindRow | undefined): PodTemplateView | undefined {
  const template = recordAtPath(resource.value, templatePath);
  const spec = recordAt(template, 'spec');
  if (!spec) return undefined;
  const metadata = recordAt(template, 'metadata') ?? {};
  return {
    metadataPath: [...templatePath, 'metadata'],
    specPath: [...templatePath, 'spec'],
    metadata: metadata as ObjectMeta,
    spec: spec as unknown as PodSpec,
    row,
    podFields: true,
  };
}

function pick(value: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in value).map((key) => [key, value[key]]));
}

function recordAtPath(value: unknown, path: PropertyPath): Record<string, unknown> | undefined {
  let current: unknown = value;
  for (const key of path) {
    current = recordAt(current, key as string);
    if (!current) return undefined;
  }
  return isRecord(current) ? current : undefined;
}

/** Every container of the Pod spec in PSA's visiting order, skipping entries that are not maps. */
export function containersOf(template: PodTemplateView): ContainerView[] {
  const spec = template.spec as unknown as Record<string, unknown>;
  const views: ContainerView[] = [];
  const add = (list: ContainerList, entry: unknown, path: PropertyPath, index: number, fallbackName?: string): void => {
    if (!isRecord(entry)) return;
    const name = typeof entry.name === 'string' ? entry.name : fallbackName ?? `#${index + 1}`;
    views.push({ list, index, name, path, container: entry as unknown as Container });
  };
  const addList = (list: ContainerList, owner: unknown, ownerPath: PropertyPath, key: string, keep: (entry: unknown) => boolean = () => true): void => {
    const entries = isRecord(owner) ? owner[key] : undefined;
    if (!Array.isArray(entries)) return;
    entries.forEach((entry, index) => {
      if (keep(entry)) add(list, entry, [...ownerPath, key, index], index);
    });
  };
  const source = template.row?.containers;
  if (source === 'argo-workflow') {
    // Each template runs as its own Pod: its init containers, main container (`container`,
    // `script` or a `containerSet`) and sidecars.
    arrayOf(spec.templates).forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const path = [...template.specPath, 'templates', index];
      const label = typeof entry.name === 'string' ? entry.name : `#${index + 1}`;
      addList('initContainers', entry, path, 'initContainers');
      if (isRecord(entry.container)) add('containers', entry.container, [...path, 'container'], index, label);
      if (isRecord(entry.script)) add('containers', entry.script, [...path, 'script'], index, label);
      if (isRecord(entry.containerSet)) addList('containers', entry.containerSet, [...path, 'containerSet'], 'containers');
      addList('containers', entry, path, 'sidecars');
    });
    return views;
  }
  if (source === 'tekton-task') {
    const carries = (entry: unknown): boolean => isRecord(entry) && isRecord(entry.securityContext);
    if (carries(spec.stepTemplate)) add('containers', spec.stepTemplate, [...template.specPath, 'stepTemplate'], 0, 'stepTemplate');
    addList('containers', spec, template.specPath, 'steps', carries);
    addList('containers', spec, template.specPath, 'sidecars', carries);
    return views;
  }
  for (const list of CONTAINER_LISTS) addList(list, spec, template.specPath, list);
  return views;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
