/**
 * The reverse of locate: which key a position of the text sits on. Hover uses it to explain a
 * security-relevant field even where no rule fires.
 */
import { Document, isMap, isScalar, isSeq, Node } from 'yaml';
import type { PropertyPath } from '../model/values';

export interface KeyAtOffset {
  readonly documentIndex: number;
  readonly path: PropertyPath;
  /** Range of the key (or of the value, when the offset is on a scalar value). */
  readonly start: number;
  readonly end: number;
}

export function keyAtOffset(documents: readonly Document.Parsed[], offset: number): KeyAtOffset | undefined {
  for (let index = 0; index < documents.length; index++) {
    const contents = documents[index].contents as Node | null;
    const range = contents?.range;
    if (!range || offset < range[0] || offset > range[2]) continue;
    return descend(contents, offset, [], index);
  }
  return undefined;
}

function descend(node: Node | null, offset: number, path: (string | number)[], documentIndex: number): KeyAtOffset | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      if (!isScalar(key) || !key.range) continue;
      const childPath = [...path, String(key.value)];
      if (offset >= key.range[0] && offset <= key.range[1]) {
        return { documentIndex, path: childPath, start: key.range[0], end: key.range[1] };
      }
      if (value?.range && offset >= value.range[0] && offset <= value.range[1]) {
        if (isScalar(value)) return { documentIndex, path: childPath, start: value.range[0], end: value.range[1] };
        return descend(value, offset, childPath, documentIndex);
      }
    }
  } else if (isSeq(node)) {
    for (let index = 0; index < node.items.length; index++) {
      const item = node.items[index] as Node | null;
      if (item?.range && offset >= item.range[0] && offset <= item.range[1]) {
        if (isScalar(item)) return { documentIndex, path: [...path, index], start: item.range[0], end: item.range[1] };
        return descend(item, offset, [...path, index], documentIndex);
      }
    }
  }
  return undefined;
}
