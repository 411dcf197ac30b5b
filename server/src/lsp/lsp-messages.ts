/**
 * Words the server adds around findings: code action titles, notices and the answers of the tool
 * requests (tool-requests.ts), in both languages.
 */
import { formatText, Locale, Localized, localize } from '../core';

const MESSAGES = {
  ignoreResource: { en: 'Ignore {{ruleId}} for this resource (annotation)', 'zh-cn': '对该资源忽略 {{ruleId}}（注解）' },
  disableLine: { en: 'Disable {{ruleId}} for this line (comment)', 'zh-cn': '对这一行禁用 {{ruleId}}（注释）' },
  showDocs: { en: 'Show documentation for {{ruleId}}', 'zh-cn': '查看 {{ruleId}} 的文档' },
  fixAll: { en: 'Fix all safe kube-checklist problems', 'zh-cn': '修复所有可安全修复的 kube-checklist 问题' },
  meetLevel: { en: 'Make "{{name}}" meet the {{level}} Pod Security Standard: {{changes}}', 'zh-cn': '让 "{{name}}" 满足 {{level}} 级别的 Pod 安全标准：{{changes}}' },
  meetLevelBehaviour: {
    en: 'Make "{{name}}" meet the {{level}} Pod Security Standard, changing how it runs: {{changes}}',
    'zh-cn': '让 "{{name}}" 满足 {{level}} 级别的 Pod 安全标准（会改变其运行方式）：{{changes}}',
  },
  meetLevelPartly: {
    en: 'Partly fix "{{name}}" for the {{level}} Pod Security Standard: {{changes}}; still to change by hand: {{rules}}',
    'zh-cn': '部分修复 "{{name}}" 以接近 {{level}} 级别的 Pod 安全标准：{{changes}}；仍需手动修改：{{rules}}',
  },
  andMore: { en: '{{shown}} and {{count}} more', 'zh-cn': '{{shown}} 等另外 {{count}} 项' },
  reasonPlaceholder: { en: 'TODO: say why this is acceptable', 'zh-cn': 'TODO：说明为什么可以接受' },
  suppressionExpired: {
    en: 'This suppression of {{rule}} expired on {{date}}: its findings are reported again.',
    'zh-cn': '这条针对 {{rule}} 的抑制已于 {{date}} 过期：相应的问题重新报告。',
  },
  tooLargeToCheck: {
    en: 'kube-checklist: {{file}} is larger than {{limit}} and is not checked (the limit is the kubeChecklist.maxFileSizeMB setting).',
    'zh-cn': 'kube-checklist：{{file}} 大于 {{limit}}，不做检查（上限由 kubeChecklist.maxFileSizeMB 设置决定）。',
  },
  unknownRule: {
    en: 'kube-checklist has no rule "{{ruleId}}". Its rules are: {{ids}}.',
    'zh-cn': 'kube-checklist 没有名为 "{{ruleId}}" 的规则。现有规则为：{{ids}}。',
  },
  nothingToFix: { en: 'kube-checklist: nothing to fix safely in this file.', 'zh-cn': 'kube-checklist：该文件中没有可以安全自动修复的问题。' },
} satisfies Record<string, Localized>;

export type LspMessageId = keyof typeof MESSAGES;

export function lspMessage(id: LspMessageId, locale: Locale, data: Record<string, string> = {}): string {
  return formatText(localize(MESSAGES[id], locale), data);
}
