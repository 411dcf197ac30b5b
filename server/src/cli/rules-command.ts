/**
 * `kube-checklist rules`: every rule of the registry, as a table, JSON or the Markdown reference.
 */
import { Locale, RULES } from '../core';
import { oneOf, OptionSpecs, parseCommandArgs } from './args';
import { EXIT_OK } from './errors';
import { helpText } from './help';
import type { Host } from './host';
import { parseLangOption } from './locale';
import { RULES_FORMATS, RULES_FORMATTERS } from '../report/rules-format';
import { cliVersion } from '../report/version';

const OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export function runRules(argv: readonly string[], host: Host, envLocale: Locale): number {
  const { values } = parseCommandArgs(argv, OPTIONS, false, envLocale);
  if (values.help) {
    host.stdout.write(helpText('rules', envLocale, cliVersion()));
    return EXIT_OK;
  }
  const locale = typeof values.lang === 'string' ? parseLangOption(values.lang, envLocale) : envLocale;
  const format = oneOf(String(values.format ?? 'text'), RULES_FORMATS, '--format', locale);
  host.stdout.write(RULES_FORMATTERS[format](RULES, locale));
  return EXIT_OK;
}
