/**
 * Hover text as Markdown, from rule metadata only: for a finding, what is wrong here, why it matters
 * (the checklist item and its section, the Pod Security level and version), how to fix it, whether
 * the fix can change behaviour, and links; for a plain field, its explanation.
 */
import { checklistItemById, checklistItemUrl, checklistSectionById } from '../checklist/items';
import type { Finding } from '../engine/analyze';
import { renderMessage, ruleDocsUrl } from '../engine/messages';
import { Locale, localize } from '../i18n/localized';
import { ruleById } from '../rules/registry';
import type { PropertyPath } from '../model/values';
import { fieldExplanation } from './field-docs';

const LABELS = {
  why: { en: 'Why it matters', 'zh-cn': '为什么重要' },
  fix: { en: 'How to fix', 'zh-cn': '如何修复' },
  safety: { en: 'Fix safety', 'zh-cn': '修复的影响' },
  checklist: { en: 'Checklist', 'zh-cn': '检查清单' },
  pss: { en: 'Pod Security Standards: {{level}}, from v1.{{since}}', 'zh-cn': 'Pod 安全标准：{{level}}，自 v1.{{since}} 起' },
  docs: { en: 'Rule documentation', 'zh-cn': '规则文档' },
  k8s: { en: 'Kubernetes documentation', 'zh-cn': 'Kubernetes 文档' },
} as const;

export function findingHoverMarkdown(finding: Finding, locale: Locale): string {
  const rule = ruleById(finding.ruleId);
  if (!rule) return renderMessage(finding, locale);
  const t = (text: { en: string; 'zh-cn': string }) => localize(text, locale);
  const lines = [`**${t(rule.docs.title)}** · \`${rule.id}\``, '', escapeMarkdown(renderMessage(finding, locale)), ''];
  lines.push(`**${t(LABELS.why)}.** ${t(rule.docs.why)}`, '');
  const items = rule.checklist
    .map((id) => {
      const item = checklistItemById(id);
      if (!item) return undefined;
      const section = checklistSectionById(item.section);
      return `[${t(item.summary)}](${checklistItemUrl(id, locale)})${section ? ` (${t(section.title)})` : ''}`;
    })
    .filter((line): line is string => !!line);
  if (items.length) lines.push(`**${t(LABELS.checklist)}:** ${items.join('; ')}`, '');
  if (rule.pss) {
    lines.push(t(LABELS.pss).replace('{{level}}', rule.pss.level).replace('{{since}}', String(rule.pss.since)), '');
  }
  lines.push(`**${t(LABELS.fix)}.** ${t(rule.docs.remediation)}`, '');
  lines.push(`**${t(LABELS.safety)}.** ${t(rule.docs.fixSafety)}`, '');
  const links = [`[${t(LABELS.docs)}](${ruleDocsUrl(rule.id)})`];
  if (rule.docs.references[0]) links.push(`[${t(LABELS.k8s)}](${rule.docs.references[0]})`);
  lines.push(links.join(' · '));
  return lines.join('\n');
}

export function fieldHoverMarkdown(path: PropertyPath, locale: Locale): string | undefined {
  const explanation = fieldExplanation(path);
  if (!explanation) return undefined;
  return `**${explanation.field}** · kube-checklist\n\n${localize(explanation.text, locale)}`;
}

/** Messages quote user text (names, values): keep it from turning into Markdown. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}
