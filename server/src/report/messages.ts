/**
 * Every sentence of the reports and of reading (warnings about files, the summary line, related
 * places), in English and Simplified Chinese, shared by the CLI and the server; the CLI's own
 * usage errors are in cli/cli-messages.ts. Finding messages and rule docs come from the rule metadata in the
 * core, not from here. The machine-read words stay English in both languages: `warning:` and
 * `error:` prefixes, severities, rule ids and option names, so that problem matchers and scripts
 * keep working whatever the locale.
 */
import { formatText, Locale, localize, Localized, Severity } from '../core';

const MESSAGES = {
  pathNotFound: { en: '{{path}}: no such file or directory', 'zh-cn': '{{path}}：文件或目录不存在' },
  pathInaccessible: { en: '{{path}}: cannot access: {{reason}}', 'zh-cn': '{{path}}：无法访问：{{reason}}' },
  skippedDocument: { en: 'skipped document: {{detail}}', 'zh-cn': '已跳过文档：{{detail}}' },
  skippedTooLarge: { en: 'skipped file: larger than {{limit}}', 'zh-cn': '已跳过文件：大于 {{limit}}' },
  skippedBinary: { en: 'skipped file: not a text file', 'zh-cn': '已跳过文件：不是文本文件' },
  unreadableFile: { en: 'cannot read file: {{reason}}', 'zh-cn': '无法读取文件：{{reason}}' },
  unreadableDirectory: { en: 'cannot read directory: {{reason}}', 'zh-cn': '无法读取目录：{{reason}}' },
  brokenLink: { en: 'skipped symbolic link: {{reason}}', 'zh-cn': '已跳过符号链接：{{reason}}' },
  configUnreadable: { en: 'cannot read the configuration {{file}}: {{reason}}', 'zh-cn': '无法读取配置文件 {{file}}：{{reason}}' },
  configInvalid: { en: 'the configuration {{file}} has problems; nothing was checked:', 'zh-cn': '配置文件 {{file}} 有问题，未做任何检查：' },
  suppressionExpired: {
    en: 'suppression #{{index}} ({{rule}}) expired on {{date}}: its findings are reported again',
    'zh-cn': '第 {{index}} 条抑制（{{rule}}）已于 {{date}} 过期：相应的问题重新报告',
  },
  suppressionUnused: {
    en: 'suppression #{{index}} ({{rule}}) matched no finding: remove it, or check its selectors',
    'zh-cn': '第 {{index}} 条抑制（{{rule}}）没有匹配任何问题：请删除它，或检查它的选择条件',
  },
  baselineGone: {
    en: '{{count}} baselined finding(s) no longer occur: --prune-baseline removes them from {{file}}',
    'zh-cn': '基线中有 {{count}} 个问题已不再出现：用 --prune-baseline 将其从 {{file}} 中删去',
  },
  baselinePruned: {
    en: 'removed {{count}} entry(ies) that no longer occur from the baseline {{file}}',
    'zh-cn': '已从基线 {{file}} 中删去 {{count}} 个不再出现的条目',
  },
  baselineWritten: {
    en: 'wrote {{count}} finding(s) to the baseline {{file}}',
    'zh-cn': '已将 {{count}} 个问题写入基线 {{file}}',
  },
  baselineUnreadable: { en: 'cannot read the baseline {{file}}: {{reason}}', 'zh-cn': '无法读取基线文件 {{file}}：{{reason}}' },
  baselinedSummary: {
    en: '{{count}} finding(s) hidden by the baseline {{file}} (only new findings are reported).',
    'zh-cn': '基线 {{file}} 隐藏了 {{count}} 个已知问题（只报告新问题）。',
  },
  byComment: { en: 'comment directive', 'zh-cn': '注释指令' },
  byAnnotation: { en: 'annotation', 'zh-cn': '注解' },
  noResources: {
    en: 'no Kubernetes resource was checked: nothing to judge (--allow-empty accepts this)',
    'zh-cn': '没有检查任何 Kubernetes 资源，无从判断（使用 --allow-empty 可接受这种情况）',
  },
  exceptionIgnored: {
    en: 'the {{by}} for {{rule}} is ignored: this configuration lets only .kube-checklist.yaml grant exceptions (exceptions: config-only)',
    'zh-cn': '已忽略针对 {{rule}} 的{{by}}：此配置只允许 .kube-checklist.yaml 授予例外（exceptions: config-only）',
  },
  renderFailed: { en: 'could not be rendered, so it was checked file by file: {{reason}}', 'zh-cn': '无法渲染，因此逐个文件检查：{{reason}}' },
  noKustomizeTool: {
    en: 'Kustomize overlays were checked file by file: neither kubectl nor kustomize is on PATH (--no-render hides this)',
    'zh-cn': 'Kustomize overlay 按单个文件检查：PATH 中没有 kubectl 或 kustomize（--no-render 可隐藏此提示）',
  },
  renderedOverlays: {
    en: 'rendered {{count}} Kustomize overlay(s); their findings are reported on the files the resources come from',
    'zh-cn': '已渲染 {{count}} 个 Kustomize overlay；其问题报告在资源所在的文件上',
  },
  helmTemplatesSkipped: {
    en: 'Helm chart: its templates/ are Go templates, not YAML, and were not checked (helm is not on PATH, or --no-render); audit the output of `helm template` to check them',
    'zh-cn': 'Helm chart：templates/ 中是 Go 模板而不是 YAML，未做检查（PATH 中没有 helm，或使用了 --no-render）；要检查它们，请审计 `helm template` 的输出',
  },
  relatedPlace: { en: 'related place', 'zh-cn': '相关位置' },
  workspaceRuleFailed: {
    en: 'rule {{rule}} failed on the audited files and reported nothing: {{message}}',
    'zh-cn': '规则 {{rule}} 在检查的文件上出错，未报告任何结果：{{message}}',
  },
  ruleFailed: {
    en: 'rule {{rule}} failed on this file and reported nothing: {{message}}',
    'zh-cn': '规则 {{rule}} 在此文件上出错，未报告任何结果：{{message}}',
  },
  noFiles: { en: 'no YAML or JSON files found', 'zh-cn': '没有找到 YAML 或 JSON 文件' },
  gitMissing: { en: '--changed-since needs git, and git was not found on PATH', 'zh-cn': '--changed-since 需要 git，但在 PATH 中找不到 git' },
  notGitRepository: { en: '--changed-since: {{path}} is not inside a git repository', 'zh-cn': '--changed-since：{{path}} 不在 git 仓库中' },
  gitBadRef: { en: "--changed-since: '{{ref}}' names no commit of this repository (fetch it first, e.g. git fetch origin main)", 'zh-cn': "--changed-since：'{{ref}}' 不是本仓库中的提交（请先获取它，例如 git fetch origin main）" },
  gitNoMergeBase: { en: "--changed-since: '{{ref}}' and HEAD have no common ancestor (a shallow clone? fetch more history)", 'zh-cn': "--changed-since：'{{ref}}' 与 HEAD 没有共同祖先（是浅克隆吗？请获取更多历史）" },
  gitFailed: { en: '--changed-since: git failed: {{reason}}', 'zh-cn': '--changed-since：git 执行失败：{{reason}}' },
  changedSummary: {
    en: '--changed-since {{ref}}: {{changed}} changed file(s) checked against the whole workspace of {{total}} file(s); reported: the changed files and the resources tied to them',
    'zh-cn': '--changed-since {{ref}}：在全部 {{total}} 个文件组成的工作区中检查了 {{changed}} 个变更文件；只报告变更的文件及与其相关联的资源',
  },
  suppressedTag: { en: 'suppressed', 'zh-cn': '已抑制' },
  suppressedSummary: {
    en: '{{count}} suppressed: {{breakdown}} (--show-suppressed lists them).',
    'zh-cn': '另有 {{count}} 个问题被抑制：{{breakdown}}（使用 --show-suppressed 列出）。',
  },
  suppressedByComment: { en: '{{count}} by comments', 'zh-cn': '注释 {{count}} 个' },
  suppressedByAnnotation: { en: '{{count}} by annotations', 'zh-cn': '注解 {{count}} 个' },
  suppressedByConfig: { en: '{{count}} by the configuration', 'zh-cn': '配置文件 {{count}} 个' },
  suppressedByBaseline: { en: '{{count}} by the baseline', 'zh-cn': '基线 {{count}} 个' },
  configurationsUsed: { en: 'Configuration: {{list}}.', 'zh-cn': '使用的配置：{{list}}。' },
  configurationUsed: { en: '{{file}} ({{level}} · {{version}})', 'zh-cn': '{{file}}（{{level}} · {{version}}）' },
  hiddenBelow: {
    en: '{{count}} below {{severity}} not shown (--min-severity); they still count for --fail-on.',
    'zh-cn': '另有 {{count}} 低于 {{severity}}，未显示（--min-severity）；它们仍计入 --fail-on。',
  },
  summaryNothing: {
    en: 'Nothing checked: no Kubernetes resource in {{files}}.',
    'zh-cn': '没有检查任何内容：{{files}}中没有 Kubernetes 资源。',
  },
  summaryNone: {
    en: 'No findings; {{resources}} checked in {{files}}.',
    'zh-cn': '没有发现问题；共检查了 {{files}}中的 {{resources}}。',
  },
  summary: {
    en: '{{findings}} ({{counts}}) in {{findingFiles}}; {{resources}} checked in {{files}}.',
    'zh-cn': '发现 {{findings}}（{{counts}}），位于 {{findingFiles}}中；共检查了 {{files}}中的 {{resources}}。',
  },
  upgradeTitle: { en: 'Pod Security {{level}}: upgrade from {{from}} to {{to}}', 'zh-cn': 'Pod 安全级别 {{level}}：从 {{from}} 升级到 {{to}}' },
  upgradeSummary: {
    en: '{{failing}} resource(s) pass at {{from}} and fail at {{to}}; {{passing}} fail at {{from}} and pass at {{to}}',
    'zh-cn': '{{failing}} 个资源在 {{from}} 通过、在 {{to}} 不通过；{{passing}} 个资源在 {{from}} 不通过、在 {{to}} 通过',
  },
  upgradeStartsFailing: { en: '{{resource}} passes {{level}} at {{from}} but fails at {{to}} ({{checks}})', 'zh-cn': '{{resource}} 在 {{from}} 满足 {{level}}，在 {{to}} 不再满足（{{checks}}）' },
  upgradeStartsPassing: { en: '{{resource}} fails {{level}} at {{from}} but passes at {{to}} ({{checks}})', 'zh-cn': '{{resource}} 在 {{from}} 不满足 {{level}}，在 {{to}} 满足（{{checks}}）' },
  upgradeNamespaceRejects: {
    en: 'Namespace "{{namespace}}" enforces {{nsLevel}} at latest: at {{to}} it would start rejecting {{count}} workload(s): {{resources}}',
    'zh-cn': '名字空间 "{{namespace}}" 以 latest 版本强制执行 {{nsLevel}}：到 {{to}} 时会开始拒绝 {{count}} 个工作负载：{{resources}}',
  },
  upgradeNote: { en: 'note:', 'zh-cn': '注意：' },
  upgradeHeadingFailing: { en: 'Would start failing', 'zh-cn': '将开始不通过' },
  upgradeHeadingNamespaces: { en: 'Namespaces that would start rejecting', 'zh-cn': '将开始拒绝的名字空间' },
  upgradeHeadingPassing: { en: 'Would start passing (note)', 'zh-cn': '将开始通过（注意）' },
  upgradeColumnWhere: { en: 'Where', 'zh-cn': '位置' },
  upgradeColumnWhat: { en: 'What changes', 'zh-cn': '变化' },
} satisfies Record<string, Localized>;

export type MessageKey = keyof typeof MESSAGES;

/** A CLI sentence in a locale, with `{{placeholders}}` filled. */
export function t(locale: Locale, key: MessageKey, data: Record<string, string | number> = {}): string {
  return formatText(localize(MESSAGES[key], locale), data);
}

type Noun = 'finding' | 'resource' | 'file' | Severity;

const NOUNS: Record<Noun, { en: [string, string]; 'zh-cn': string }> = {
  finding: { en: ['finding', 'findings'], 'zh-cn': '个问题' },
  resource: { en: ['resource', 'resources'], 'zh-cn': '个资源' },
  file: { en: ['file', 'files'], 'zh-cn': '个文件' },
  error: { en: ['error', 'errors'], 'zh-cn': '个错误' },
  warning: { en: ['warning', 'warnings'], 'zh-cn': '个警告' },
  info: { en: ['info', 'info'], 'zh-cn': '个提示' },
  hint: { en: ['hint', 'hints'], 'zh-cn': '个建议' },
};

/** `1 file`, `3 files`, `3 个文件`. */
export function count(locale: Locale, n: number, noun: Noun): string {
  if (locale === 'zh-cn') return `${n} ${NOUNS[noun]['zh-cn']}`;
  const [one, many] = NOUNS[noun].en;
  return `${n} ${n === 1 ? one : many}`;
}

/** The separator between items of a list in a sentence. */
export function listSeparator(locale: Locale): string {
  return locale === 'zh-cn' ? '，' : ', ';
}
