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

/** Kinds that hold a Pod template, and the path from the resource root to it. */
const TEMPLATE_PATHS: Readonly<Record<string, PropertyPath>> = {
  Pod: [],
  PodTemplate: ['template'],
  ReplicationController: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

export const POD_TEMPLATE_KINDS: readonly string[] = Object.keys(TEMPLATE_PATHS).sort();

export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';
export const CONTAINER_LISTS: readonly ContainerList[] = ['initContainers', 'containers', 'ephemeralContainers'];

export interface PodTemplateView {
  /** Path of the template's metadata map, relative to the resource root. */
  readonly metadataPath: PropertyPath;
  /** Path of the Pod spec map, relative to the resource root. */
  readonly specPath: PropertyPath;
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
}

export interface ContainerView {
  readonly list: ContainerList;
  readonly index: number;
  readonly name: string;
  readonly path: PropertyPath;
  readonly container: Container;
}

/** The Pod template of a workload, or undefined when the kind has none or the spec is not a map. */
export function podTemplateOf(resource: Resource): PodTemplateView | undefined {
  if (!isWorkloadApi(resource)) return undefined;
  const templatePath = TEMPLATE_PATHS[resource.kind];
  if (!templatePath) return undefined;
  let template: unknown = resource.value;
  for (const key of templatePath) {
    template = recordAt(template, key as string);
    if (!template) return undefined;
  }
  const spec = recordAt(template, 'spec');
  if (!spec) return undefined;
  const metadata = recordAt(template, 'metadata') ?? {};
  return {
    metadataPath: [...templatePath, 'metadata'],
    specPath: [...templatePath, 'spec'],
    metadata: metadata as ObjectMeta,
    spec: spec as unknown as PodSpec,
  };
}

/** Kinds such as `Deployment` exist in CRD groups too (e.g. OpenKruise); only the core groups count. */
function isWorkloadApi(resource: Resource): boolean {
  const group = resource.apiVersion.includes('/') ? resource.apiVersion.split('/')[0] : '';
  return group === '' || group === 'apps' || group === 'batch' || group === 'extensions';
}

/** Every container of the Pod spec in PSA's visiting order, skipping entries that are not maps. */
export function containersOf(template: PodTemplateView): ContainerView[] {
  const views: ContainerView[] = [];
  for (const list of CONTAINER_LISTS) {
    const entries = (template.spec as unknown as Record<string, unknown>)[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (!isRecord(entry)) return;
      const name = typeof entry.name === 'string' ? entry.name : `#${index + 1}`;
      views.push({ list, index, name, path: [...template.specPath, list, index], container: entry as unknown as Container });
    });
  }
  return views;
}
