/**
 * Command-line parsing on top of node's `util.parseArgs`: options of one command, in strict mode,
 * with its error codes turned into localized usage errors, and checks that a value is one of a
 * closed set. Nothing here knows what the options mean.
 */
import { parseArgs, ParseArgsConfig } from 'node:util';
import type { Locale } from '../core';
import { usageText, usageTextSuggesting } from './cli-messages';
import { CliError } from './errors';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

export function parseCommandArgs(argv: readonly string[], options: OptionSpecs, allowPositionals: boolean, locale: Locale): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw usageErrorFrom(error, locale, optionNames(options));
  }
}

/** `--name` and `-x` of each option, for suggestions. */
export function optionNames(options: OptionSpecs): string[] {
  return Object.entries(options).flatMap(([name, spec]) => [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])]);
}

function usageErrorFrom(error: unknown, locale: Locale, known: readonly string[]): Error {
  const code = (error as NodeJS.ErrnoException).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^' ]+)/.exec(message)?.[1] ?? message;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(usageTextSuggesting(locale, 'unknownOption', { option: quoted }, quoted.split('=')[0], known.filter((name) => name.startsWith('--'))), true);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(usageText(locale, 'unexpectedArgument', { argument: quoted }), true);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return new CliError(usageText(locale, /does not take/.test(message) ? 'noValueAllowed' : 'missingValue', { option: quoted }), true);
    default:
      return error instanceof Error ? error : new Error(message);
  }
}

/** The value if it is one of `allowed` (compared in lower case), else a usage error. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string, locale: Locale): T {
  const lowered = value.toLowerCase() as T;
  if (allowed.includes(lowered)) return lowered;
  throw new CliError(usageText(locale, 'badValue', { value, option, expected: allowed.join('|') }), true);
}
