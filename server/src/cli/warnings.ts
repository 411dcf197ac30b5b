/**
 * Warnings on standard error, in the compiler form that editors and CI problem matchers read:
 * `path:line:col: warning: text`, `path: warning: text` or `warning: text`. A warning never changes
 * the exit status; it tells the user that something was not checked. Texts passed here must not hold
 * source excerpts (a YAML value could be a secret): core's `redactDetail` strips them.
 */
import type { Palette } from '../report/palette';
import type { OutputStream } from './host';
import { terminalSafe } from '../report/terminal-text';
import type { Warn } from '../report/warning';

export function warningsTo(stream: OutputStream, colors: Palette): Warn {
  return (text, location = {}) => {
    let where = terminalSafe(location.file ?? '');
    if (where && location.line !== undefined) where += `:${location.line}:${location.column ?? 1}`;
    const prefix = where ? `${colors.bold(where)}: ` : '';
    stream.write(`${prefix}${colors.severity('warning', 'warning:')} ${terminalSafe(text)}\n`);
  };
}

export function errorLine(colors: Palette, text: string): string {
  return `${colors.severity('error', 'error:')} ${text}\n`;
}

