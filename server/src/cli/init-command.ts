/**
 * `kube-checklist init [--dir DIR] [--ci github|gitlab|pre-commit] [--force] [--lang LANG]`: writes
 * a commented `.kube-checklist.yaml` (init-templates.ts) into the current folder or DIR and, with
 * --ci, the matching CI file. Every file is checked before any is written: an existing one stops
 * the run with exit status 2 naming it, unless --force. For GitLab the job goes into
 * `.gitlab-ci.yml` when there is none, else into `kube-checklist.gitlab-ci.yml`, which the existing
 * file then includes (a line we print: we never edit a pipeline we did not write).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { describeError } from '../host/errors';
import { cliVersion } from '../report/version';
import { oneOf, OptionSpecs, parseCommandArgs } from './args';
import { usageText } from './cli-messages';
import { CliError, EXIT_OK } from './errors';
import { helpText } from './help';
import type { Host } from './host';
import { parseLangOption } from './locale';
import { configTemplate, githubWorkflowTemplate, gitlabJobTemplate, preCommitTemplate } from './init-templates';

const CI_SYSTEMS = ['github', 'gitlab', 'pre-commit'] as const;
type CiSystem = (typeof CI_SYSTEMS)[number];

const OPTIONS: OptionSpecs = {
  dir: { type: 'string' },
  ci: { type: 'string' },
  force: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const GITLAB_INCLUDED_FILE = 'kube-checklist.gitlab-ci.yml';

interface PlannedFile {
  /** Relative to the target folder, forward slashes. */
  readonly relative: string;
  readonly text: string;
}

/** The files to write, given the target folder (for the GitLab choice). */
function plan(directory: string, ci: CiSystem | undefined, locale: Locale): PlannedFile[] {
  const version = cliVersion();
  const files: PlannedFile[] = [{ relative: '.kube-checklist.yaml', text: configTemplate(locale) }];
  if (ci === 'github') files.push({ relative: '.github/workflows/kube-checklist.yml', text: githubWorkflowTemplate(locale, version) });
  if (ci === 'pre-commit') files.push({ relative: '.pre-commit-config.yaml', text: preCommitTemplate(locale, version) });
  if (ci === 'gitlab') {
    const own = !fs.existsSync(path.join(directory, '.gitlab-ci.yml'));
    files.push({ relative: own ? '.gitlab-ci.yml' : GITLAB_INCLUDED_FILE, text: gitlabJobTemplate(locale, version) });
  }
  return files;
}

export function runInit(argv: readonly string[], host: Host, envLocale: Locale): number {
  const { values } = parseCommandArgs(argv, OPTIONS, false, envLocale);
  if (values.help) {
    host.stdout.write(helpText('init', envLocale, cliVersion()));
    return EXIT_OK;
  }
  const locale = typeof values.lang === 'string' ? parseLangOption(values.lang, envLocale) : envLocale;
  const ci = typeof values.ci === 'string' ? oneOf(values.ci, CI_SYSTEMS, '--ci', locale) : undefined;
  const directory = path.resolve(host.cwd, typeof values.dir === 'string' ? values.dir : '.');
  if (!isDirectory(directory)) throw new CliError(usageText(locale, 'initNoDirectory', { dir: String(values.dir ?? '.') }), false);
  const files = plan(directory, ci, locale);
  const display = (relative: string) => (typeof values.dir === 'string' ? path.join(values.dir, relative).split(path.sep).join('/') : relative);
  if (values.force !== true) {
    const existing = files.filter((file) => fs.existsSync(path.join(directory, file.relative)));
    if (existing.length > 0) throw new CliError(existing.map((file) => usageText(locale, 'initExists', { file: display(file.relative) })).join('\n'), false);
  }
  for (const file of files) {
    const absolute = path.join(directory, file.relative);
    try {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, file.text, 'utf8');
    } catch (error) {
      throw new CliError(usageText(locale, 'initUnwritable', { file: display(file.relative), reason: describeError(error) }), false);
    }
    host.stdout.write(usageText(locale, 'initWrote', { file: display(file.relative) }) + '\n');
  }
  if (files.some((file) => file.relative === GITLAB_INCLUDED_FILE)) {
    host.stdout.write(usageText(locale, 'initGitlabInclude', { file: GITLAB_INCLUDED_FILE }) + '\n');
  }
  return EXIT_OK;
}

function isDirectory(absolute: string): boolean {
  try {
    return fs.statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
