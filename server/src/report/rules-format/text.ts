/**
 * `rules --format text`: one row per rule (id, default severity, Pod Security Standards level and
 * first version, checklist items, title), columns aligned by display width so that Chinese
 * headers and titles line up in a terminal.
 */
import { Locale, localize, Rule } from '../../core';
import { versionLabel } from './labels';

const HEADERS: Record<Locale, readonly string[]> = {
  en: ['RULE', 'SEVERITY', 'PSS', 'CHECKLIST', 'TITLE'],
  'zh-cn': ['规则', '严重级别', 'PSS', '检查清单项', '标题'],
};

export function formatRulesText(rules: readonly Rule[], locale: Locale): string {
  const rows = rules.map((rule) => [
    rule.id,
    rule.enabledByDefault ? rule.defaultSeverity : `${rule.defaultSeverity} (off)`,
    rule.pss ? `${rule.pss.level} ${versionLabel(rule.pss.since)}+` : '-',
    rule.checklist.join(','),
    localize(rule.docs.title, locale),
  ]);
  const table = [HEADERS[locale], ...rows];
  const widths = HEADERS[locale].map((_, column) => Math.max(...table.map((row) => displayWidth(row[column]))));
  return (
    table
      .map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(widths[column] - displayWidth(cell)))).join('  '))
      .join('\n') + '\n'
  );
}

/** Columns a terminal gives the text: two for East Asian wide and full-width characters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1faff) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
