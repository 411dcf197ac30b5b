/**
 * The text format, for people and for problem matchers: one line per finding,
 * `path:line:col: severity rule-id message` with a 1-based line and a 1-based UTF-16 column, in
 * path order then position (the related places of a cross-resource finding indented below it), then a
 * localized summary line. Colors only when the context has them.
 */
import { renderMessage } from '../../core';
import type { AuditReport, AuditTotals } from '../audit-report';
import { count, listSeparator, t } from '../messages';
import type { AuditFormatContext } from './format-types';
import type { Locale, Severity } from '../../core';
import { terminalSafe } from '../terminal-text';

export function formatText(report: AuditReport, { locale, colors, showSuppressed }: AuditFormatContext): string {
  const lines: string[] = [];
  for (const file of report.files) {
    for (const { finding, range, related } of file.findings) {
      const where = `${colors.bold(terminalSafe(file.path))}:${range.start.line + 1}:${range.start.character + 1}:`;
      const severity = colors.severity(finding.severity, finding.severity);
      lines.push(`${where} ${severity} ${colors.dim(finding.ruleId)} ${terminalSafe(renderMessage(finding, locale))}`);
      // Indented, so problem matchers that read `path:line:col: severity` lines skip them.
      for (const place of related) lines.push(colors.dim(terminalSafe(`    ${place.path}:${place.range.start.line + 1}:${place.range.start.character + 1}: ${place.message}`)));
    }
    if (!showSuppressed) continue;
    for (const { finding, range, reason } of file.suppressed) {
      const where = `${colors.bold(terminalSafe(file.path))}:${range.start.line + 1}:${range.start.character + 1}:`;
      lines.push(colors.dim(`${where} ${t(locale, 'suppressedTag')} ${finding.ruleId} ${terminalSafe(`${renderMessage(finding, locale)} -- ${reason}`)}`));
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(colors.bold(summaryLine(report.totals, locale)));
  const used = report.configurations ?? [];
  if (used.length > 0) {
    const list = used.map((config) => t(locale, 'configurationUsed', { file: terminalSafe(config.display), level: config.level, version: config.kubernetesVersion }));
    lines.push(t(locale, 'configurationsUsed', { list: list.join(listSeparator(locale)) }));
  }
  if (report.hidden && report.hidden.count > 0) lines.push(t(locale, 'hiddenBelow', { count: count(locale, report.hidden.count, 'finding'), severity: report.hidden.below }));
  if (report.totals.suppressed > 0) lines.push(t(locale, 'suppressedSummary', { count: String(report.totals.suppressed), breakdown: suppressedBreakdown(report, locale) }));
  return lines.join('\n') + '\n';
}

/** Who suppressed the findings that are not shown: comments, annotations, the configuration, the baseline. */
function suppressedBreakdown(report: AuditReport, locale: Locale): string {
  const keys = { comment: 'suppressedByComment', annotation: 'suppressedByAnnotation', config: 'suppressedByConfig', baseline: 'suppressedByBaseline' } as const;
  const counts = new Map<keyof typeof keys, number>();
  for (const file of report.files) for (const { by } of file.suppressed) counts.set(by, (counts.get(by) ?? 0) + 1);
  return (Object.keys(keys) as (keyof typeof keys)[])
    .filter((by) => counts.has(by))
    .map((by) => t(locale, keys[by], { count: String(counts.get(by)) }))
    .join(listSeparator(locale));
}

export function summaryLine(totals: AuditTotals, locale: Locale): string {
  const checked = { resources: count(locale, totals.resources, 'resource'), files: count(locale, totals.files, 'file') };
  // Zero resources is not a clean result: nothing was judged.
  if (totals.findings === 0 && totals.resources === 0 && totals.suppressed === 0) return t(locale, 'summaryNothing', checked);
  if (totals.findings === 0) return t(locale, 'summaryNone', checked);
  const shown: Severity[] = ['error', 'warning'];
  for (const severity of ['info', 'hint'] as const) if (totals.bySeverity[severity] > 0) shown.push(severity);
  return t(locale, 'summary', {
    ...checked,
    findings: count(locale, totals.findings, 'finding'),
    counts: shown.map((severity) => count(locale, totals.bySeverity[severity], severity)).join(listSeparator(locale)),
    findingFiles: count(locale, totals.filesWithFindings, 'file'),
  });
}
