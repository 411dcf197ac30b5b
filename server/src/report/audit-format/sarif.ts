/**
 * The SARIF 2.1.0 format, for code-scanning services and SARIF viewers (a contract, DESIGN.md): one
 * run whose tool lists every rule as a reportingDescriptor (whether or not it ran), one result per
 * finding, suppressed findings included with an in-source suppression and its reason, and the
 * warnings of the run as tool execution notifications.
 *
 * - Locations: artifact URIs relative to the repository root (`%SRCROOT%`, see the context's
 *   `root`), segments percent-encoded, never starting with `..`: a file outside the root gets its
 *   absolute `file:` URI; regions with 1-based lines and columns counted in UTF-16 code units, which the
 *   run states as its `columnKind`; the end column is the column after the last character.
 * - Fingerprints: `kubeChecklist/v1` is the finding's fingerprint of core/suppress/baseline.ts (the
 *   one a baseline file holds): a SHA-256 of the resource's identity, the rule, the message, the
 *   node path and the message data, never a line number or a file name, so that a finding keeps its
 *   identity when lines are inserted above it or its resource moves. Repeats get an ordinal.
 * - Suppressions carry their justification: `inSource` for comments and annotations, `external`
 *   for `.kube-checklist.yaml` and the baseline file.
 * - No source text is ever copied (no snippets): a value could be a secret.
 * - The output is deterministic for a given input and working directory: no timestamps.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  checklistItemById,
  checklistItemUrl,
  Fingerprints,
  formatText,
  Locale,
  localize,
  Localized,
  renderMessage,
  Rule,
  RULES,
  ruleDocsUrl,
  Severity,
} from '../../core';
import type { AuditNotification, AuditReport, FileReport, Range, ReportedFinding, SuppressedReport } from '../audit-report';
import { rootRelativePath, STDIN_DISPLAY } from '../paths';
import { cliVersion } from '../version';
import type { AuditFormatContext } from './format-types';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const TOOL_INFORMATION_URI = 'https://github.com/kube-checklist/kube-checklist';
export const FINGERPRINT_KEY = 'kubeChecklist/v1';
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** GitHub code scanning ranks security alerts by this score (0.1–10, as a string). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', info: '2.0', hint: '2.0' };

/** Rules that judge by heuristics (what looks like a credential) rather than by a field's value. */
const HEURISTIC_RULES: ReadonlySet<string> = new Set(['configmap-credentials', 'env-literal-credentials']);

const LABELS = {
  why: { en: 'Why it matters', 'zh-cn': '为什么重要' },
  remediation: { en: 'How to fix', 'zh-cn': '如何修复' },
  fixSafety: { en: 'Fix safety', 'zh-cn': '修复的安全性' },
  checklist: { en: 'Checklist items', 'zh-cn': '检查清单项' },
  incorrect: { en: 'Incorrect:', 'zh-cn': '错误示例：' },
  correct: { en: 'Correct:', 'zh-cn': '正确示例：' },
  references: { en: 'References', 'zh-cn': '参考资料' },
  documentation: { en: 'Documentation: {{url}}', 'zh-cn': '文档：{{url}}' },
  stdin: { en: 'standard input', 'zh-cn': '标准输入' },
} satisfies Record<string, Localized>;

export function formatSarif(report: AuditReport, context: AuditFormatContext): string {
  const { locale } = context;
  const rules = [...RULES].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: unknown[] = [];
  const printOf = fingerprintsOfReport(report);
  for (const file of report.files) {
    const entries: [ReportedFinding, SuppressedReport | undefined][] = [
      ...file.findings.map((entry): [ReportedFinding, undefined] => [entry, undefined]),
      ...file.suppressed.map((entry): [ReportedFinding, SuppressedReport] => [entry, entry]),
    ];
    entries.sort(([a], [b]) => compareRanges(a.range, b.range));
    for (const [entry, suppression] of entries) {
      results.push(resultOf(entry, suppression, file, ruleIndex.get(entry.rule.id) ?? -1, printOf.get(entry)!, locale, context));
    }
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'kube-checklist',
        version: cliVersion(),
        semanticVersion: cliVersion(),
        informationUri: TOOL_INFORMATION_URI,
        language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
        rules: rules.map((rule) => descriptorOf(rule, locale)),
      },
    },
    invocations: [
      {
        executionSuccessful: true,
        toolExecutionNotifications: report.notifications.map((notification) => notificationOf(notification, locale, context)),
      },
    ],
    language: locale === 'zh-cn' ? 'zh-CN' : 'en-US',
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      podSecurityLevel: report.selection.level,
      kubernetesVersion: `v1.${report.selection.minorVersion}`,
    },
  };
  const root = context.root ?? context.cwd;
  if (root) run.originalUriBaseIds = { [SRCROOT]: { uri: directoryUri(root) } };
  const log = { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
  return JSON.stringify(log, null, 2) + '\n';
}

function resultOf(
  { finding, rule, range, related }: ReportedFinding,
  suppression: SuppressedReport | undefined,
  file: FileReport,
  ruleIndex: number,
  fingerprint: string,
  locale: Locale,
  context: AuditFormatContext,
): unknown {
  const { kind, namespace, name } = finding.resource;
  const result: Record<string, unknown> = {
    ruleId: rule.id,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: renderMessage(finding, locale) },
    locations: [
      {
        physicalLocation: { artifactLocation: artifactLocationOf(file.path, locale, context), region: regionOf(range) },
        logicalLocations: [
          {
            name: name ?? kind,
            fullyQualifiedName: [namespace, kind, name].filter((part) => part !== undefined).join('/'),
            kind: 'resource',
            properties: { apiVersion: finding.resource.apiVersion, kind, namespace: namespace ?? null, name: name ?? null },
          },
        ],
      },
    ],
    partialFingerprints: {
      [FINGERPRINT_KEY]: fingerprint,
    },
    properties: { checklist: [...rule.checklist] },
  };
  if (related.length > 0) {
    result.relatedLocations = related.map((place, id) => ({
      id,
      physicalLocation: { artifactLocation: artifactLocationOf(place.path, locale, context), region: regionOf(place.range) },
      message: { text: place.message },
    }));
  }
  if (suppression) {
    const kind = suppression.by === 'config' || suppression.by === 'baseline' ? 'external' : 'inSource';
    result.suppressions = [{ kind, status: 'accepted', justification: suppression.reason }];
  }
  return result;
}

/**
 * The fingerprint of every finding of a report, with the ordinals counted as the baseline counts
 * them: over the files in path order, the reported and baselined findings first, then the others.
 */
export function fingerprintsOfReport(report: AuditReport): Map<ReportedFinding, string> {
  const fingerprints = new Fingerprints();
  const printOf = new Map<ReportedFinding, string>();
  for (const file of report.files) {
    for (const entry of [...file.findings, ...file.suppressed.filter((entry) => entry.by === 'baseline')]) printOf.set(entry, entry.fingerprint ?? fingerprints.of(entry.finding));
  }
  for (const file of report.files) for (const entry of file.suppressed) if (!printOf.has(entry)) printOf.set(entry, entry.fingerprint ?? fingerprints.of(entry.finding));
  return printOf;
}

/** 1-based lines and columns; the end column is the one after the last character. */
export function regionOf(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifactLocationOf(display: string, locale: Locale, context: Pick<AuditFormatContext, 'cwd' | 'root'>): Record<string, unknown> {
  if (display === STDIN_DISPLAY) return { description: { text: localize(LABELS.stdin, locale) } };
  if (!context.cwd) return { uri: relativeUri(display), uriBaseId: SRCROOT };
  const relative = rootRelativePath(display, context.cwd, context.root ?? context.cwd);
  return relative === undefined ? { uri: pathToFileURL(path.resolve(context.cwd, display)).href } : { uri: relativeUri(relative), uriBaseId: SRCROOT };
}

/** A relative path with forward slashes as a relative URI reference: each segment percent-encoded. */
export function relativeUri(display: string): string {
  return display
    .split('/')
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment)))
    .join('/');
}

function directoryUri(absolute: string): string {
  const href = pathToFileURL(absolute).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function descriptorOf(rule: Rule, locale: Locale): unknown {
  const text = (value: Localized): string => localize(value, locale);
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: text(rule.docs.title) },
    fullDescription: { text: text(rule.docs.summary) },
    help: { text: helpText(rule, locale), markdown: helpMarkdown(rule, locale) },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { enabled: rule.enabledByDefault, level: LEVELS[rule.defaultSeverity] },
    properties: {
      tags: [...rule.checklist, 'security'],
      precision: rule.pss ? 'very-high' : HEURISTIC_RULES.has(rule.id) ? 'medium' : 'high',
      'security-severity': SECURITY_SEVERITY[rule.defaultSeverity],
      ...(rule.pss ? { podSecurityStandard: { level: rule.pss.level, since: `v1.${rule.pss.since}` } } : {}),
    },
  };
}

/** `pss-host-namespaces` → `PssHostNamespaces`, the form SARIF viewers expect of a rule name. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

function helpText(rule: Rule, locale: Locale): string {
  const text = (value: Localized): string => localize(value, locale);
  const label = (key: keyof typeof LABELS): string => localize(LABELS[key], locale);
  const colon = locale === 'zh-cn' ? '：' : ': ';
  return [
    text(rule.docs.summary),
    `${label('why')}${colon}${text(rule.docs.why)}`,
    `${label('remediation')}${colon}${text(rule.docs.remediation)}`,
    `${label('fixSafety')}${colon}${text(rule.docs.fixSafety)}`,
    formatText(localize(LABELS.documentation, locale), { url: ruleDocsUrl(rule.id) }),
  ].join('\n\n');
}

function helpMarkdown(rule: Rule, locale: Locale): string {
  const text = (value: Localized): string => localize(value, locale);
  const label = (key: keyof typeof LABELS): string => localize(LABELS[key], locale);
  const separator = locale === 'zh-cn' ? '：' : ': ';
  const lines = [
    `**${text(rule.docs.title)}**`,
    '',
    text(rule.docs.summary),
    '',
    `**${label('why')}**`,
    '',
    text(rule.docs.why),
    '',
    `**${label('remediation')}**`,
    '',
    text(rule.docs.remediation),
    '',
    `**${label('fixSafety')}**`,
    '',
    text(rule.docs.fixSafety),
    '',
    `**${label('checklist')}**`,
    '',
    ...rule.checklist.map((id) => {
      const item = checklistItemById(id);
      return `- [\`${id}\`](${checklistItemUrl(id, locale)})${item ? `${separator}${text(item.summary)}` : ''}`;
    }),
    '',
    label('incorrect'),
    '',
    ...fenced(rule.docs.examples.incorrect),
    '',
    label('correct'),
    '',
    ...fenced(rule.docs.examples.correct),
  ];
  if (rule.docs.references.length > 0) lines.push('', `**${label('references')}**`, '', ...rule.docs.references.map((url) => `- <${url}>`));
  lines.push('', `[${rule.id}](${ruleDocsUrl(rule.id)})`);
  return lines.join('\n');
}

function fenced(yaml: string): string[] {
  const longest = Math.max(2, ...(yaml.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}yaml`, ...yaml.replace(/\s+$/, '').split('\n'), fence];
}

function notificationOf(notification: AuditNotification, locale: Locale, context: AuditFormatContext): unknown {
  const result: Record<string, unknown> = { level: 'warning', message: { text: notification.text } };
  if (notification.file !== undefined) {
    const physicalLocation: Record<string, unknown> = { artifactLocation: artifactLocationOf(notification.file, locale, context) };
    if (notification.line !== undefined) physicalLocation.region = { startLine: notification.line, startColumn: notification.column ?? 1 };
    result.locations = [{ physicalLocation }];
  }
  return result;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character || a.end.line - b.end.line || a.end.character - b.end.character;
}
