/**
 * Running an external renderer (kubectl, kustomize, helm): found on PATH or given by the user, run
 * without a shell, with a time limit and an output limit. A failure is a reason to report, never an
 * exception: the audit goes on without the rendering.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ToolResult = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly reason: string };

const TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The executable `name` on PATH, or undefined. */
export function findOnPath(name: string, envPath = process.env.PATH ?? ''): string | undefined {
  for (const directory of envPath.split(path.delimiter)) {
    if (!directory) continue;
    const candidate = path.join(directory, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function runTool(executable: string, args: readonly string[], cwd: string): ToolResult {
  const result = spawnSync(executable, args, { cwd, encoding: 'utf8', timeout: TIMEOUT_MS, maxBuffer: MAX_OUTPUT, shell: false, windowsHide: true });
  if (result.error) return { ok: false, reason: (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `timed out after ${TIMEOUT_MS / 1000} s` : result.error.message };
  if (result.status !== 0) return { ok: false, reason: lastLine(result.stderr) || `exit status ${result.status}` };
  return { ok: true, stdout: result.stdout };
}

/** The tool's own last words, without the log prefixes some of them add; never the rendered text. */
function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? '').replace(/^E\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\]\s*/, '').slice(0, 300);
}
