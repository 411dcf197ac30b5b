/**
 * Limits on `.kube-checklist.yaml` before it reaches the YAML parser: a configuration is a few
 * levels deep, so a file nested deeper than MAX_CONFIG_DEPTH (brackets of flow collections, or the
 * indentation and `- ` prefixes of block ones) is refused up front; the parser recurses per level
 * and at some thousands of levels even the regular expressions around it fail fatally.
 */
export const MAX_CONFIG_DEPTH = 100;

/** The offset where the text first nests deeper than the limit, or undefined. */
export function tooDeepAt(text: string, limit = MAX_CONFIG_DEPTH): number | undefined {
  let flow = 0;
  let lineStart = true;
  let prefix = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      lineStart = true;
      prefix = 0;
      continue;
    }
    if (lineStart && (c === ' ' || c === '\t' || c === '-' || c === '?' || c === ':')) {
      // Every two columns of structure at the start of a line can open one block level.
      if (++prefix > limit * 2) return i;
      continue;
    }
    lineStart = false;
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) i = skipTo(text, i, '\n') - 1;
    else if (c === '"' || c === "'") i = skipQuoted(text, i);
    else if (c === '[' || c === '{') {
      if (++flow > limit) return i;
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}

function skipTo(text: string, from: number, wanted: string): number {
  const at = text.indexOf(wanted, from);
  return at < 0 ? text.length : at;
}

/** The offset of the closing quote (or the end); a quote inside a plain word is not a string. */
function skipQuoted(text: string, open: number): number {
  if (open > 0 && /[\w]/.test(text[open - 1])) return open;
  const quote = text[open];
  for (let i = open + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}
