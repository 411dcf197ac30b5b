/**
 * Writing new YAML text for an edit: scalars quoted only when YAML (1.1 as Kubernetes reads it, or
 * 1.2) would otherwise change their type, block lines at a given column in the file's sequence
 * style, and flow text for flow collections.
 */
import type { EditValue, ScalarValue } from './types';
import type { Layout } from './text-layout';

const NEEDS_QUOTES = /^(?:|~|null|Null|NULL|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const PLAIN_SAFE = /^[A-Za-z_/][\w./-]*$/;

export function renderScalar(value: ScalarValue, quote: 'plain' | 'double' | 'single' = 'plain'): string {
  if (typeof value !== 'string') return String(value);
  if (quote === 'single' && !value.includes('\n')) return `'${value.replace(/'/g, "''")}'`;
  if (quote === 'plain' && PLAIN_SAFE.test(value) && !NEEDS_QUOTES.test(value) && !/^[\d.+-]/.test(value)) return value;
  return JSON.stringify(value);
}

export function isScalarValue(value: EditValue): value is ScalarValue {
  return typeof value !== 'object';
}

export function renderFlow(value: EditValue): string {
  if (isScalarValue(value)) return renderScalar(value);
  if (Array.isArray(value)) return `[${value.map((item) => renderScalar(item)).join(', ')}]`;
  const entries = Object.entries(value as Record<string, EditValue>);
  return `{${entries.map(([key, item]) => `${renderScalar(key)}: ${renderFlow(item)}`).join(', ')}}`;
}

/** Lines (without line breaks) for `key: value` entries written as a block at `column`. */
export function renderBlockEntries(entries: Record<string, EditValue>, column: number, layout: Layout): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (isScalarValue(value) || isEmptyCollection(value)) {
      lines.push(`${pad}${renderScalar(key)}: ${renderFlow(value)}`);
    } else if (Array.isArray(value)) {
      lines.push(`${pad}${renderScalar(key)}:`);
      lines.push(...renderBlockItems(value, column + (layout.indentedSequences ? layout.indentUnit : 0)));
    } else {
      lines.push(`${pad}${renderScalar(key)}:`);
      lines.push(...renderBlockEntries(value as Record<string, EditValue>, column + layout.indentUnit, layout));
    }
  }
  return lines;
}

/** `{}` and `[]` have no block form: a bare `key:` would be null. */
function isEmptyCollection(value: EditValue): boolean {
  return typeof value === 'object' && (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
}

export function renderBlockItems(items: readonly ScalarValue[], column: number): string[] {
  return items.map((item) => `${' '.repeat(column)}- ${renderScalar(item)}`);
}

/** Wraps the value into maps for the keys still missing under the deepest existing node. */
export function nest(keys: readonly (string | number)[], value: EditValue): EditValue {
  return keys.reduceRight<EditValue>((inner, key) => ({ [String(key)]: inner }), value);
}
