/**
 * The files changed against a git ref, for `audit --changed-since REF`: what was committed between
 * the merge-base of REF and HEAD, plus staged, unstaged and untracked files that .gitignore does not
 * ignore. Deleted files are left out (there is nothing to check). git runs as a child process with
 * fixed arguments (no shell) and a time limit; a missing git, a folder outside any repository and a
 * ref that names no commit are `InputError`s in the user's language (exit status 2 in the CLI).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { redactDetail } from '../core';
import { t } from '../report/messages';
import type { InputFile } from './collect-files';
import { InputError } from './errors';

const GIT_TIMEOUT_MS = 60_000;
const GIT_MAX_BUFFER = 256 * 1024 * 1024;

interface GitResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function git(args: readonly string[], cwd: string, locale: Locale): GitResult {
  const result = spawnSync('git', [...args], {
    cwd,
    encoding: 'utf8',
    timeout: GIT_TIMEOUT_MS,
    maxBuffer: GIT_MAX_BUFFER,
    // No pager, no prompt for credentials, no optional index locks while another git may be running.
    env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
  });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(t(locale, 'gitMissing'));
    throw new InputError(t(locale, 'gitFailed', { reason: redactDetail(result.error.message) }));
  }
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function gitOrFail(args: readonly string[], cwd: string, locale: Locale): string {
  const result = git(args, cwd, locale);
  if (result.status !== 0) throw new InputError(t(locale, 'gitFailed', { reason: redactDetail(result.stderr.trim().split('\n')[0] ?? '') }));
  return result.stdout;
}

function nulList(text: string): string[] {
  return text.split('\0').filter(Boolean);
}

function realPathOr(absolute: string): string {
  try {
    return fs.realpathSync(absolute);
  } catch {
    return absolute;
  }
}

/**
 * The real absolute paths of the files changed since `ref` in the repository holding `cwd`, that
 * exist on disk.
 */
export function changedFilesSince(ref: string, cwd: string, locale: Locale): Set<string> {
  const top = git(['rev-parse', '--show-toplevel'], cwd, locale);
  if (top.status !== 0) throw new InputError(t(locale, 'notGitRepository', { path: cwd }));
  const root = top.stdout.trim();
  // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
  const resolved = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], root, locale);
  if (resolved.status !== 0) throw new InputError(t(locale, 'gitBadRef', { ref: redactDetail(ref) }));
  const base = git(['merge-base', resolved.stdout.trim(), 'HEAD'], root, locale);
  if (base.status !== 0) throw new InputError(t(locale, 'gitNoMergeBase', { ref: redactDetail(ref) }));
  const since = base.stdout.trim();
  const diff = ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=d', '--no-ext-diff'];
  const names = [
    // Committed since the merge-base, and what the working tree changed on top (staged or not).
    ...nulList(gitOrFail([...diff, since], root, locale)),
    ...nulList(gitOrFail([...diff, '--cached', since], root, locale)),
    ...nulList(gitOrFail(['ls-files', '--others', '--exclude-standard', '-z', '--full-name'], root, locale)),
  ];
  const changed = new Set<string>();
  for (const name of names) {
    const absolute = path.resolve(root, name);
    if (fs.existsSync(absolute)) changed.add(realPathOr(absolute));
  }
  return changed;
}

/** The display paths of the inputs that changed since `ref` (see `changedFilesSince`); standard input never did. */
export function changedInputs(inputs: readonly InputFile[], ref: string, cwd: string, locale: Locale): Set<string> {
  const changed = changedFilesSince(ref, cwd, locale);
  return new Set(inputs.filter((input) => !input.stdin && changed.has(realPathOr(input.absolute))).map((input) => input.display));
}
