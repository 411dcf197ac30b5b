/**
 * The workspace index: every resource of every file analyzed together, by namespace, kind and name,
 * each resource knowing its file. Pure: the caller (the language server, the CLI, a test) reads and
 * parses the files; the index only looks at what they hold.
 *
 * The namespace of a resource. Cluster-scoped kinds (Namespace, ClusterRole, ...) have none. A
 * namespaced resource lives in `metadata.namespace`; without one, `kubectl apply` puts it in the
 * namespace of the current context, usually `default`, and Kustomize or Helm often set it at build
 * time. To keep the noise low:
 * - a resource without `metadata.namespace` in a file where some other resource names one is in
 *   `default` (the file is clearly written for explicit namespaces);
 * - the same when the workspace holds a `Namespace` named `default` (the user models that namespace);
 * - otherwise it is *unplaced*: namespace-scoped workspace rules skip it, since only the tool that
 *   applies it knows where it goes.
 */
import { podTemplateOf, PodTemplateView, runsPods } from '../model/pod-spec';
import type { Resource, SkippedDocument } from '../model/resource';
import { extractResources } from '../model/resource';
import type { PropertyPath } from '../model/values';
import type { SourceFile } from '../parse/source-file';
import { LabelSelector, Labels, labelsOf, selectorMatches } from './label-selector';
import { relatedFromParts } from '../rules/shared/related-kinds';

export const DEFAULT_NAMESPACE = 'default';

/** Kinds the API server keeps outside namespaces (core and common add-ons), plus component config files. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'VolumeAttachment', 'CSIDriver', 'CSINode',
  'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'APIService', 'RuntimeClass',
  'PriorityClass', 'PriorityLevelConfiguration', 'FlowSchema', 'IngressClass', 'PodSecurityPolicy',
  'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding', 'MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding',
  'CertificateSigningRequest', 'ComponentStatus', 'ClusterIssuer', 'ClusterCIDR', 'IPAddress', 'ServiceCIDR',
  'CiliumClusterwideNetworkPolicy', 'GlobalNetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy',
  'ClusterNetworkPolicy', 'DeviceClass', 'ResourceSlice',
]);

/** Component configuration (KubeletConfiguration, EncryptionConfiguration ...) and kubeconfig: no namespace either. */
function isClusterScoped(resource: Resource): boolean {
  if (CLUSTER_SCOPED_KINDS.has(resource.kind)) return true;
  const group = resource.apiVersion.includes('/') ? resource.apiVersion.split('/')[0] : '';
  return group.endsWith('.config.k8s.io') || (resource.kind === 'Config' && resource.apiVersion === 'v1');
}

export interface WorkspaceFileInput {
  /** The file's identity (a URI in the server, a path in the CLI); '' for a file analyzed alone. */
  readonly uri: string;
  /** Relative path with forward slashes, for display and for grouping by directory; defaults to the uri. */
  readonly path?: string;
  readonly source: SourceFile;
  /** Already extracted resources of `source` (extracted here when absent). */
  readonly resources?: readonly Resource[];
  readonly skipped?: readonly SkippedDocument[];
}

export interface WorkspaceFile {
  readonly uri: string;
  readonly path: string;
  readonly directory: string;
  readonly source: SourceFile;
  readonly resources: readonly Resource[];
  readonly skipped: readonly SkippedDocument[];
}

/** A resource with a Pod template that makes Pods run (PodTemplate alone runs nothing). */
export interface Workload {
  readonly resource: Resource;
  readonly template: PodTemplateView;
  /** Labels of the Pods it creates. */
  readonly podLabels: Labels;
  readonly namespace: string;
}

export class WorkspaceIndex {
  readonly files: readonly WorkspaceFile[];
  readonly resources: readonly Resource[];
  private readonly fileByResource = new Map<Resource, WorkspaceFile>();
  private readonly fileByUri = new Map<string, WorkspaceFile>();
  private readonly namespaceByResource = new Map<Resource, string | undefined>();
  private readonly byNamespace = new Map<string, Resource[]>();
  private readonly clusterScoped: Resource[] = [];
  private readonly unplacedByDirectory = new Map<string, Resource[]>();
  private readonly byKind = new Map<string, Resource[]>();
  private workloadList: Workload[] | undefined;
  private readonly relatedCache = new Map<string, readonly Resource[]>();

  constructor(inputs: readonly WorkspaceFileInput[]) {
    const files: WorkspaceFile[] = [];
    for (const input of inputs) {
      const extracted = input.resources ? { resources: input.resources, skipped: input.skipped ?? [] } : extractResources(input.source);
      const path = input.path ?? input.uri;
      const slash = path.lastIndexOf('/');
      const file: WorkspaceFile = {
        uri: input.uri,
        path,
        directory: slash >= 0 ? path.slice(0, slash) : '',
        source: input.source,
        resources: extracted.resources,
        skipped: extracted.skipped,
      };
      files.push(file);
      this.fileByUri.set(file.uri, file);
      for (const resource of file.resources) this.fileByResource.set(resource, file);
    }
    this.files = files;
    this.resources = files.flatMap((file) => file.resources);
    const defaultModelled = this.resources.some((resource) => resource.kind === 'Namespace' && resource.apiVersion === 'v1' && resource.name === DEFAULT_NAMESPACE);
    for (const file of files) {
      const explicitInFile = file.resources.some((resource) => !isClusterScoped(resource) && explicitNamespace(resource) !== undefined);
      for (const resource of file.resources) {
        push(this.byKind, resource.kind, resource);
        if (isClusterScoped(resource)) {
          this.namespaceByResource.set(resource, undefined);
          this.clusterScoped.push(resource);
          continue;
        }
        const namespace = explicitNamespace(resource) ?? (explicitInFile || defaultModelled ? DEFAULT_NAMESPACE : undefined);
        this.namespaceByResource.set(resource, namespace);
        if (namespace === undefined) push(this.unplacedByDirectory, file.directory, resource);
        else push(this.byNamespace, namespace, resource);
      }
    }
  }

  /** A one-file workspace: how a file analyzed alone sees the workspace rules. */
  static single(source: SourceFile, resources: readonly Resource[], skipped: readonly SkippedDocument[] = []): WorkspaceIndex {
    return new WorkspaceIndex([{ uri: '', source, resources, skipped }]);
  }

  fileOf(resource: Resource): WorkspaceFile {
    const file = this.fileByResource.get(resource);
    if (!file) throw new Error(`resource ${resource.kind}/${resource.name ?? ''} is not in the workspace index`);
    return file;
  }

  file(uri: string): WorkspaceFile | undefined {
    return this.fileByUri.get(uri);
  }

  /** The namespace the resource lives in; undefined when cluster scoped or unplaced (see above). */
  namespaceOf(resource: Resource): string | undefined {
    return this.namespaceByResource.get(resource);
  }

  isClusterScoped(resource: Resource): boolean {
    return isClusterScoped(resource);
  }

  /** Namespaced, without a namespace the index can tell. */
  isUnplaced(resource: Resource): boolean {
    return !isClusterScoped(resource) && this.namespaceByResource.get(resource) === undefined;
  }

  /** Every namespace some resource lives in, or that a Namespace object declares, sorted. */
  namespaces(): string[] {
    const names = new Set(this.byNamespace.keys());
    for (const namespace of this.ofKind('Namespace', '')) if (namespace.name) names.add(namespace.name);
    return [...names].sort();
  }

  /** The namespaced resources of a namespace, optionally of one kind, in file order. */
  inNamespace(namespace: string, kind?: string): readonly Resource[] {
    const all = this.byNamespace.get(namespace) ?? [];
    return kind ? all.filter((resource) => resource.kind === kind) : all;
  }

  /** Resources of a kind, optionally of one API group ('' is the core group), in file order. */
  ofKind(kind: string, group?: string): readonly Resource[] {
    const all = this.byKind.get(kind) ?? [];
    return group === undefined ? all : all.filter((resource) => apiGroupOf(resource) === group);
  }

  /**
   * A resource by kind and name: in `namespace` for namespaced kinds (undefined: the unplaced
   * ones), ignoring it for cluster-scoped kinds.
   */
  find(kind: string, name: string, namespace?: string): Resource | undefined {
    return this.ofKind(kind).find(
      (resource) => resource.name === name && (this.isClusterScoped(resource) || this.namespaceOf(resource) === namespace),
    );
  }

  /** The workloads of a namespace whose Pod labels a label selector (as in a NetworkPolicy) matches. */
  workloadsSelectedBy(namespace: string, selector: LabelSelector): Workload[] {
    return this.workloads().filter((workload) => workload.namespace === namespace && selectorMatches(selector, workload.podLabels));
  }

  /** The Namespace object of that name (core v1), if the workspace holds one. */
  namespaceObject(name: string): Resource | undefined {
    return this.ofKind('Namespace', '').find((resource) => resource.name === name);
  }

  /** Every workload (a kind that makes Pods run, with a Pod template), in file order. */
  workloads(): readonly Workload[] {
    if (!this.workloadList) {
      this.workloadList = [];
      for (const resource of this.resources) {
        const template = podTemplateOf(resource);
        if (!template || !runsPods(template)) continue;
        const namespace = this.namespaceOf(resource);
        if (namespace === undefined) continue;
        this.workloadList.push({ resource, template, podLabels: labelsOf(template.metadata), namespace });
      }
    }
    return this.workloadList;
  }

  /**
   * The unplaced resources (no namespace the index can tell) by folder, sorted by folder: the files
   * of a folder are applied together (`kubectl apply -f dir/`, a Kustomize base), into one namespace
   * nobody names, their implicit namespace.
   */
  unplacedByFolder(): ReadonlyMap<string, readonly Resource[]> {
    return new Map([...this.unplacedByDirectory.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /** The workloads among `resources`, given the namespace to file them under (an implicit one, say). */
  workloadsAmong(resources: readonly Resource[], namespace: string): Workload[] {
    const found: Workload[] = [];
    for (const resource of resources) {
      const template = podTemplateOf(resource);
      if (template && runsPods(template)) found.push({ resource, template, podLabels: labelsOf(template.metadata), namespace });
    }
    return found;
  }

  /** Workloads whose namespace is known, grouped by namespace (sorted), each group in file order. */
  workloadsByNamespace(): Map<string, Workload[]> {
    const groups = new Map<string, Workload[]>();
    for (const workload of this.workloads()) push(groups, workload.namespace, workload);
    return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * Where a finding about a namespace sits: on the name of its Namespace object when the workspace
   * holds one, else on the first member given (its `metadata.namespace`, or its name when the
   * namespace is implied).
   */
  namespaceAnchor(namespace: string, members: readonly Resource[]): { readonly resource: Resource; readonly path: PropertyPath } | undefined {
    const object = this.namespaceObject(namespace);
    if (object) return { resource: object, path: ['metadata', 'name'] };
    const first = members[0];
    if (!first) return undefined;
    return { resource: first, path: explicitNamespace(first) !== undefined ? ['metadata', 'namespace'] : ['metadata', 'name'] };
  }

  /**
   * What a resource-scoped rule sees as `related` in a workspace: the resources of its own file,
   * of its namespace and every cluster-scoped resource; an unplaced resource sees the unplaced
   * resources of its directory (files applied together with `kubectl apply -f dir/`).
   */
  relatedFor(resource: Resource): readonly Resource[] {
    const file = this.fileOf(resource);
    const namespace = this.namespaceOf(resource);
    const unplaced = this.isUnplaced(resource);
    const key = `${file.uri}\u0000${namespace ?? ''}\u0000${unplaced ? 'u' : ''}`;
    let related = this.relatedCache.get(key);
    if (!related) {
      // The file's own resources first, then those of other files (a file's resources are never
      // put in a set: a big file has thousands, and a key per namespace of it).
      const seen = new Set<Resource>();
      const others: Resource[] = [];
      const add = (candidates: readonly Resource[] | undefined) => {
        for (const candidate of candidates ?? []) {
          if (this.fileByResource.get(candidate) === file || seen.has(candidate)) continue;
          seen.add(candidate);
          others.push(candidate);
        }
      };
      if (namespace !== undefined) add(this.byNamespace.get(namespace));
      if (unplaced) add(this.unplacedByDirectory.get(file.directory));
      add(this.clusterScoped);
      related = relatedFromParts([file.resources, others]);
      this.relatedCache.set(key, related);
    }
    return related;
  }
}

export function apiGroupOf(resource: { readonly apiVersion: string }): string {
  return resource.apiVersion.includes('/') ? resource.apiVersion.split('/')[0] : '';
}

function explicitNamespace(resource: Resource): string | undefined {
  return resource.namespace !== undefined && resource.namespace !== '' ? resource.namespace : undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
