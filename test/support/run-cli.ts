/**
 * Runs the bundled CLI (dist/cli.js) as a user would, in a clean environment: no locale and no
 * color settings inherited from the developer's shell, so outputs are the same everywhere.
 */
import { spawnSync } from 'node:child_process';
import { repoPath } from './paths';

export const CLI = repoPath('dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly input?: string;
  /** Milliseconds before the CLI is killed (a hang then fails the test instead of blocking it). */
  readonly timeout?: number;
}

export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'NO_COLOR', 'FORCE_COLOR']) delete env[name];
  return env;
}

export function runCli(args: readonly string[], options: CliOptions): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...cleanEnv(), ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(options.timeout !== undefined ? { timeout: options.timeout, killSignal: 'SIGKILL' as const } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
