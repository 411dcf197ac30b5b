/**
 * Turning a finding into words: its message in a locale, from the rule's metadata, and the address
 * of the rule's documentation. Findings carry message ids and data, never text, so the editor and
 * the CLI can each render them in their own language.
 */
import { formatText, Locale, localize } from '../i18n/localized';
import { ruleById } from '../rules/registry';

export const DOCS_BASE_URL = 'https://github.com/kube-checklist/kube-checklist/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId}`;
}

export function renderMessage(
  finding: { ruleId: string; messageId: string; data: Readonly<Record<string, string | number>> },
  locale: Locale,
): string {
  const template = ruleById(finding.ruleId)?.messages[finding.messageId];
  if (!template) return `${finding.ruleId}: ${finding.messageId}`;
  return formatText(localize(template, locale), finding.data);
}
