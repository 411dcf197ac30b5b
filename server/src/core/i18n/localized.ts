/**
 * Locales and localized text. Every user-facing string of the core is a `Localized` pair written
 * in English and Simplified Chinese; `pickLocale` maps an editor or shell locale to one of them and
 * `formatText` fills `{{placeholders}}` from a finding's data.
 */

export type Locale = 'en' | 'zh-cn';

export interface Localized {
  en: string;
  'zh-cn': string;
}

export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'zh-cn'];

/** Maps a BCP 47 tag (`zh-CN`, `zh-Hans`, `en-US`, `zh_CN.UTF-8`) to a locale we ship. */
export function pickLocale(tag: string | undefined | null): Locale {
  if (!tag) return 'en';
  const normalized = tag.toLowerCase().replace(/_/g, '-').split('.')[0];
  if (normalized === 'zh' || normalized === 'zh-cn' || normalized === 'zh-sg' || normalized.startsWith('zh-hans')) {
    return 'zh-cn';
  }
  return 'en';
}

export function localize(text: Localized, locale: Locale): string {
  return text[locale] ?? text.en;
}

/** Replaces `{{name}}` with `data[name]`; unknown placeholders stay visible so that a typo shows in tests. */
export function formatText(template: string, data: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}
