/**
 * Titles of fixes, in both languages. Rules name a title by id with data (the field, the value);
 * the editor shows it in the lightbulb menu.
 */
import { formatText, Locale, Localized, localize } from '../i18n/localized';
import type { FixTitle } from './types';

export const FIX_TITLES: Readonly<Record<string, Localized>> = {
  set: { en: 'Set {{field}} to {{value}}', 'zh-cn': '将 {{field}} 设为 {{value}}' },
  remove: { en: 'Remove {{field}}', 'zh-cn': '删除 {{field}}' },
  removeItem: { en: 'Remove "{{value}}" from {{field}}', 'zh-cn': '从 {{field}} 中删除 "{{value}}"' },
  append: { en: 'Add "{{value}}" to {{field}}', 'zh-cn': '在 {{field}} 中加入 "{{value}}"' },
  newDefaultDeny: {
    en: 'Create a default-deny NetworkPolicy for namespace "{{namespace}}" in a new file ({{file}})',
    'zh-cn': '为名字空间 "{{namespace}}" 新建默认拒绝的 NetworkPolicy（新文件 {{file}}）',
  },
  newDefaultDenyDirection: {
    en: 'Create a NetworkPolicy denying {{direction}} by default in namespace "{{namespace}}" in a new file ({{file}})',
    'zh-cn': '为名字空间 "{{namespace}}" 新建默认拒绝 {{direction}} 的 NetworkPolicy（新文件 {{file}}）',
  },
  readOnlyRoot: {
    en: 'Harden: make the root filesystem of container "{{container}}" read-only',
    'zh-cn': '加固：将容器 "{{container}}" 的根文件系统设为只读',
  },
  dropAll: { en: 'Drop ALL capabilities in container "{{container}}"', 'zh-cn': '在容器 "{{container}}" 中 drop 全部（ALL）capabilities' },
};

export function renderFixTitle(title: FixTitle, locale: Locale): string {
  const template = FIX_TITLES[title.id];
  return template ? formatText(localize(template, locale), title.data) : title.id;
}
