/**
 * The Markdown format: the checklist scorecard as a document a reviewer reads (in a pull request,
 * a wiki, a release checklist). A header says what was audited, under which policy, and how it
 * went; then the Kubernetes Security Checklist in the page's order, section by section, each item
 * with its status mark, its summary, and what backs the status: for a failed item the findings of
 * each rule with `file:line` links (relative to the working directory, like every path of the
 * report), for an item files cannot settle the guidance of what a person must verify. Then what
 * could not be checked, and a legend. Localized with --lang; untrusted text (messages, paths,
 * names, reasons) is escaped, and no source text is quoted.
 */
import {
  CHECKLIST_ITEMS,
  CHECKLIST_SECTIONS,
  CHECKLIST_URL,
  ChecklistItem,
  formatText,
  Locale,
  localize,
  Localized,
  renderMessage,
  Rule,
  ruleById,
  ruleDocsUrl,
  RULES,
} from '../../core';
import { checklistGuidance } from '../../core/checklist/guidance';
import type { AuditReport, ReportedFinding, SuppressedReport } from '../audit-report';
import { count, listSeparator } from '../messages';
import { STDIN_ARGUMENT, STDIN_DISPLAY } from '../paths';
import { evidenceLine } from '../evidence-labels';
import { ruleInputs, ScorecardEntry, ScorecardStatus, statusCounts } from '../scorecard';
import { cliVersion } from '../version';
import type { AuditFormatContext } from './format-types';
import { relativeUri } from './sarif';

/** Findings listed per rule under one item; the rest are counted. */
export const MAX_FINDINGS_PER_RULE = 20;
/** Warnings listed under "Not checked"; the rest are counted. */
export const MAX_NOTIFICATIONS = 100;
/** Kinds named in a `not-applicable` line. */
const MAX_KINDS = 8;

export const STATUS_MARKS: Readonly<Record<ScorecardStatus, string>> = {
  fail: '❌',
  pass: '✅',
  'not-applicable': '➖',
  'not-evaluated': '⏸️',
  manual: '✋',
};

const L = {
  title: { en: 'Kubernetes Security Checklist scorecard', 'zh-cn': 'Kubernetes 安全检查清单评分卡' },
  intro: {
    en: 'Kubernetes manifests checked by kube-checklist {{version}} against the [Kubernetes Security Checklist]({{url}}). Files cannot settle every item: those marked {{manual}} need a person, and the guidance under them says what to verify.',
    'zh-cn':
      '由 kube-checklist {{version}} 按照 [Kubernetes 安全检查清单]({{url}})检查的 Kubernetes 清单文件。并非每一项都能由文件判定：标有 {{manual}} 的项需要人工核查，其下的说明指出要核查什么。',
  },
  audited: { en: 'Audited', 'zh-cn': '检查对象' },
  auditedValue: { en: '{{resources}} in {{files}} under {{paths}}', 'zh-cn': '{{paths}} 下 {{files}}中的 {{resources}}' },
  policy: { en: 'Policy', 'zh-cn': '策略' },
  policyValue: {
    en: 'Pod Security Standards `{{level}}` level, Kubernetes {{version}}',
    'zh-cn': 'Pod 安全标准 `{{level}}` 级别，Kubernetes {{version}}',
  },
  latest: { en: '{{version}} (latest)', 'zh-cn': '{{version}}（latest）' },
  findings: { en: 'Findings', 'zh-cn': '问题' },
  noFindings: { en: 'none', 'zh-cn': '无' },
  findingsValue: { en: '{{findings}} ({{counts}}) in {{files}}', 'zh-cn': '{{files}}中的 {{findings}}（{{counts}}）' },
  suppressedValue: { en: '{{count}} suppressed with a reason', 'zh-cn': '另有 {{count}} 个已注明理由抑制' },
  checklist: { en: 'Checklist', 'zh-cn': '检查清单' },
  notChecked: { en: 'Not checked', 'zh-cn': '未检查的内容' },
  notCheckedValue: { en: '{{count}} (see the end)', 'zh-cn': '{{count}} 条警告（见文末）' },
  tool: { en: 'Tool', 'zh-cn': '工具' },
  statusFail: { en: 'Fail', 'zh-cn': '未通过' },
  statusPass: { en: 'Pass', 'zh-cn': '通过' },
  statusNotApplicable: { en: 'Not applicable', 'zh-cn': '不适用' },
  statusManual: { en: 'Verify by hand', 'zh-cn': '需人工核查' },
  statusNotEvaluated: { en: 'Not evaluated', 'zh-cn': '未评估' },
  notEvaluatedRulesOff: {
    en: 'the rules that check this item ({{rules}}) did not run: they are turned off, or left out with --rule / --disable.',
    'zh-cn': '检查此项的规则（{{rules}}）没有运行：它们已被关闭，或被 --rule / --disable 排除。',
  },
  legendNotEvaluated: {
    en: 'rules for the item exist, but none of them ran in this audit: no verdict.',
    'zh-cn': '存在检查该项的规则，但本次审计中都没有运行：没有结论。',
  },
  failLine: { en: '{{findings}} from {{rules}}.', 'zh-cn': '规则 {{rules}} 发现了 {{findings}}。' },
  passLine: { en: 'checked by {{rules}}, nothing found.', 'zh-cn': '由 {{rules}} 检查，未发现问题。' },
  suppressedNote: { en: ' {{count}} suppressed with a reason.', 'zh-cn': '另有 {{count}} 个已注明理由抑制。' },
  notApplicableKinds: {
    en: 'the audited files hold no {{kinds}}: nothing for {{rules}} to check.',
    'zh-cn': '所检查的文件中没有 {{kinds}}，{{rules}} 无从检查。',
  },
  controlPlane: {
    en: 'manifest of a control-plane component (kube-apiserver, kube-controller-manager, kube-scheduler, etcd, kubelet)',
    'zh-cn': '控制平面组件（kube-apiserver、kube-controller-manager、kube-scheduler、etcd、kubelet）的清单',
  },
  notApplicableAny: { en: 'the audited files hold no Kubernetes resource.', 'zh-cn': '所检查的文件中没有任何 Kubernetes 资源。' },
  reviewCurrent: { en: 'last review on {{date}} (reviews.access in .kube-checklist.yaml), within 24 months.', 'zh-cn': '上一次审查在 {{date}}（.kube-checklist.yaml 中的 reviews.access），未超过 24 个月。' },
  reviewStale: { en: 'last review on {{date}} (reviews.access in .kube-checklist.yaml) is more than 24 months ago: review access again and record the new date.', 'zh-cn': '上一次审查在 {{date}}（.kube-checklist.yaml 中的 reviews.access），已超过 24 个月：请重新审查访问权限并记录新的日期。' },
  manualByNature: { en: 'no manifest shows this; a person must check it.', 'zh-cn': '任何清单都无法说明这一项，需要由人来核查。' },
  manualNoRule: { en: 'no active rule checks this item in this run.', 'zh-cn': '本次运行中没有启用的规则检查这一项。' },
  toVerify: { en: 'To verify by hand:', 'zh-cn': '人工核查：' },
  alsoVerify: { en: 'Also verify by hand:', 'zh-cn': '另需人工核查：' },
  docs: { en: 'docs', 'zh-cn': '文档' },
  more: {
    en: '… and {{count}} more (the text and SARIF formats list them all)',
    'zh-cn': '……另有 {{count}} 个（text 和 SARIF 格式会全部列出）',
  },
  suppressedBy: { en: 'suppressed: {{reason}}', 'zh-cn': '已抑制：{{reason}}' },
  notCheckedIntro: {
    en: 'These files and documents could not be checked, so their findings are missing from this scorecard:',
    'zh-cn': '以下文件和文档无法检查，因此本评分卡中缺少它们的问题：',
  },
  moreWarnings: { en: '… and {{count}} more on standard error', 'zh-cn': '……另有 {{count}} 条，见标准错误输出' },
  legend: { en: 'Legend', 'zh-cn': '图例' },
  legendFail: {
    en: 'a rule that checks the item found something; the findings follow, by rule, with links to `file:line`.',
    'zh-cn': '检查该项的规则发现了问题；下面按规则列出问题，并链接到 `文件:行`。',
  },
  legendPass: {
    en: 'the rules that check the item looked at at least one resource and found nothing. A pass speaks for the audited files only, not for the cluster.',
    'zh-cn': '检查该项的规则至少检查了一个资源，且未发现问题。通过只代表所检查的文件，不代表集群。',
  },
  legendNotApplicable: {
    en: 'rules check the item, but none of the audited resources is of a kind they look at.',
    'zh-cn': '有规则检查该项，但所检查的资源中没有它们关注的类型。',
  },
  legendManual: {
    en: 'files cannot settle the item (or no active rule checks it): a person verifies it, as the guidance says.',
    'zh-cn': '该项无法由文件判定（或没有启用的规则检查它）：需要按照说明由人来核查。',
  },
  legendPartial: {
    en: 'Some items can be checked from files only in part; under them, "Also verify by hand" says what is left for a person.',
    'zh-cn': '有些项只能部分地由文件检查；这些项下的“另需人工核查”指出还需要人来核查的内容。',
  },
} satisfies Record<string, Localized>;

type LabelKey = keyof typeof L;

const STATUS_LABELS: Readonly<Record<ScorecardStatus, LabelKey>> = {
  fail: 'statusFail',
  pass: 'statusPass',
  'not-applicable': 'statusNotApplicable',
  'not-evaluated': 'statusNotEvaluated',
  manual: 'statusManual',
};

interface Located {
  readonly path: string;
  readonly entry: ReportedFinding;
  readonly reason?: string;
}

export function formatMarkdown(report: AuditReport, context: AuditFormatContext): string {
  const { locale } = context;
  const label = (key: LabelKey, data?: Record<string, string | number>): string => formatText(localize(L[key], locale), data);
  const byRule = findingsByRule(report, false);
  const suppressedByRule = findingsByRule(report, true);
  const kinds = new Set(report.files.flatMap((file) => file.kinds));
  const out: string[] = [`# ${label('title')}`, '', label('intro', { version: cliVersion(), url: checklistUrl(locale), manual: STATUS_MARKS.manual }), ''];
  out.push(...header(report, context, label));
  const entries = new Map(report.scorecard.map((entry) => [entry.item, entry]));
  for (const section of CHECKLIST_SECTIONS) {
    out.push('', `## ${localize(section.title, locale)}`);
    for (const item of CHECKLIST_ITEMS.filter((candidate) => candidate.section === section.id)) {
      const entry = entries.get(item.id);
      if (!entry) continue;
      out.push('', ...itemBlock(item, entry, { byRule, suppressedByRule, kinds, locale, label, showSuppressed: context.showSuppressed === true }));
    }
  }
  if (report.notifications.length > 0) {
    out.push('', `## ${label('notChecked')}`, '', label('notCheckedIntro'), '');
    for (const notification of report.notifications.slice(0, MAX_NOTIFICATIONS)) {
      let where = notification.file ?? '';
      if (where && notification.line !== undefined) where += `:${notification.line}:${notification.column ?? 1}`;
      out.push(`- ${where ? `${code(where)}${locale === 'zh-cn' ? '：' : ': '}` : ''}${escape(notification.text)}`);
    }
    const rest = report.notifications.length - MAX_NOTIFICATIONS;
    if (rest > 0) out.push(`- ${label('moreWarnings', { count: rest })}`);
  }
  const colon = locale === 'zh-cn' ? '：' : ': ';
  out.push(
    '',
    `## ${label('legend')}`,
    '',
    ...(['fail', 'pass', 'not-applicable', 'not-evaluated', 'manual'] as const).map(
      (status) => `- ${STATUS_MARKS[status]} **${label(STATUS_LABELS[status])}**${colon}${label(legendKey(status))}`,
    ),
    '',
    label('legendPartial'),
  );
  return out.join('\n') + '\n';
}

function legendKey(status: ScorecardStatus): LabelKey {
  switch (status) {
    case 'fail':
      return 'legendFail';
    case 'pass':
      return 'legendPass';
    case 'not-applicable':
      return 'legendNotApplicable';
    case 'not-evaluated':
      return 'legendNotEvaluated';
    case 'manual':
      return 'legendManual';
  }
}

type Label = (key: LabelKey, data?: Record<string, string | number>) => string;

function header(report: AuditReport, context: AuditFormatContext, label: Label): string[] {
  const { locale } = context;
  const { totals } = report;
  const colon = locale === 'zh-cn' ? '：' : ': ';
  const paths = (context.paths ?? []).map((argument) => code(argument === STDIN_ARGUMENT ? STDIN_DISPLAY : argument)).join(listSeparator(locale)) || code('.');
  const minor = `v1.${report.selection.minorVersion}`;
  const requested = context.kubernetesVersion ?? 'latest';
  const version = requested === 'latest' ? label('latest', { version: minor }) : minor;
  const lines = [
    `- **${label('audited')}**${colon}${label('auditedValue', { paths, resources: count(locale, totals.resources, 'resource'), files: count(locale, totals.files, 'file') })}`,
    `- **${label('policy')}**${colon}${label('policyValue', { level: report.selection.level, version })}`,
  ];
  let findings: string;
  if (totals.findings === 0) {
    findings = label('noFindings');
  } else {
    const shown = (['error', 'warning', 'info', 'hint'] as const).filter((severity) => totals.bySeverity[severity] > 0);
    findings = label('findingsValue', {
      findings: count(locale, totals.findings, 'finding'),
      counts: shown.map((severity) => count(locale, totals.bySeverity[severity], severity)).join(listSeparator(locale)),
      files: count(locale, totals.filesWithFindings, 'file'),
    });
  }
  if (totals.suppressed > 0) findings += `${listSeparator(locale)}${label('suppressedValue', { count: totals.suppressed })}`;
  lines.push(`- **${label('findings')}**${colon}${findings}`);
  const counts = statusCounts(report.scorecard);
  // "Not evaluated" is named only when some item is (rules turned off or left out).
  const shownStatuses = (['fail', 'pass', 'not-applicable', 'not-evaluated', 'manual'] as const).filter((status) => status !== 'not-evaluated' || counts[status] > 0);
  const statuses = shownStatuses.map((status) => `${STATUS_MARKS[status]} ${counts[status]} ${label(STATUS_LABELS[status])}`);
  lines.push(`- **${label('checklist')}**${colon}${statuses.join(' · ')}`);
  if (report.notifications.length > 0) {
    const warnings = locale === 'zh-cn' ? String(report.notifications.length) : `${report.notifications.length} ${report.notifications.length === 1 ? 'warning' : 'warnings'}`;
    lines.push(`- **${label('notChecked')}**${colon}${label('notCheckedValue', { count: warnings })}`);
  }
  lines.push(`- **${label('tool')}**${colon}kube-checklist ${cliVersion()}`);
  return lines;
}

interface ItemContext {
  readonly byRule: ReadonlyMap<string, readonly Located[]>;
  readonly suppressedByRule: ReadonlyMap<string, readonly Located[]>;
  readonly kinds: ReadonlySet<string>;
  readonly locale: Locale;
  readonly label: Label;
  readonly showSuppressed: boolean;
}

function itemBlock(item: ChecklistItem, entry: ScorecardEntry, context: ItemContext): string[] {
  const { locale, label } = context;
  const colon = locale === 'zh-cn' ? '：' : ': ';
  const rules = entry.rules.map((id) => ruleById(id)).filter((rule): rule is Rule => rule !== undefined);
  const ruleList = joinWords(
    rules.map((rule) => `\`${rule.id}\``),
    locale,
  );
  let detail: string;
  switch (entry.status) {
    case 'fail': {
      const failing = rules.filter((rule) => (context.byRule.get(rule.id)?.length ?? 0) > 0);
      detail = label('failLine', {
        findings: count(locale, entry.findings, 'finding'),
        rules: joinWords(
          failing.map((rule) => `\`${rule.id}\``),
          locale,
        ),
      });
      break;
    }
    case 'pass':
      detail = label('passLine', { rules: ruleList });
      break;
    case 'not-applicable': {
      const inputs = rules.map(ruleInputs);
      const kinds = [...new Set(inputs.flatMap((input) => input?.kinds ?? []))].sort();
      const shown = kinds.length > MAX_KINDS ? [...kinds.slice(0, MAX_KINDS), '…'] : kinds;
      if (inputs.some((input) => input && input.carriers.length > 0)) shown.unshift(label('controlPlane'));
      detail =
        inputs.includes(undefined) || shown.length === 0
          ? label('notApplicableAny')
          : label('notApplicableKinds', { kinds: joinWords(shown, locale, true), rules: ruleList });
      break;
    }
    case 'not-evaluated':
      detail = label('notEvaluatedRulesOff', {
        rules: joinWords(
          RULES.filter((rule) => rule.checklist.includes(item.id)).map((rule) => `\`${rule.id}\``),
          locale,
        ),
      });
      break;
    case 'manual':
      detail = label(item.check === 'manual' ? 'manualByNature' : 'manualNoRule');
      break;
  }
  if (entry.reviewed) detail = label(entry.status === 'pass' ? 'reviewCurrent' : 'reviewStale', { date: entry.reviewed });
  if (entry.suppressed > 0) detail += label('suppressedNote', { count: entry.suppressed });
  const lines = [
    `### ${STATUS_MARKS[entry.status]} ${item.id}`,
    '',
    localize(item.summary, locale),
    '',
    `**${label(STATUS_LABELS[entry.status])}**${colon}${detail}`,
  ];
  const evidence = evidenceLine(entry.evidence, locale);
  if (evidence) lines.push('', `_${evidence}_`);
  if (entry.status === 'fail' || (context.showSuppressed && entry.suppressed > 0)) {
    const groups = findingGroups(rules, context);
    if (groups.length > 0) lines.push('', ...groups);
  }
  const guidance = checklistGuidance(item.id);
  const needsPerson = entry.status === 'manual' || entry.status === 'not-applicable' || entry.status === 'not-evaluated';
  if (guidance && (needsPerson || item.check === 'partial')) {
    lines.push('', `> **${label(needsPerson ? 'toVerify' : 'alsoVerify')}** ${localize(guidance, locale)}`);
  }
  return lines;
}

/** The findings (and, on request, the suppressed ones) of each covering rule, by rule id. */
function findingGroups(rules: readonly Rule[], context: ItemContext): string[] {
  const { locale, label } = context;
  const lines: string[] = [];
  for (const rule of rules) {
    const found = context.byRule.get(rule.id) ?? [];
    const hidden = context.showSuppressed ? (context.suppressedByRule.get(rule.id) ?? []) : [];
    if (found.length === 0 && hidden.length === 0) continue;
    const title = localize(rule.docs.title, locale);
    const counted = found.length > 0 ? count(locale, found.length, 'finding') : '';
    const summary = [counted, `[${label('docs')}](${ruleDocsUrl(rule.id)})`].filter(Boolean).join(' · ');
    lines.push(`- **${rule.id}** (${escape(title)})${locale === 'zh-cn' ? '：' : ': '}${summary}`);
    const listed = [...found, ...hidden];
    for (const located of listed.slice(0, MAX_FINDINGS_PER_RULE)) lines.push(`  - ${findingLine(located, locale, label)}`);
    if (listed.length > MAX_FINDINGS_PER_RULE) lines.push(`  - ${label('more', { count: listed.length - MAX_FINDINGS_PER_RULE })}`);
  }
  return lines;
}

function findingLine({ path, entry, reason }: Located, locale: Locale, label: Label): string {
  const { finding, range } = entry;
  const line = range.start.line + 1;
  const where = `${path}:${line}:${range.start.character + 1}`;
  const link = path === STDIN_DISPLAY ? code(where) : `[${escape(where)}](${relativeUri(path)}#L${line})`;
  const { kind, namespace, name } = finding.resource;
  const resource = code(`${kind} ${[namespace, name ?? '?'].filter((part) => part !== undefined).join('/')}`);
  const text = `${link} ${resource} ${escape(renderMessage(finding, locale))}`;
  return reason === undefined ? text : `~~${text}~~ ${escape(label('suppressedBy', { reason }))}`;
}

function findingsByRule(report: AuditReport, suppressed: boolean): Map<string, Located[]> {
  const byRule = new Map<string, Located[]>();
  for (const file of report.files) {
    const entries: readonly (ReportedFinding | SuppressedReport)[] = suppressed ? file.suppressed : file.findings;
    for (const entry of entries) {
      const list = byRule.get(entry.rule.id) ?? [];
      list.push({ path: file.path, entry, reason: 'reason' in entry ? entry.reason : undefined });
      byRule.set(entry.rule.id, list);
    }
  }
  return byRule;
}

function checklistUrl(locale: Locale): string {
  return locale === 'zh-cn' ? CHECKLIST_URL.replace('/docs/', '/zh-cn/docs/') : CHECKLIST_URL;
}

/** `a`, `a or b`, `a, b or c`; `a、b 或 c` in Chinese. With `or` false: `and`. */
function joinWords(words: readonly string[], locale: Locale, or = false): string {
  if (words.length <= 1) return words.join('');
  const last = words[words.length - 1];
  const head = words.slice(0, -1);
  if (locale === 'zh-cn') return `${head.join('、')}${or ? ' 或 ' : ' 和 '}${last}`;
  return `${head.join(', ')} ${or ? 'or' : 'and'} ${last}`;
}

/** Text from a manifest or a message, safe inside Markdown: punctuation escaped, one line. */
export function escape(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`);
}

/** An inline code span that holds any text (fence longer than any backtick run inside). */
export function code(text: string): string {
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}
