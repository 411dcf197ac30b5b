/**
 * From a rule's node path to source offsets. A path that exists lands on the key, the value or the
 * whole pair, as the rule asked; a path whose end is missing lands on the nearest ancestor that
 * exists: its key, or for a sequence item (a container) its `name` pair, so the squiggle sits where
 * the missing field has to be added.
 */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap } from 'yaml';
import type { PropertyPath } from '../model/values';
import type { Target } from '../rules/types';

export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

interface Step {
  readonly node: Node | null;
  readonly key?: Node;
}

export interface Location extends OffsetRange {
  /** True when the whole path exists in the document. */
  readonly exact: boolean;
}

export function locate(root: Node | null, path: PropertyPath, target: Target = 'value'): Location {
  let step: Step = { node: root };
  let exact = true;
  for (const segment of path) {
    const next = childStep(step.node, segment);
    if (!next) {
      exact = false;
      break;
    }
    step = next;
  }
  if (!exact) return { ...anchorRange(step), exact };
  return { ...targetRange(step, target), exact };
}

function childStep(node: Node | null, segment: string | number): Step | undefined {
  if (isMap(node)) {
    const pair = findPair(node, segment);
    if (!pair) return undefined;
    return { node: (pair.value as Node | null) ?? null, key: pair.key as Node };
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined;
    return item ? { node: item } : undefined;
  }
  return undefined;
}

/** The last pair of the key: with duplicate keys, the last one is what kubectl applies. */
function findPair(map: YAMLMap, segment: string | number): Pair | undefined {
  const wanted = String(segment);
  for (let index = map.items.length - 1; index >= 0; index--) {
    const key = map.items[index].key;
    if (isScalar(key) && String(key.value) === wanted) return map.items[index] as Pair;
  }
  return undefined;
}

function rangeOf(node: Node | null | undefined): OffsetRange | undefined {
  const range = node?.range;
  if (!range) return undefined;
  return { start: range[0], end: Math.max(range[0], range[1]) };
}

function targetRange(step: Step, target: Target): OffsetRange {
  const key = rangeOf(step.key);
  const value = rangeOf(step.node);
  if (target === 'key') return key ?? value ?? { start: 0, end: 0 };
  if (target === 'pair' && key) return { start: key.start, end: value?.end ?? key.end };
  // An empty value (`key:`) has a zero-width range; the key is more visible.
  if (value && value.end > value.start) return value;
  return key ?? value ?? { start: 0, end: 0 };
}

function anchorRange(step: Step): OffsetRange {
  const key = rangeOf(step.key);
  if (key) return key;
  if (isMap(step.node)) {
    const pairs = step.node.items;
    const named = pairs.find((pair) => isScalar(pair.key) && pair.key.value === 'name') ?? pairs[0];
    if (named) {
      const start = rangeOf(named.key as Node)?.start;
      const end = rangeOf(named.value as Node)?.end ?? rangeOf(named.key as Node)?.end;
      if (start !== undefined && end !== undefined) return { start, end };
    }
  }
  return rangeOf(step.node) ?? { start: 0, end: 0 };
}
