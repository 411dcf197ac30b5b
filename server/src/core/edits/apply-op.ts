/**
 * One declarative operation applied to one YAML document of a text, as a minimal splice: the new
 * text differs from the old only where the operation has to write. Comments, quoting, indentation
 * and the sequence style around the edit stay as they are; missing parent maps are created at the
 * file's indentation; flow collections get flow text. Returns the text unchanged when the operation
 * has nothing to do (which makes every fix idempotent).
 */
import { Document, isMap, isScalar, isSeq, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { PropertyPath } from '../model/values';
import { parseSourceFile } from '../parse/source-file';
import { isScalarValue, nest, renderBlockEntries, renderBlockItems, renderFlow, renderScalar } from './render';
import { columnOf, detectLayout, lastContentBefore, Layout, lineEndOf, lineStartOf, nextLineStartOf } from './text-layout';
import type { EditOp, EditValue, ScalarValue } from './types';

interface Step {
  readonly node: Node | null;
  readonly pair?: Pair;
  readonly parent?: YAMLMap | YAMLSeq;
  readonly index?: number;
}

interface Walk {
  readonly steps: Step[];
  /** How many segments of the path exist. */
  readonly depth: number;
}

export function applyOp(text: string, documentIndex: number, op: EditOp): string {
  const document = parseSourceFile(text).documents[documentIndex];
  if (!document || document.errors.length) return text;
  const layout = detectLayout(text);
  const walk = walkPath(document, op.path);
  switch (op.op) {
    case 'set':
      return setValue(text, layout, walk, op.path, op.value);
    case 'remove': {
      if (op.ifValue !== undefined && typeof op.path[op.path.length - 1] === 'number') {
        return removeItemByValue(text, document, op.path.slice(0, -1), op.ifValue);
      }
      if (walk.depth < op.path.length) return text;
      const target = walk.steps[walk.steps.length - 1];
      if (op.ifValue !== undefined && !(isScalar(target.node) && target.node.value === op.ifValue)) return text;
      return removeAt(text, target);
    }
    case 'append':
      return appendItem(text, layout, walk, op.path, op.value);
  }
}

/** Sequence items are found by value (or name), so earlier removals in the same sequence do not shift them. */
function removeItemByValue(text: string, document: Document.Parsed, seqPath: PropertyPath, value: ScalarValue): string {
  const walk = walkPath(document, seqPath);
  const seq = walk.steps[walk.steps.length - 1].node;
  if (walk.depth < seqPath.length || !isSeq(seq)) return text;
  // A scalar item by its value, or a map item (a sysctl, an env var) by its `name`.
  const index = seq.items.findIndex((item) => (isScalar(item) && item.value === value) || (isMap(item) && item.get('name') === value));
  if (index < 0) return text;
  // The last item of a block sequence: the key goes too, rather than stay behind as `add:` (null).
  const seqStep = walk.steps[walk.steps.length - 1];
  if (!seq.flow && seq.items.length === 1 && isMap(seqStep.parent) && seqStep.pair) return removeAt(text, seqStep);
  return removeAt(text, { node: seq.items[index] as Node, parent: seq, index });
}

function walkPath(document: Document.Parsed, path: PropertyPath): Walk {
  const steps: Step[] = [{ node: document.contents as Node | null }];
  for (const segment of path) {
    const current = steps[steps.length - 1].node;
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) break;
      steps.push({ node: (pair.value as Node | null) ?? null, pair: pair as Pair, parent: current });
    } else if (isSeq(current) && typeof segment === 'number' && current.items[segment]) {
      steps.push({ node: current.items[segment] as Node, parent: current, index: segment });
    } else {
      break;
    }
  }
  return { steps, depth: steps.length - 1 };
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function setValue(text: string, layout: Layout, walk: Walk, path: PropertyPath, value: EditValue): string {
  const last = walk.steps[walk.steps.length - 1];
  if (walk.depth === path.length) return replaceValue(text, layout, last, value);
  const missing = path.slice(walk.depth);
  if (missing.some((segment) => typeof segment === 'number')) return text;
  const holder = last.node;
  if (isMap(holder)) return insertIntoMap(text, layout, holder, nest(missing.slice(1), value), String(missing[0]));
  if (last.pair && (holder === null || (isScalar(holder) && holder.value === null))) {
    return replaceValue(text, layout, last, nest(missing, value));
  }
  return text;
}

/** Replaces an existing value (or fills an empty `key:`). */
function replaceValue(text: string, layout: Layout, step: Step, value: EditValue): string {
  const node = step.node;
  if (isScalar(node) && node.range && isScalarValue(value)) {
    if (node.value === value) return text;
    const quote = node.type === 'QUOTE_DOUBLE' ? 'double' : node.type === 'QUOTE_SINGLE' ? 'single' : 'plain';
    return splice(text, node.range[0], node.range[1], renderScalar(value, typeof value === 'string' ? quote : 'plain'));
  }
  const key = step.pair?.key as Scalar | undefined;
  const empty = node === null || (isScalar(node) && node.value === null);
  if (!key?.range || !empty) return text;
  const colon = text.indexOf(':', key.range[1]);
  const end = node?.range ? node.range[1] : colon + 1;
  if (isScalarValue(value) || isFlowContext(step)) return splice(text, colon + 1, end, ` ${renderFlow(value)}`);
  const column = columnOf(text, key.range[0]) + layout.indentUnit;
  const lines = Array.isArray(value)
    ? renderBlockItems(value, layout.indentedSequences ? column : column - layout.indentUnit)
    : renderBlockEntries(value as Record<string, EditValue>, column, layout);
  return splice(text, colon + 1, end, layout.eol + lines.join(layout.eol));
}

function isFlowContext(step: Step): boolean {
  return !!(step.parent as { flow?: boolean } | undefined)?.flow;
}

function insertIntoMap(text: string, layout: Layout, map: YAMLMap, value: EditValue, key: string): string {
  if (map.flow || map.items.length === 0) return insertIntoFlow(text, map, `${renderScalar(key)}: ${renderFlow(value)}`);
  const firstKey = map.items[0].key as Node;
  const lastPair = map.items[map.items.length - 1];
  const lastEnd = (lastPair.value as Node | null)?.range?.[1] ?? (lastPair.key as Node).range![1];
  const column = columnOf(text, firstKey.range![0]);
  const lines = renderBlockEntries({ [key]: value }, column, layout);
  const at = nextLineStartOf(text, lastContentBefore(text, lastEnd));
  const atEndWithoutBreak = at === text.length && !text.endsWith('\n');
  const block = lines.join(layout.eol);
  return atEndWithoutBreak ? splice(text, at, at, layout.eol + block) : splice(text, at, at, block + layout.eol);
}

/** Inserts an entry before the closing bracket of a flow collection (also `{}` / `[]`). */
function insertIntoFlow(text: string, collection: YAMLMap | YAMLSeq, entry: string): string {
  const range = collection.range;
  if (!range) return text;
  const close = text.lastIndexOf(collection instanceof YAMLSeq ? ']' : '}', range[1] - 1);
  if (close < range[0]) return text;
  const before = lastContentBefore(text, close);
  const empty = collection.items.length === 0;
  return splice(text, before, before, empty ? entry : `, ${entry}`);
}

function appendItem(text: string, layout: Layout, walk: Walk, path: PropertyPath, value: ScalarValue): string {
  if (walk.depth < path.length) return setValue(text, layout, walk, path, [value]);
  const seq = walk.steps[walk.steps.length - 1].node;
  if (!isSeq(seq)) return text;
  if (seq.items.some((item) => isScalar(item) && item.value === value)) return text;
  if (seq.flow || seq.items.length === 0) return insertIntoFlow(text, seq, renderScalar(value));
  const lastItem = seq.items[seq.items.length - 1] as Node;
  const firstItem = seq.items[0] as Node;
  const dash = text.lastIndexOf('-', firstItem.range![0]);
  const line = renderBlockItems([value], columnOf(text, dash))[0];
  const at = nextLineStartOf(text, lastContentBefore(text, lastItem.range![1]));
  return at === text.length && !text.endsWith('\n') ? splice(text, at, at, layout.eol + line) : splice(text, at, at, line + layout.eol);
}

function removeAt(text: string, step: Step): string {
  const parent = step.parent;
  if (!parent) return text;
  if (isMap(parent) && step.pair) {
    const key = step.pair.key as Node;
    const end = (step.node?.range?.[1] ?? key.range![1]);
    return removeEntry(text, parent, parent.items.indexOf(step.pair as never), key.range![0], end);
  }
  if (isSeq(parent) && step.node?.range) {
    return removeEntry(text, parent, step.index!, step.node.range[0], step.node.range[1]);
  }
  return text;
}

function removeEntry(text: string, parent: YAMLMap | YAMLSeq, index: number, start: number, end: number): string {
  if (parent.flow) {
    const items = parent.items as unknown[];
    if (items.length === 1) return splice(text, start, lastContentBefore(text, end), '');
    if (index < items.length - 1) {
      const next = entryStart(items[index + 1]);
      return next === undefined ? text : splice(text, start, next, '');
    }
    const previousEnd = entryEnd(items[index - 1]);
    return previousEnd === undefined ? text : splice(text, previousEnd, lastContentBefore(text, end), '');
  }
  const isSeqItem = isSeq(parent);
  const from = isSeqItem ? text.lastIndexOf('-', start) : start;
  const lineStart = lineStartOf(text, from);
  const ownLine = text.slice(lineStart, from).trim() === '';
  const contentEnd = lastContentBefore(text, end);
  if (ownLine) return splice(text, lineStart, nextLineStartOf(text, contentEnd), '');
  // The pair shares its line with a sequence dash (`- hostPort: 80`): pull the next pair up.
  const next = parent.items[index + 1];
  const nextStart = next ? entryStart(next) : undefined;
  if (nextStart !== undefined) return splice(text, start, nextStart, '');
  return splice(text, start, lineEndOf(text, contentEnd), '{}');
}

function entryStart(item: unknown): number | undefined {
  const node = (item as Pair).key !== undefined ? ((item as Pair).key as Node) : (item as Node);
  return node?.range?.[0];
}

function entryEnd(item: unknown): number | undefined {
  const pair = item as Pair;
  const node = pair.key !== undefined ? ((pair.value as Node | null) ?? (pair.key as Node)) : (item as Node);
  return node?.range?.[1];
}
