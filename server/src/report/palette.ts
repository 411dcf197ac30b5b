/**
 * The palette a format colours its output with: bold, dim and one colour per severity, or plain
 * text when colours are off. Whether to use colours is the caller's decision (the CLI tests the
 * terminal and the environment); formats receive a `Palette` and never look at the environment.
 */
import type { Severity } from '../core';

export interface Palette {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
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
