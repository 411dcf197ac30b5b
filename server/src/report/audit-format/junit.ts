/**
 * The JUnit XML format, for CI systems that show test reports (GitLab `artifacts:reports:junit`,
 * Jenkins, Azure Pipelines, CircleCI): one `<testsuite>` per audited file, in it one `<testcase>`
 * per resource and rule that found something (classname: the resource; name: the rule id, with the
 * line when one rule reports several places of one resource), each finding one `<failure>`. A file
 * without findings has one passing test case that says how many resources it holds. With
 * --show-suppressed, suppressed findings are `<skipped>` test cases with the reason.
 *
 * Every text is escaped for XML, and characters XML 1.0 cannot hold (control characters, lone
 * surrogates) are replaced, so that the document is always well-formed. No timestamps: the output
 * is deterministic.
 */
import { formatText, localize, Localized, renderMessage, ruleDocsUrl } from '../../core';
import type { AuditReport, FileReport, ReportedFinding } from '../audit-report';
import type { AuditFormatContext } from './format-types';
import { resourceLabel } from './resource-label';

const L = {
  clean: { en: 'no findings (resources checked: {{count}})', 'zh-cn': '未发现问题（检查了 {{count}} 个资源）' },
  suppressed: { en: 'suppressed: {{reason}}', 'zh-cn': '已抑制：{{reason}}' },
  severity: { en: 'Severity: {{severity}}', 'zh-cn': '严重级别：{{severity}}' },
  checklist: { en: 'Checklist items: {{items}}', 'zh-cn': '检查清单项：{{items}}' },
  docs: { en: 'Documentation: {{url}}', 'zh-cn': '文档：{{url}}' },
  atLine: { en: '{{rule}} (line {{line}})', 'zh-cn': '{{rule}}（第 {{line}} 行）' },
} satisfies Record<string, Localized>;

interface Case {
  readonly classname: string;
  readonly name: string;
  readonly body: string;
}

export function formatJUnit(report: AuditReport, context: AuditFormatContext): string {
  const { locale } = context;
  const label = (key: keyof typeof L, data: Record<string, string | number>): string => formatText(localize(L[key], locale), data);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: Case[] = [];
    let fileFailures = 0;
    let fileSkipped = 0;
    const named = caseNames(file, context.showSuppressed === true, (rule, line) => label('atLine', { rule, line }));
    for (const entry of file.findings) {
      const { finding, rule, range } = entry;
      const message = renderMessage(finding, locale);
      const details = [
        `${file.path}:${range.start.line + 1}:${range.start.character + 1}`,
        label('severity', { severity: finding.severity }),
        label('checklist', { items: rule.checklist.join(', ') }),
        label('docs', { url: ruleDocsUrl(rule.id) }),
      ].join('\n');
      cases.push({
        classname: resourceName(entry),
        name: named.get(entry)!,
        body: `      <failure message="${xml(message)}" type="${xml(rule.id)}">${xml(`${message}\n${details}`, false)}</failure>\n`,
      });
      fileFailures++;
    }
    if (context.showSuppressed) {
      for (const entry of file.suppressed) {
        cases.push({ classname: resourceName(entry), name: named.get(entry)!, body: `      <skipped message="${xml(label('suppressed', { reason: entry.reason }))}"/>\n` });
        fileSkipped++;
      }
    }
    if (file.findings.length === 0) cases.push({ classname: file.path, name: label('clean', { count: file.resourceCount }), body: '' });
    tests += cases.length;
    failures += fileFailures;
    skipped += fileSkipped;
    const body = cases
      .map(({ classname, name, body: inner }) =>
        inner ? `    <testcase classname="${xml(classname)}" name="${xml(name)}" file="${xml(file.path)}">\n${inner}    </testcase>` : `    <testcase classname="${xml(classname)}" name="${xml(name)}" file="${xml(file.path)}"/>`,
      )
      .join('\n');
    suites.push(`  <testsuite name="${xml(file.path)}" tests="${cases.length}" failures="${fileFailures}" errors="0" skipped="${fileSkipped}">\n${body}\n  </testsuite>`);
  }
  const head = `<testsuites name="kube-checklist" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', head, ...suites, '</testsuites>'].join('\n') + '\n';
}

function resourceName({ finding }: ReportedFinding): string {
  return resourceLabel(finding.resource);
}

/** The rule id, or `rule-id (line N)` when one rule reports several places of one resource. */
function caseNames(file: FileReport, withSuppressed: boolean, atLine: (rule: string, line: number) => string): Map<ReportedFinding, string> {
  const entries = [...file.findings, ...(withSuppressed ? file.suppressed : [])];
  const counts = new Map<string, number>();
  const key = (entry: ReportedFinding): string => `${resourceName(entry)}\u0000${entry.rule.id}`;
  for (const entry of entries) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  const names = new Map<ReportedFinding, string>();
  const used = new Set<string>();
  for (const entry of entries) {
    const base = (counts.get(key(entry)) ?? 0) > 1 ? atLine(entry.rule.id, entry.range.start.line + 1) : entry.rule.id;
    let name = base;
    for (let ordinal = 2; used.has(`${resourceName(entry)}\u0000${name}`); ordinal++) name = `${base} #${ordinal}`;
    used.add(`${resourceName(entry)}\u0000${name}`);
    names.set(entry, name);
  }
  return names;
}

/**
 * Text escaped for XML attribute values (or, with `attribute` false, element content, where line
 * breaks stay as they are); characters XML 1.0 forbids become U+FFFD.
 */
export function xml(text: string, attribute = true): string {
  const escaped = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
    .replace(/\r/g, '&#13;');
  return attribute ? escaped.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : escaped;
}
