/**
 * Small constructors for the fixes rules declare most often, so a rule says `setFix(path, false)`
 * rather than spelling out operations and titles. The field named in a title is the path's tail from
 * the last container or the Pod spec, which is what a reader recognizes.
 */
import type { PropertyPath } from '../model/values';
import type { Fix, FixTier, ScalarValue } from './types';

const ANCHORS = new Set(['containers', 'initContainers', 'ephemeralContainers', 'spec', 'metadata']);

/** `securityContext.privileged` from `[..., 'containers', 0, 'securityContext', 'privileged']`. */
export function fieldName(path: PropertyPath): string {
  let start = 0;
  path.forEach((segment, index) => {
    if (typeof segment === 'string' && ANCHORS.has(segment)) start = index + 1;
  });
  const tail = path.slice(start).filter((segment) => typeof segment === 'string');
  return (tail.length ? tail : path.slice(-1)).join('.');
}

export function setFix(tier: FixTier, path: PropertyPath, value: ScalarValue, field = fieldName(path)): Fix {
  return { tier, title: { id: 'set', data: { field, value: String(value) } }, ops: [{ op: 'set', path, value }] };
}

export function removeFix(tier: FixTier, path: PropertyPath): Fix {
  return { tier, title: { id: 'remove', data: { field: fieldName(path) } }, ops: [{ op: 'remove', path }] };
}

/** Removes one scalar of a sequence, guarded by its value so that applying twice changes nothing. */
export function removeItemFix(tier: FixTier, itemPath: PropertyPath, value: ScalarValue): Fix {
  return {
    tier,
    title: { id: 'removeItem', data: { field: fieldName(itemPath), value: String(value) } },
    ops: [{ op: 'remove', path: itemPath, ifValue: value }],
  };
}
