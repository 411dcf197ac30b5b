/**
 * Applying fixes: operations run one after another on freshly parsed text (so each sees the result
 * of the previous), and the outcome is returned as the one minimal edit that turns the old text into
 * the new: the bytes outside it are the same by construction.
 */
import { applyOp } from './apply-op';
import type { Fix, TextEdit } from './types';

export interface DocumentFix {
  readonly documentIndex: number;
  readonly fix: Fix;
}

export function applyFixesToText(text: string, fixes: readonly DocumentFix[]): string {
  let current = text;
  for (const { documentIndex, fix } of fixes) {
    for (const op of fix.ops) current = applyOp(current, documentIndex, op);
  }
  return current;
}

/** The smallest single replacement that turns `before` into `after`, or undefined if equal. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  // Never split a CRLF pair or a surrogate pair between the kept and the replaced text.
  while (start > 0 && (before[start - 1] === '\r' || isHighSurrogate(before.charCodeAt(start - 1)))) start--;
  return { start, end: endBefore, newText: after.slice(start, endAfter) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function fixEdit(text: string, fixes: readonly DocumentFix[]): TextEdit | undefined {
  return minimalEdit(text, applyFixesToText(text, fixes));
}
