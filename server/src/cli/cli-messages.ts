/**
 * The CLI's own sentences: usage errors and the hint that follows them, in English and Simplified
 * Chinese. Report and reading sentences are in report/messages.ts; finding messages and rule docs
 * come from the rule metadata in the core.
 */
import { closestMatch, formatText, Locale, localize, Localized } from '../core';

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
  newerVersion: {
    en: "--k8s-version {{value}} is newer than the newest version this build knows ({{newest}}): use latest or {{newest}}",
    'zh-cn': "--k8s-version {{value}} 比本版本所知的最新版本（{{newest}}）还新：请使用 latest 或 {{newest}}",
  },
  quietConflict: {
    en: '--quiet prints errors only; it cannot be combined with --min-severity {{severity}}',
    'zh-cn': '--quiet 只输出错误，不能与 --min-severity {{severity}} 同时使用',
  },
  didYouMean: { en: "{{text}} (did you mean '{{suggestion}}'?)", 'zh-cn': "{{text}}（是否想输入 '{{suggestion}}'？）" },
  formatNotYet: {
    en: '--format {{format}} is not available yet in this version; use {{available}}',
    'zh-cn': '此版本尚不支持 --format {{format}}，请使用 {{available}}',
  },
  initExists: {
    en: '{{file}} exists already: init does not overwrite it (--force does)',
    'zh-cn': '{{file}} 已存在：init 不会覆盖它（使用 --force 可覆盖）',
  },
  initNoDirectory: { en: '--dir {{dir}}: no such folder', 'zh-cn': '--dir {{dir}}：目录不存在' },
  initUnwritable: { en: 'cannot write {{file}}: {{reason}}', 'zh-cn': '无法写入 {{file}}：{{reason}}' },
  initWrote: { en: 'wrote {{file}}', 'zh-cn': '已写入 {{file}}' },
  initGitlabInclude: {
    en: ".gitlab-ci.yml exists, so the job is in {{file}}: add it to .gitlab-ci.yml with\n  include:\n    - local: {{file}}",
    'zh-cn': ".gitlab-ci.yml 已存在，因此作业写在 {{file}} 中：请在 .gitlab-ci.yml 中加入\n  include:\n    - local: {{file}}",
  },
  mergeNotOurs: {
    en: '{{file}} is not a JSON report of kube-checklist audit --format json (of this version)',
    'zh-cn': '{{file}} 不是 kube-checklist audit --format json（本版本）生成的 JSON 报告',
  },
  mergeMixed: {
    en: '{{file}} and {{other}} come from different runs (tool version, language, level, Kubernetes version or rules differ)',
    'zh-cn': '{{file}} 与 {{other}} 来自不同的运行（工具版本、语言、级别、Kubernetes 版本或规则不同）',
  },
  mergeShardCount: { en: '{{file}} and {{other}} were split into different numbers of shards', 'zh-cn': '{{file}} 与 {{other}} 的分片总数不同' },
  mergeShardMissing: { en: 'shard {{shard}} is missing', 'zh-cn': '缺少分片 {{shard}}' },
  mergeShardTwice: { en: 'shard {{shard}} is given twice ({{other}} and {{file}})', 'zh-cn': '分片 {{shard}} 重复给出（{{other}} 和 {{file}}）' },
  mergeNoInputs: { en: 'merge needs the JSON reports of the shards', 'zh-cn': 'merge 需要各分片的 JSON 报告' },
  mergeUnreadable: { en: 'cannot read {{file}}: {{reason}}', 'zh-cn': '无法读取 {{file}}：{{reason}}' },
  badShard: { en: "invalid value '{{value}}' for --shard: expected I/N with 1 <= I <= N", 'zh-cn': "--shard 的值 '{{value}}' 无效，应为 I/N，且 1 <= I <= N" },
  upgradeNeedsBoth: { en: '--upgrade-from and --upgrade-to go together', 'zh-cn': '--upgrade-from 和 --upgrade-to 必须同时给出' },
  upgradeFormat: { en: 'the upgrade preview is written as text, json or markdown, not {{format}}', 'zh-cn': '升级预览只能输出为 text、json 或 markdown，不支持 {{format}}' },
} satisfies Record<string, Localized>;

export type UsageMessageKey = keyof typeof MESSAGES;

/** A usage sentence in a locale, with `{{placeholders}}` filled. */
export function usageText(locale: Locale, key: UsageMessageKey, data: Record<string, string | number> = {}): string {
  return formatText(localize(MESSAGES[key], locale), data);
}

/** A usage sentence about a mistyped name, with the closest known name suggested when one is close. */
export function usageTextSuggesting(locale: Locale, key: UsageMessageKey, data: Record<string, string>, typed: string, known: Iterable<string>): string {
  const text = usageText(locale, key, data);
  const suggestion = closestMatch(typed, known);
  return suggestion === undefined ? text : usageText(locale, 'didYouMean', { text, suggestion });
}
