/**
 * Turning a finding into words: its message in a locale, from the rule's metadata, and the address
 * of the rule's documentation. Findings carry message ids and data, never text, so the editor and
 * the CLI can each render them in their own language.
 */
import { formatText, Locale, localize } from '../i18n/localized';
import { ruleById } from '../rules/registry';
import { ENGINE_MESSAGES } from './finding-cap';
import { redactData } from '../text/redact';

export const DOCS_BASE_URL = 'https://github.com/kube-checklist/kube-checklist/blob/main/docs/rules.md';

export function ruleDocsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}#${ruleId}`;
}

export function renderMessage(
  finding: { ruleId: string; messageId: string; data: Readonly<Record<string, string | number>> },
  locale: Locale,
): string {
  // Keyed by the data object: a finding moved along with its document (incremental analysis)
  // is a copy sharing its data, so a keystroke does not format thousands of messages again.
  if (typeof finding.data !== 'object' || finding.data === null) return formatMessage(finding, locale);
  let byKey = rendered.get(finding.data);
  if (!byKey) rendered.set(finding.data, (byKey = new Map()));
  const key = `${finding.ruleId}\u0000${finding.messageId}\u0000${locale}`;
  let message = byKey.get(key);
  if (message === undefined) byKey.set(key, (message = formatMessage(finding, locale)));
  return message;
}

function formatMessage(finding: { ruleId: string; messageId: string; data: Readonly<Record<string, string | number>> }, locale: Locale): string {
  const template = ruleById(finding.ruleId)?.messages[finding.messageId] ?? ENGINE_MESSAGES[finding.messageId];
  return template ? formatText(localize(template, locale), redactData(finding.data)) : `${finding.ruleId}: ${finding.messageId}`;
}

/** Rendered messages by data object; data objects are never changed once a finding holds them. */
const rendered = new WeakMap<object, Map<string, string>>();
