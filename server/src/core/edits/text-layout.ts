/**
 * The layout facts an edit must respect, read from the file itself: its line ending, its
 * indentation width, whether block sequences are indented under their key, and line arithmetic on
 * offsets. New lines are written the way the surrounding file is already written.
 */

export interface Layout {
  readonly eol: '\n' | '\r\n';
  readonly indentUnit: number;
  /** True when `key:\n  - item` (indented), false when `key:\n- item`. */
  readonly indentedSequences: boolean;
}

export function detectLayout(text: string): Layout {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const counts = new Map<number, number>();
  let indentedSequences: boolean | undefined;
  let previous: { indent: number; opensBlock: boolean } | undefined;
  for (const line of lines) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const isItem = /^\s*- /.test(line) || /^\s*-$/.test(line);
    if (previous?.opensBlock) {
      const step = indent - previous.indent;
      if (step > 0 && !isItem) counts.set(step, (counts.get(step) ?? 0) + 1);
      if (isItem && indentedSequences === undefined) indentedSequences = step > 0;
    }
    previous = { indent, opensBlock: /:\s*(#.*)?$/.test(line) };
  }
  let indentUnit = 2;
  let best = 0;
  for (const [step, count] of counts) {
    if (count > best && step <= 8) {
      best = count;
      indentUnit = step;
    }
  }
  return { eol, indentUnit, indentedSequences: indentedSequences ?? true };
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line that holds `offset` (or the text length). */
export function lineEndOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline < 0) return text.length;
  return newline > 0 && text[newline - 1] === '\r' ? newline - 1 : newline;
}

/** Offset just after the line break ending the line that holds `offset` (or the text length). */
export function nextLineStartOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The last offset before `offset` that is not white space (to step back over trailing breaks). */
export function lastContentBefore(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && /\s/.test(text[index - 1])) index--;
  return index;
}
