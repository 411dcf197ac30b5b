/**
 * `kube-checklist merge SHARD.json... [--format F] [--fail-on S]`: the JSON reports of
 * `audit --shard I/N` joined (report/shard-report.ts) and written by the audit's own formatters, with
 * the audit's exit statuses: 1 for findings at or above --fail-on, 2 when an input cannot be read or
 * is not ours, when shards are missing, repeated or of different runs. The language of the output is
 * the shards' (their warnings and related places are already worded in it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { describeError } from '../host/errors';
import { AUDIT_FORMATS, AUDIT_FORMATTERS } from '../report/audit-format';
import { t } from '../report/messages';
import { palette } from '../report/palette';
import { checkShards, kubernetesVersionOptionOf, localeOf, mergeShardReports, readShardReport, ShardReport } from '../report/shard-report';
import { oneOf, OptionSpecs, parseCommandArgs } from './args';
import { exitStatus, FailOn } from './audit-command';
import { usageText } from './cli-messages';
import { useColor } from './color';
import { CliError, EXIT_ERROR, EXIT_OK } from './errors';
import { helpText } from './help';
import type { Host } from './host';
import { cliVersion } from '../report/version';
import { warningsTo } from './warnings';

const OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  'fail-on': { type: 'string' },
  'no-color': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'allow-empty': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

export function runMerge(argv: readonly string[], host: Host, envLocale: Locale): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true, envLocale);
  if (values.help) {
    host.stdout.write(helpText('merge', envLocale, cliVersion()));
    return EXIT_OK;
  }
  const format = oneOf(String(values.format ?? 'text'), AUDIT_FORMATS, '--format', envLocale);
  const failOn = oneOf(String(values['fail-on'] ?? 'error'), FAIL_ON, '--fail-on', envLocale);
  const shards: ShardReport[] = [];
  for (const name of positionals) {
    let text: string;
    try {
      text = fs.readFileSync(path.resolve(host.cwd, name), 'utf8');
    } catch (error) {
      throw new CliError(usageText(envLocale, 'mergeUnreadable', { file: name, reason: describeError(error) }), false);
    }
    const read = readShardReport(text, name);
    if ('problem' in read) throw new CliError(usageText(envLocale, read.problem, read.data), false);
    shards.push(read);
  }
  const problem = checkShards(shards);
  if (problem) throw new CliError(usageText(envLocale, problem.problem, problem.data), problem.problem === 'mergeNoInputs');
  const locale = localeOf(shards) ?? envLocale;
  let report = mergeShardReports(shards);
  // As audit does: nothing checked anywhere is no pass.
  const empty = report.totals.resources === 0 && report.totals.findings === 0 && report.totals.suppressed === 0;
  if (empty && values['allow-empty'] !== true) {
    const text = t(locale, 'noResources');
    warningsTo(host.stderr, palette(useColor(host.stderr, host.env, values['no-color'] === true)))(text);
    report = { ...report, notifications: [...report.notifications, { text }] };
  }
  host.stdout.write(
    AUDIT_FORMATTERS[format]!(report, {
      locale,
      colors: palette(useColor(host.stdout, host.env, values['no-color'] === true)),
      showSuppressed: values['show-suppressed'] === true,
      cwd: host.cwd,
      kubernetesVersion: kubernetesVersionOptionOf(shards),
    }),
  );
  if (empty && values['allow-empty'] !== true) return EXIT_ERROR;
  return exitStatus(report, failOn);
}
