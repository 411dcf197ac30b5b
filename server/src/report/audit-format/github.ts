/**
 * GitHub Actions workflow commands: one annotation line per finding
 * (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`), so that the findings
 * show on the pull request's diff and in the run's summary, and one `::warning` line per warning of
 * the run (a file that could not be checked). Errors are `error`, warnings `warning`, info and hints
 * `notice`. Paths are relative to the working directory, which in a workflow is the checkout.
 *
 * Property values and messages are escaped as the runner expects (`%`, CR, LF; and in properties
 * `:` and `,`), so no text from a manifest can end a command early or start another one.
 */
import { formatText, localize, Localized, renderMessage, ruleDocsUrl, Severity } from '../../core';
import type { AuditReport } from '../audit-report';
import { STDIN_DISPLAY } from '../paths';
import type { AuditFormatContext } from './format-types';
import { resourceLabel } from './resource-label';

const COMMANDS: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

const L = {
  docs: { en: 'Rule documentation: {{url}}', 'zh-cn': '规则文档：{{url}}' },
  notChecked: { en: 'kube-checklist: not checked', 'zh-cn': 'kube-checklist：未检查' },
} satisfies Record<string, Localized>;

export function formatGitHub(report: AuditReport, context: AuditFormatContext): string {
  const { locale } = context;
  const lines: string[] = [];
  for (const file of report.files) {
    for (const { finding, rule, range } of file.findings) {
      const resource = resourceLabel(finding.resource);
      const properties: [string, string | number][] = [
        ...fileProperty(file.path),
        ['line', range.start.line + 1],
        ['col', range.start.character + 1],
        ['endLine', range.end.line + 1],
        ['endColumn', range.end.character + 1],
        ['title', `${rule.id}: ${localize(rule.docs.title, locale)}`],
      ];
      const message = [`${renderMessage(finding, locale)} (${resource})`, formatText(localize(L.docs, locale), { url: ruleDocsUrl(rule.id) })].join('\n');
      lines.push(command(COMMANDS[finding.severity], properties, message));
    }
  }
  for (const notification of report.notifications) {
    const properties: [string, string | number][] = [];
    if (notification.file !== undefined) {
      properties.push(...fileProperty(notification.file));
      if (notification.line !== undefined) properties.push(['line', notification.line], ['col', notification.column ?? 1]);
    }
    properties.push(['title', localize(L.notChecked, locale)]);
    lines.push(command('warning', properties, notification.text));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function fileProperty(display: string): [string, string][] {
  return display === STDIN_DISPLAY ? [] : [['file', display]];
}

function command(name: string, properties: readonly [string, string | number][], message: string): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** The escaping of @actions/core for a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping of @actions/core for a command's property values. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
