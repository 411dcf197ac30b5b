/**
 * The upgrade preview as a report (`audit --upgrade-from A --upgrade-to B`, and the editor's
 * "Preview Pod Security at version …"): the core's preview (core/workspace/upgrade-preview.ts) with
 * file paths and 1-based positions, then its text, JSON and Markdown forms. Both faces render it here,
 * so the command line and the editor say the same words. JSON keys are fixed like the audit's: new
 * keys go at the end. Every name from a manifest passes redactData before it enters a sentence.
 */
import { Finding, Locale, positionOf, redactData, renderMessage, Resource, SourceFile, UpgradeChange, UpgradePreview, versionLabelOf } from '../core';
import { t } from './messages';
import { terminalSafe } from './terminal-text';

export const UPGRADE_FORMATS = ['text', 'json', 'markdown'] as const;
export type UpgradeFormat = (typeof UPGRADE_FORMATS)[number];

export interface UpgradeEntry {
  readonly file: string;
  /** 1-based, where the resource starts. */
  readonly line: number;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | null;
  readonly direction: UpgradeChange['direction'];
  readonly checks: readonly string[];
  /** The violations at the failing version, rendered in the report's locale. */
  readonly violations: readonly string[];
}

export interface UpgradeReport {
  readonly level: UpgradePreview['level'];
  readonly from: string;
  readonly to: string;
  readonly changes: readonly UpgradeEntry[];
  readonly namespaces: readonly { readonly file: string; readonly line: number; readonly name: string; readonly level: string; readonly rejects: readonly UpgradeEntry[] }[];
}

/** Where a resource of the preview is: its file's display path and parsed source. */
export type ResourceFile = (resource: Resource) => { readonly path: string; readonly source: SourceFile };

export function upgradeReportOf(preview: UpgradePreview, fileOf: ResourceFile, locale: Locale): UpgradeReport {
  const place = (resource: Resource) => {
    const { path, source } = fileOf(resource);
    const offset = resource.node?.range?.[0] ?? 0;
    return { file: path, line: positionOf(source, offset).line + 1 };
  };
  const entry = (change: UpgradeChange): UpgradeEntry => {
    const { resource } = change;
    const names = redactData({ name: resource.name ?? '?', namespace: resource.namespace ?? '' });
    return {
      ...place(resource),
      kind: resource.kind,
      name: String(names.name),
      namespace: resource.namespace === undefined ? null : String(names.namespace),
      direction: change.direction,
      checks: change.checks,
      violations: change.violations.map((finding: Finding) => renderMessage(finding, locale)),
    };
  };
  return {
    level: preview.level,
    from: versionLabelOf(preview.from),
    to: versionLabelOf(preview.to),
    changes: preview.changes.map(entry),
    namespaces: preview.namespaces.map(({ namespace, level, rejects }) => ({ ...place(namespace), name: String(redactData({ name: namespace.name ?? '?' }).name), level, rejects: rejects.map(entry) })),
  };
}

/** Exit status 1 of the CLI: something that runs today would be rejected after the upgrade. */
export function startsFailing(report: UpgradeReport): boolean {
  return report.changes.some((change) => change.direction === 'starts-failing');
}

function label(entry: UpgradeEntry): string {
  return `${entry.kind} ${[entry.namespace, entry.name].filter((part) => part !== null).join('/')}`;
}

function sentences(report: UpgradeReport, locale: Locale) {
  const data = { level: report.level, from: report.from, to: report.to };
  const failing = report.changes.filter((change) => change.direction === 'starts-failing');
  const passing = report.changes.filter((change) => change.direction === 'starts-passing');
  return {
    title: t(locale, 'upgradeTitle', data),
    summary: t(locale, 'upgradeSummary', { ...data, failing: failing.length, passing: passing.length }),
    failing,
    passing,
    fails: (entry: UpgradeEntry) => t(locale, 'upgradeStartsFailing', { ...data, resource: label(entry), checks: entry.checks.join(', ') }),
    passes: (entry: UpgradeEntry) => t(locale, 'upgradeStartsPassing', { ...data, resource: label(entry), checks: entry.checks.join(', ') }),
    namespace: (ns: UpgradeReport['namespaces'][number]) => t(locale, 'upgradeNamespaceRejects', { ...data, namespace: ns.name, nsLevel: ns.level, count: ns.rejects.length, resources: ns.rejects.map(label).join(', ') }),
  };
}

export function formatUpgradeText(report: UpgradeReport, locale: Locale): string {
  const words = sentences(report, locale);
  const lines = [words.title];
  for (const entry of words.failing) {
    lines.push(terminalSafe(`${entry.file}:${entry.line}: ${words.fails(entry)}`));
    for (const violation of entry.violations) lines.push(terminalSafe(`    ${violation}`));
  }
  for (const ns of report.namespaces) lines.push(terminalSafe(`${ns.file}:${ns.line}: ${words.namespace(ns)}`));
  for (const entry of words.passing) lines.push(terminalSafe(`${entry.file}:${entry.line}: ${t(locale, 'upgradeNote')} ${words.passes(entry)}`));
  lines.push('', words.summary);
  return lines.join('\n') + '\n';
}

export function formatUpgradeJson(report: UpgradeReport): string {
  return JSON.stringify({ version: 1, upgrade: report }, null, 2) + '\n';
}

export function formatUpgradeMarkdown(report: UpgradeReport, locale: Locale): string {
  const words = sentences(report, locale);
  const cell = (text: string) => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>`]/g, (c) => `&#${c.charCodeAt(0)};`);
  const lines = [`# ${cell(words.title)}`, '', cell(words.summary), ''];
  const table = (heading: string, entries: readonly UpgradeEntry[], sentence: (entry: UpgradeEntry) => string) => {
    if (entries.length === 0) return;
    lines.push(`## ${heading}`, '', `| ${t(locale, 'upgradeColumnWhere')} | ${t(locale, 'upgradeColumnWhat')} |`, '| --- | --- |');
    for (const entry of entries) lines.push(`| ${cell(`${entry.file}:${entry.line}`)} | ${cell(sentence(entry))}${entry.violations.map((v) => `<br>${cell(v)}`).join('')} |`);
    lines.push('');
  };
  table(t(locale, 'upgradeHeadingFailing'), words.failing, words.fails);
  if (report.namespaces.length > 0) {
    lines.push(`## ${t(locale, 'upgradeHeadingNamespaces')}`, '');
    for (const ns of report.namespaces) lines.push(`- ${cell(`${ns.file}:${ns.line}`)}: ${cell(words.namespace(ns))}`);
    lines.push('');
  }
  table(t(locale, 'upgradeHeadingPassing'), words.passing, words.passes);
  return lines.join('\n');
}

export const UPGRADE_FORMATTERS: Readonly<Record<UpgradeFormat, (report: UpgradeReport, locale: Locale) => string>> = {
  text: formatUpgradeText,
  json: (report) => formatUpgradeJson(report),
  markdown: formatUpgradeMarkdown,
};
