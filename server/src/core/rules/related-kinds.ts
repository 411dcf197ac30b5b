/**
 * The related resources of a rule context by kind. Every resource of a file (or of a namespace in a
 * workspace) shares one `related` array, so scanning it from each resource would make a file of n
 * workloads cost n²; the kind index is built once per array and kept as long as the array lives.
 */
import type { Resource } from '../model/resource';

const BY_KIND = new WeakMap<readonly Resource[], Map<string, Resource[]>>();

export function relatedOfKind(related: readonly Resource[], kind: string): readonly Resource[] {
  let byKind = BY_KIND.get(related);
  if (!byKind) {
    byKind = new Map();
    for (const resource of related) {
      const list = byKind.get(resource.kind);
      if (list) list.push(resource);
      else byKind.set(resource.kind, [resource]);
    }
    BY_KIND.set(related, byKind);
  }
  return byKind.get(kind) ?? [];
}
