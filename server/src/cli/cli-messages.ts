/**
 * The CLI's own sentences: usage errors and the hint that follows them, in English and Simplified
 * Chinese. Report and reading sentences are in report/messages.ts; finding messages and rule docs
 * come from the rule metadata in the core.
 */
import { formatText, Locale, localize, Localized } from '../core';

const MESSAGES = {
  runHelp: { en: "Run 'kube-checklist help' for usage.", 'zh-cn': "运行 'kube-checklist help' 查看用法。" },
  unknownCommand: { en: "unknown command '{{command}}'", 'zh-cn': "未知命令 '{{command}}'" },
  missingCommand: { en: 'missing command', 'zh-cn': '缺少命令' },
  unknownOption: { en: "unknown option '{{option}}'", 'zh-cn': "未知选项 '{{option}}'" },
  missingValue: { en: "option '{{option}}' needs a value", 'zh-cn': "选项 '{{option}}' 需要一个值" },
  noValueAllowed: { en: "option '{{option}}' does not take a value", 'zh-cn': "选项 '{{option}}' 不接受值" },
  unexpectedArgument: { en: "unexpected argument '{{argument}}'", 'zh-cn': "多余的参数 '{{argument}}'" },
  badValue: {
    en: "invalid value '{{value}}' for {{option}}: expected {{expected}}",
    'zh-cn': "{{option}} 的值 '{{value}}' 无效，应为 {{expected}}",
  },
  unknownRuleOption: {
    en: "{{option}} {{rule}}: no such rule ('kube-checklist rules' lists them)",
    'zh-cn': "{{option}} {{rule}}：没有这条规则（'kube-checklist rules' 列出所有规则）",
  },
  formatNotYet: {
    en: '--format {{format}} is not available yet in this version; use {{available}}',
    'zh-cn': '此版本尚不支持 --format {{format}}，请使用 {{available}}',
  },
  upgradeNeedsBoth: { en: '--upgrade-from and --upgrade-to go together', 'zh-cn': '--upgrade-from 和 --upgrade-to 必须同时给出' },
  upgradeFormat: { en: 'the upgrade preview is written as text, json or markdown, not {{format}}', 'zh-cn': '升级预览只能输出为 text、json 或 markdown，不支持 {{format}}' },
} satisfies Record<string, Localized>;

export type UsageMessageKey = keyof typeof MESSAGES;

/** A usage sentence in a locale, with `{{placeholders}}` filled. */
export function usageText(locale: Locale, key: UsageMessageKey, data: Record<string, string | number> = {}): string {
  return formatText(localize(MESSAGES[key], locale), data);
}
