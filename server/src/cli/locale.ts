/**
 * Which language the CLI speaks: `--lang` when given, else the POSIX locale variables in their
 * order of precedence (LC_ALL, LC_MESSAGES, LANG), mapped by the core's `pickLocale`; English when
 * none says Chinese.
 */
import { Locale, pickLocale } from '../core';
import { usageText } from './cli-messages';
import { CliError } from './errors';

export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return pickLocale(tag);
}

/** `--lang` accepts `en`, `en-*` and the Chinese tags that `pickLocale` maps to `zh-cn`. */
export function parseLangOption(value: string, current: Locale): Locale {
  const lowered = value.toLowerCase();
  if (lowered === 'en' || lowered.startsWith('en-') || lowered.startsWith('en_')) return 'en';
  if (pickLocale(lowered) === 'zh-cn') return 'zh-cn';
  throw new CliError(usageText(current, 'badValue', { value, option: '--lang', expected: 'en|zh-cn' }), true);
}
