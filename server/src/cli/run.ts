/**
 * The command dispatcher: the first argument names the command (`audit`, `rules`, `init`, `merge`, `mcp`, `help`) or asks
 * for help or the version; the rest belongs to the command. Usage and I/O errors raised as
 * `CliError` become `error:` lines on standard error and exit status 2. Returns the exit status
 * (a promise: rendering runs the renderers asynchronously) and never exits the process itself.
 */
import { Locale } from '../core';
import { runAudit } from './audit-command';
import { usageText, usageTextSuggesting } from './cli-messages';
import { useColor } from './color';
import { palette } from '../report/palette';
import { CliError, EXIT_ERROR, EXIT_OK } from './errors';
import { HELP_TOPICS, HelpTopic, helpText } from './help';
import type { Host } from './host';
import { localeFromEnv } from './locale';
import { runInit } from './init-command';
import { runRules } from './rules-command';
import { runMerge } from './merge-command';
import { serveMcp } from '../mcp/mcp-server';
import { cliVersion } from '../report/version';
import { errorLine } from './warnings';
import { InputError } from '../host/errors';

export async function runCli(argv: readonly string[], host: Host): Promise<number> {
  const locale = localeFromEnv(host.env);
  try {
    return await dispatch(argv, host, locale);
  } catch (error) {
    if (!(error instanceof CliError) && !(error instanceof InputError)) throw error;
    const colors = palette(useColor(host.stderr, host.env, argv.includes('--no-color')));
    for (const line of error.message.split('\n')) host.stderr.write(errorLine(colors, line));
    if (error instanceof CliError && error.usage) host.stderr.write(usageText(locale, 'runHelp') + '\n');
    return EXIT_ERROR;
  }
}

function dispatch(argv: readonly string[], host: Host, locale: Locale): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'audit':
      return runAudit(rest, host, locale);
    case 'rules':
      return runRules(rest, host, locale);
    case 'init':
      return runInit(rest, host, locale);
    case 'merge':
      return runMerge(rest, host, locale);
    case 'mcp':
      if (rest.length > 0) throw new CliError(usageText(locale, 'unexpectedArgument', { argument: rest[0] }), true);
      return serveMcp(locale, host.cwd).then(() => EXIT_OK);
    case 'help':
    case '--help':
    case '-h':
      return help(rest, host, locale);
    case '--version':
      if (rest.length > 0) throw new CliError(usageText(locale, 'unexpectedArgument', { argument: rest[0] }), true);
      host.stdout.write(`${cliVersion()}\n`);
      return EXIT_OK;
    case undefined:
      host.stderr.write(helpText('main', locale, cliVersion()));
      return EXIT_ERROR;
    default:
      throw new CliError(
        command.startsWith('-')
          ? usageTextSuggesting(locale, 'unknownOption', { option: command }, command, ['--help', '--version'])
          : usageTextSuggesting(locale, 'unknownCommand', { command }, command, [...HELP_TOPICS.filter((topic) => topic !== 'main'), 'mcp']),
        true,
      );
  }
}

function help(rest: readonly string[], host: Host, locale: Locale): number {
  const [topic, extra] = rest;
  if (extra !== undefined) throw new CliError(usageText(locale, 'unexpectedArgument', { argument: extra }), true);
  if (topic !== undefined && (topic === 'main' || !HELP_TOPICS.includes(topic as HelpTopic))) {
    throw new CliError(usageTextSuggesting(locale, 'unknownCommand', { command: topic }, topic, HELP_TOPICS.filter((name) => name !== 'main')), true);
  }
  host.stdout.write(helpText((topic as HelpTopic | undefined) ?? 'main', locale, cliVersion()));
  return EXIT_OK;
}
