/**
 * Terminal colors: whether to use them (a terminal, no `--no-color`, no `NO_COLOR`; `FORCE_COLOR`
 * forces them for CI logs that render ANSI) and a palette that degrades to plain text. Formatters
 * receive a `Palette` and never test the environment themselves.
 */
import type { Severity } from '../core';
import type { OutputStream } from './host';

export interface Palette {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
}

export function useColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stream.isTTY && env.TERM !== 'dumb';
}

const SEVERITY_CODES: Record<Severity, string> = { error: '1;31', warning: '1;33', info: '1;34', hint: '1;36' };

function sgr(code: string, text: string): string {
  return `\u001b[${code}m${text}\u001b[0m`;
}

export function palette(enabled: boolean): Palette {
  if (!enabled) {
    return { enabled, bold: (s) => s, dim: (s) => s, severity: (_, s) => s };
  }
  return {
    enabled,
    bold: (s) => sgr('1', s),
    dim: (s) => sgr('2', s),
    severity: (severity, s) => sgr(SEVERITY_CODES[severity], s),
  };
}
