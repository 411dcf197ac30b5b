/**
 * Running an external renderer (kubectl, kustomize, helm): found on PATH or given by the user, run
 * asynchronously without a shell, with a time limit, an output limit and an AbortSignal, so that the
 * language server keeps answering while a chart renders and an audit's cancel ends the renderer. A
 * failure (and a cancel) is a result to report, never an exception: the audit goes on without the
 * rendering.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ToolResult =
  | { readonly ok: true; readonly stdout: string }
  | { readonly ok: false; readonly reason: string; /** Ended by the caller's AbortSignal. */ readonly cancelled?: true };

export interface RunLimits {
  /** The renderer is stopped after this long (default 60 s). */
  readonly timeoutMs?: number;
  /** The renderer is stopped once its standard output or error holds more bytes (default 64 MiB). */
  readonly maxOutputBytes?: number;
  /** How long a SIGTERM may take before SIGKILL follows (default 2 s). */
  readonly killGraceMs?: number;
}

export const TIMEOUT_MS = 60_000;
export const MAX_OUTPUT = 64 * 1024 * 1024;
const KILL_GRACE_MS = 2_000;
export const CANCELLED_REASON = 'cancelled';

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

/**
 * Runs the tool and resolves with its standard output, or with why not. Once the tool has to be
 * stopped (time limit, output limit, abort) the result is settled when the tool has exited, so a
 * cancelled audit leaves no renderer running behind it.
 */
export function runTool(executable: string, args: readonly string[], cwd: string, signal?: AbortSignal, limits: RunLimits = {}): Promise<ToolResult> {
  const timeoutMs = limits.timeoutMs ?? TIMEOUT_MS;
  const maxOutput = limits.maxOutputBytes ?? MAX_OUTPUT;
  if (signal?.aborted) return Promise.resolve({ ok: false, reason: CANCELLED_REASON, cancelled: true });
  return new Promise((resolve) => {
    const child = spawn(executable, args, { cwd, shell: false, windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const sizes = { stdout: 0, stderr: 0 };
    let stopped: ToolResult | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (result: ToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killTimer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    // The first reason to stop wins; SIGKILL follows if the tool ignores SIGTERM.
    const stop = (result: ToolResult) => {
      if (stopped) return;
      stopped = result;
      child.kill('SIGTERM');
      killTimer = setTimeout(() => child.kill('SIGKILL'), limits.killGraceMs ?? KILL_GRACE_MS);
    };
    const onAbort = () => stop({ ok: false, reason: CANCELLED_REASON, cancelled: true });
    const timer = setTimeout(() => stop({ ok: false, reason: `timed out after ${timeoutMs / 1000} s` }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (chunks: Buffer[], key: keyof typeof sizes) => (chunk: Buffer) => {
      sizes[key] += chunk.length;
      if (sizes[key] > maxOutput) stop({ ok: false, reason: `output over ${formatBytes(maxOutput)}` });
      else chunks.push(chunk);
    };
    child.stdout!.on('data', collect(stdout, 'stdout'));
    child.stderr!.on('data', collect(stderr, 'stderr'));
    child.once('error', (error) => finish(stopped ?? { ok: false, reason: error.message }));
    // A stopped tool is done when it exits: a grandchild may hold its pipes open for longer.
    child.once('exit', () => {
      if (stopped) finish(stopped);
    });
    child.once('close', (status, killedBy) => {
      if (stopped) return;
      if (status !== 0) finish({ ok: false, reason: lastLine(Buffer.concat(stderr).toString('utf8')) || (killedBy ? `killed by ${killedBy}` : `exit status ${status}`) });
      else finish({ ok: true, stdout: Buffer.concat(stdout).toString('utf8') });
    });
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/** The tool's own last words, without the log prefixes some of them add; never the rendered text. */
function lastLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
  return (lines.at(-1) ?? '').replace(/^E\d{4} [\d:.]+\s+\d+ [\w.]+:\d+\]\s*/, '').slice(0, 300);
}
