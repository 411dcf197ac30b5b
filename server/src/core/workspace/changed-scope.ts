/**
 * Which findings of a whole-workspace analysis concern a set of changed files (`audit
 * --changed-since`): the whole workspace is indexed and analyzed, so cross-file rules see everything,
 * and a finding is kept when it sits in a changed file, when one of its related places does (the
 * ties the workspace rules report themselves), or when it sits on a resource tied to a resource of a
 * changed file. Ties are the references the workspace rules follow across files: a NetworkPolicy and
 * the workloads its podSelector picks, a Service and the workloads its selector picks, a
 * RoleBinding or ClusterRoleBinding and its role and ServiceAccount subjects, a workload and its
 * ServiceAccount, and a workload and its Namespace object (where namespace-wide findings about it
 * sit). Pure: the caller says which files changed.
 */
import type { Resource } from '../model/resource';
import type { Finding } from '../rules/types';
import { labelsOf, parseLabelSelector, selectorMatches } from './label-selector';
import type { WorkspaceIndex } from './workspace-index';

const BINDINGS = new Set(['RoleBinding', 'ClusterRoleBinding']);

/** A finding's or a resource's identity within its file (List items share a document). */
function keyOf(file: string | undefined, documentIndex: number, resource: { kind: string; name?: string; namespace?: string }): string {
  return [file ?? '', documentIndex, resource.kind, resource.name ?? '', resource.namespace ?? ''].join('\u0000');
}

function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  const found = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return found && typeof found === 'object' && !Array.isArray(found) ? (found as Record<string, unknown>) : undefined;
}

function stringAt(value: Record<string, unknown> | undefined, key: string): string | undefined {
  const found = value?.[key];
  return typeof found === 'string' && found !== '' ? found : undefined;
}

/** The resources each resource references or selects across the workspace, both ways. */
function tieEdges(index: WorkspaceIndex): Map<Resource, Set<Resource>> {
  const edges = new Map<Resource, Set<Resource>>();
  const tie = (a: Resource | undefined, b: Resource | undefined) => {
    if (!a || !b || a === b) return;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      let set = edges.get(from);
      if (!set) edges.set(from, (set = new Set()));
      set.add(to);
    }
  };
  for (const workload of index.workloads()) {
    const spec = workload.template.spec as unknown as Record<string, unknown>;
    const account = stringAt(spec, 'serviceAccountName') ?? stringAt(spec, 'serviceAccount') ?? 'default';
    tie(workload.resource, index.find('ServiceAccount', account, workload.namespace));
    const namespaceObject = index.namespaceObject(workload.namespace);
    // One way only: a changed Namespace would otherwise tie every workload it holds.
    if (namespaceObject) edges.set(workload.resource, (edges.get(workload.resource) ?? new Set()).add(namespaceObject));
  }
  for (const resource of index.resources) {
    const namespace = index.namespaceOf(resource);
    const spec = recordAt(resource.value, 'spec');
    if (resource.kind === 'NetworkPolicy' && namespace !== undefined) {
      const selector = parseLabelSelector(spec?.podSelector ?? {});
      for (const workload of index.workloadsSelectedBy(namespace, selector)) tie(resource, workload.resource);
    } else if (resource.kind === 'Service' && namespace !== undefined) {
      const wanted = labelsOf({ labels: recordAt(spec, 'selector') });
      if (Object.keys(wanted).length === 0) continue;
      const selector = parseLabelSelector({ matchLabels: wanted });
      for (const workload of index.workloadsSelectedBy(namespace, selector)) tie(resource, workload.resource);
    } else if (BINDINGS.has(resource.kind)) {
      tieBinding(index, resource, namespace, tie);
    }
  }
  return edges;
}

function tieBinding(index: WorkspaceIndex, binding: Resource, namespace: string | undefined, tie: (a: Resource, b: Resource | undefined) => void): void {
  const roleRef = recordAt(binding.value, 'roleRef');
  const roleKind = stringAt(roleRef, 'kind');
  const roleName = stringAt(roleRef, 'name');
  if (roleKind && roleName) tie(binding, index.find(roleKind, roleName, roleKind === 'Role' ? namespace : undefined));
  const subjects = binding.value.subjects;
  if (!Array.isArray(subjects)) return;
  for (const subject of subjects) {
    const record = subject && typeof subject === 'object' ? (subject as Record<string, unknown>) : undefined;
    if (stringAt(record, 'kind') !== 'ServiceAccount') continue;
    const name = stringAt(record, 'name');
    if (name) tie(binding, index.find('ServiceAccount', name, stringAt(record, 'namespace') ?? namespace));
  }
}

/** Keeps the findings that concern the changed files (by uri); see the module comment. */
export class ChangedScope {
  private readonly tiedKeys = new Set<string>();

  constructor(
    index: WorkspaceIndex,
    private readonly changed: ReadonlySet<string>,
  ) {
    const edges = tieEdges(index);
    for (const file of index.files) {
      if (!changed.has(file.uri)) continue;
      for (const resource of file.resources) {
        for (const tied of edges.get(resource) ?? []) this.tiedKeys.add(keyOf(index.fileOf(tied).uri, tied.documentIndex, tied));
      }
    }
  }

  /** True when the file changed (every finding of it is kept). */
  changedFile(uri: string): boolean {
    return this.changed.has(uri);
  }

  keeps(finding: Finding, uri: string): boolean {
    if (this.changed.has(uri)) return true;
    if (this.tiedKeys.has(keyOf(uri, finding.documentIndex, finding.resource))) return true;
    return (finding.related ?? []).some((place) => place.file !== undefined && this.changed.has(place.file));
  }
}

