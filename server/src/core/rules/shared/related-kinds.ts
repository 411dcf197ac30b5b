/**
 * The related resources of a rule context by kind. Every resource of a file (or of a namespace in a
 * workspace) shares one `related` array, so scanning it from each resource would make a file of n
 * workloads cost n²; the kind index is built once per array and kept as long as the array lives.
 * A workspace's `related` arrays are made of parts (the file's resources, then the namespace's
 * and the cluster's from other files): each part is indexed once, and an array made of parts
 * answers from them, so that the many arrays of one big file do not each index its resources again.
 */
import type { Resource } from '../../model/resource';

const BY_KIND = new WeakMap<readonly Resource[], Map<string, readonly Resource[]>>();
const PARTS = new WeakMap<readonly Resource[], readonly (readonly Resource[])[]>();

/** One array of the resources of `parts`, in order; the parts must not share a resource. */
export function relatedFromParts(parts: readonly (readonly Resource[])[]): readonly Resource[] {
  const kept = parts.filter((part) => part.length > 0);
  if (kept.length === 1) return kept[0];
  const related = kept.flat();
  PARTS.set(related, kept);
  return related;
}

export function relatedOfKind(related: readonly Resource[], kind: string): readonly Resource[] {
  let byKind = BY_KIND.get(related);
  const parts = PARTS.get(related);
  if (parts) {
    if (!byKind) BY_KIND.set(related, (byKind = new Map()));
    let list = byKind.get(kind);
    if (!list) {
      list = parts.flatMap((part) => relatedOfKind(part, kind));
      byKind.set(kind, list);
    }
    return list;
  }
  if (!byKind) {
    const index = new Map<string, Resource[]>();
    for (const resource of related) {
      const list = index.get(resource.kind);
      if (list) list.push(resource);
      else index.set(resource.kind, [resource]);
    }
    BY_KIND.set(related, (byKind = index));
  }
  return byKind.get(kind) ?? [];
}
