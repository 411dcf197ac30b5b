/**
 * Whether the CLI colours its output: a terminal, no `--no-color`, no `NO_COLOR`; `FORCE_COLOR`
 * forces colours for CI logs that render ANSI. The palette itself lives with the formats
 * (report/palette.ts).
 */
import type { OutputStream } from './host';

export function useColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return stream.isTTY && env.TERM !== 'dumb';
}
