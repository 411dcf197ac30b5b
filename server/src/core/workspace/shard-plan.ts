/**
 * Which files of an audit go to which shard of `audit --shard I/N`, so that N machines together
 * find exactly what one finds. Files are joined by what the workspace rules relate across files
 * (union-find): the resources of one namespace (NetworkPolicies, Services, ServiceAccounts, RBAC,
 * the Namespace object and its Pod Security labels), the unplaced resources of one folder (applied
 * together, see workspace-index.ts), the namespaces of a binding's ServiceAccount subjects, and
 * resources of the same identity (fingerprint ordinals count repeats in path order), and the files
 * with documents that cannot be read. Cluster-scoped
 * resources relate to every namespace (a RuntimeClass, a ClusterRole, a KubeletConfiguration, a
 * cluster-wide network policy): the files that hold them are *context* of every shard (indexed,
 * not reported) and reported by one. Groups go to the least loaded shard by resource count, largest
 * first; files without resources by a stable hash of their path. Pure and deterministic: the plan
 * depends on paths and contents only, never on walk order or machine.
 */
import type { Resource } from '../model/resource';
import { arrayAt, stringAt } from '../model/values';
import type { WorkspaceIndex } from './workspace-index';

export interface ShardSpec {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export interface ShardPlan {
  /** The 0-based shard of a file's path (every path of the index, and any other by hash). */
  shardOf(path: string): number;
  /** Files whose resources every shard must see (cluster-scoped resources). */
  isContext(path: string): boolean;
}

/** `2/3` → {index: 2, count: 3}; undefined when malformed or out of range. */
export function parseShardSpec(text: string): ShardSpec | undefined {
  const match = /^\s*(\d{1,6})\s*\/\s*(\d{1,6})\s*$/.exec(text);
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

export function planShards(index: WorkspaceIndex, count: number): ShardPlan {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let node = key; node !== root; ) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (key: string) => (parent.has(key) ? key : (parent.set(key, key), key));
  // The smaller key is the root, so the union does not depend on the order of calls.
  const union = (a: string, b: string) => {
    const [x, y] = [find(add(a)), find(add(b))];
    if (x !== y) parent.set(x < y ? y : x, x < y ? x : y);
  };
  const context = new Set<string>();
  const weight = new Map<string, number>();
  for (const file of index.files) {
    const fileKey = add(`file:${file.path}`);
    weight.set(fileKey, file.resources.length);
    for (const resource of file.resources) {
      for (const key of keysOf(resource, index)) union(fileKey, key);
      if (index.isClusterScoped(resource)) context.add(file.path);
    }
    // A document that cannot be read is reported with what identity it shows, which the plan cannot
    // see: such files (rare) stay together, so that the ordinals of their fingerprints agree.
    if (file.skipped.length > 0) union(fileKey, 'unreadable-documents');
  }
  const groups = new Map<string, { paths: string[]; weight: number }>();
  for (const file of index.files) {
    if (file.resources.length === 0 && file.skipped.length === 0) continue;
    const root = find(`file:${file.path}`);
    const group = groups.get(root) ?? { paths: [], weight: 0 };
    group.paths.push(file.path);
    group.weight += file.resources.length;
    groups.set(root, group);
  }
  const ordered = [...groups.values()].map((group) => ({ ...group, first: group.paths.reduce((a, b) => (a < b ? a : b)) }));
  ordered.sort((a, b) => b.weight - a.weight || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  const load = new Array<number>(count).fill(0);
  const assigned = new Map<string, number>();
  for (const group of ordered) {
    const shard = load.indexOf(Math.min(...load));
    load[shard] += group.weight;
    for (const path of group.paths) assigned.set(path, shard);
  }
  return {
    shardOf: (path) => assigned.get(path) ?? stableHash(path) % count,
    isContext: (path) => context.has(path),
  };
}

/** What ties a resource to resources of other files (see the module comment). */
function keysOf(resource: Resource, index: WorkspaceIndex): string[] {
  const keys = [`id:${JSON.stringify([resource.apiVersion, resource.kind, resource.namespace ?? '', resource.name ?? ''])}`];
  const namespace = index.namespaceOf(resource);
  if (namespace !== undefined) keys.push(`ns:${namespace}`);
  else if (index.isUnplaced(resource)) keys.push(`dir:${index.fileOf(resource).directory}`);
  if (resource.kind === 'Namespace' && resource.name) keys.push(`ns:${resource.name}`);
  if (resource.kind === 'RoleBinding' || resource.kind === 'ClusterRoleBinding') {
    for (const subject of arrayAt(resource.value, 'subjects')) {
      const subjectNamespace = stringAt(subject, 'namespace');
      if (subjectNamespace) keys.push(`ns:${subjectNamespace}`);
    }
  }
  return keys;
}

/** FNV-1a over the UTF-16 code units: the same number on every machine. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash >>> 0;
}
