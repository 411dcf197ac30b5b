/**
 * The audit report as HTML for a webview, organized as the Kubernetes Security Checklist: per
 * section, each item passed, failed (with its findings, each a link that opens the file at the
 * range), manual (with what a person must verify) or not applicable. Pure: no `vscode` import, so
 * it can be tested in plain Node; the caller passes the words (localized) and the nonce.
 *
 * Security: a strict Content-Security-Policy (`default-src 'none'`, the one stylesheet allowed by
 * its nonce, no scripts, no remote content); every text from the report is escaped; links are
 * command URIs (allowed one by one by the webview options) or the https documentation pages.
 */
import type { AuditFinding, AuditItem, AuditItemStatus, AuditResult } from './audit-protocol';

/** Commands the report links to (the webview enables exactly these command URIs). */
export const REPORT_COMMANDS = {
  openFinding: 'kubeChecklist.openAuditFinding',
  export: 'kubeChecklist.exportAuditReport',
  audit: 'kubeChecklist.auditWorkspace',
} as const;

/** At most this many findings are listed under one item (all are in the Problems panel). */
export const FINDINGS_PER_ITEM = 50;

export interface ReportStrings {
  readonly title: string;
  readonly folders: string;
  readonly policy: string;
  /** Before the list of configuration files that applied. */
  readonly configurations: string;
  readonly files: string;
  readonly resources: string;
  readonly findings: string;
  readonly suppressed: string;
  readonly duration: string;
  readonly severities: Readonly<Record<'error' | 'warning' | 'info' | 'hint', string>>;
  readonly statuses: Readonly<Record<AuditItemStatus, string>>;
  readonly rerun: string;
  readonly exportAs: string;
  readonly formats: Readonly<Record<string, string>>;
  readonly exportOnlyJson: string;
  readonly skipped: string;
  readonly skippedReasons: Readonly<Record<'too-large' | 'binary' | 'unreadable', string>>;
  readonly ruleFailures: string;
  /** Summary of the exceptions that no longer hold: {0} suppressions. */
  readonly staleSuppressions: string;
  /** A suppression ({0}: its number, {1}: its rule) that matched no finding. */
  readonly unusedSuppression: string;
  /** A suppression ({0}, {1}) past its expiry day ({2}) whose finding is reported again. */
  readonly expiredSuppression: string;
  /** A baseline file ({0}) of {1} entries: {2} held a finding, {3} no longer occur. */
  readonly baselineStatus: string;
  /** Summary of the Kustomize overlays and Helm charts: {0} rendered, {1} not. */
  readonly renders: string;
  readonly renderStatuses: Readonly<Record<'rendered' | 'failed' | 'no-tool' | 'untrusted', string>>;
  readonly checkedBy: string;
  readonly toVerify: string;
  readonly notApplicable: string;
  readonly noRules: string;
  /** Said of a `not-evaluated` item: its rules exist but none ran. */
  readonly notEvaluated: string;
  readonly more: string;
  readonly problemsPanel: string;
  readonly checklistPage: string;
  readonly related: string;
}

export interface ReportOptions {
  readonly nonce: string;
  readonly strings: ReportStrings;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A command URI with JSON arguments, as VS Code expects them in a webview link. */
export function commandUri(command: string, args: readonly unknown[] = []): string {
  return args.length ? `command:${command}?${encodeURIComponent(JSON.stringify(args))}` : `command:${command}`;
}

/** `{0}` placeholders, as vscode.l10n.t writes them. */
function fill(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (values[Number(index)] !== undefined ? String(values[Number(index)]) : whole));
}

export function contentSecurityPolicy(nonce: string): string {
  return `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'none'; script-src 'none'; form-action 'none'; frame-src 'none'`;
}

export function renderReportHtml(result: AuditResult, { nonce, strings }: ReportOptions): string {
  // The nonce goes into the policy and an attribute unescaped: allow only base64 characters.
  if (!/^[A-Za-z0-9+/=]+$/.test(nonce)) throw new Error('the nonce must be base64');
  const lang = result.locale === 'zh-cn' ? 'zh-CN' : 'en';
  const counts = countStatuses(result);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(strings.title)}</title>
<style nonce="${escapeHtml(nonce)}">${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(strings.title)}</h1>
${renderSummary(result, strings)}
<p class="statuses">${(['fail', 'pass', 'not-applicable', 'not-evaluated', 'manual'] as const).map((status) => `<span class="badge ${status}">${escapeHtml(strings.statuses[status])}: ${counts[status]}</span>`).join(' ')}</p>
${renderActions(result, strings)}
${renderNotes(result, strings)}
</header>
<main>
${result.checklist.map((section) => renderSection(section, result, strings)).join('\n')}
</main>
</body>
</html>
`;
}

function countStatuses(result: AuditResult): Record<AuditItemStatus, number> {
  const counts: Record<AuditItemStatus, number> = { pass: 0, fail: 0, manual: 0, 'not-applicable': 0, 'not-evaluated': 0 };
  for (const section of result.checklist) for (const item of section.items) counts[item.status]++;
  return counts;
}

function renderSummary(result: AuditResult, strings: ReportStrings): string {
  const { stats } = result;
  const severities = (['error', 'warning', 'info', 'hint'] as const)
    .filter((severity) => stats.bySeverity[severity] > 0)
    .map((severity) => `<span class="severity ${severity}">${escapeHtml(strings.severities[severity])}: ${stats.bySeverity[severity]}</span>`)
    .join(' ');
  const rows: [string, string][] = [
    [strings.folders, result.folders.map((folder) => escapeHtml(folder.name)).join(', ')],
    [strings.policy, renderPolicy(result, strings)],
    [strings.files, `${stats.manifests} / ${stats.files}`],
    [strings.resources, String(stats.resources)],
    [strings.findings, `${stats.findings}${severities ? ` (${severities})` : ''}`],
    [strings.suppressed, String(stats.suppressed)],
    [strings.duration, `${stats.durationMs} ms`],
  ];
  return `<dl class="summary">${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${value}</dd>`).join('')}</dl>`;
}

/** The folders' level and version, then each configuration file that applied and the policy it gives. */
function renderPolicy(result: AuditResult, strings: ReportStrings): string {
  const own = `${escapeHtml(result.level)} · ${escapeHtml(result.kubernetesVersion)}`;
  const configurations = result.configurations ?? [];
  if (configurations.length === 0) return own;
  const list = configurations.map((config) => `<code>${escapeHtml(config.path)}</code>: ${escapeHtml(config.level)} · ${escapeHtml(config.kubernetesVersion)}`).join(', ');
  return `${own}; ${escapeHtml(strings.configurations)} ${list}`;
}

function renderActions(result: AuditResult, strings: ReportStrings): string {
  const exportLinks = result.exportFormats
    .map((format) => `<a class="button" href="${escapeHtml(commandUri(REPORT_COMMANDS.export, [format]))}">${escapeHtml(fill(strings.exportAs, strings.formats[format] ?? format))}</a>`)
    .join(' ');
  const onlyJson = result.exportFormats.length === 1 && result.exportFormats[0] === 'json' ? `<span class="note">${escapeHtml(strings.exportOnlyJson)}</span>` : '';
  return `<nav class="actions"><a class="button primary" href="${escapeHtml(commandUri(REPORT_COMMANDS.audit))}">${escapeHtml(strings.rerun)}</a> ${exportLinks} ${onlyJson}</nav>`;
}

function renderNotes(result: AuditResult, strings: ReportStrings): string {
  const notes: string[] = [];
  if (result.skippedFiles.length > 0) {
    const list = result.skippedFiles.map((file) => `<li><code>${escapeHtml(file.path)}</code> — ${escapeHtml(strings.skippedReasons[file.reason])}</li>`).join('');
    notes.push(`<details class="note"><summary>${escapeHtml(fill(strings.skipped, result.skippedFiles.length))}</summary><ul>${list}</ul></details>`);
  }
  const renders = result.renders ?? [];
  if (renders.length > 0) {
    const list = renders
      .map((render) => `<li><code>${escapeHtml(render.directory)}</code> (${escapeHtml(render.tool)}) — ${escapeHtml(strings.renderStatuses[render.status])}${render.reason ? `: ${escapeHtml(render.reason)}` : ''}</li>`)
      .join('');
    const rendered = renders.filter((render) => render.status === 'rendered').length;
    notes.push(`<details class="note"><summary>${escapeHtml(fill(strings.renders, rendered, renders.length - rendered))}</summary><ul>${list}</ul></details>`);
  }
  notes.push(...renderExceptions(result, strings));
  if (result.ruleFailures.length > 0) {
    const list = result.ruleFailures.map((failure) => `<li><code>${escapeHtml(failure.ruleId)}</code>: ${escapeHtml(failure.message)}</li>`).join('');
    notes.push(`<details class="note error"><summary>${escapeHtml(fill(strings.ruleFailures, result.ruleFailures.length))}</summary><ul>${list}</ul></details>`);
  }
  return notes.join('\n');
}

/** Suppressions that matched nothing or expired, each a link to its place; the baselines and their gone entries. */
function renderExceptions(result: AuditResult, strings: ReportStrings): string[] {
  const notes: string[] = [];
  const suppressions = result.exceptions?.suppressions ?? [];
  if (suppressions.length > 0) {
    const list = suppressions
      .map((entry) => {
        const text = entry.problem === 'expired' ? fill(strings.expiredSuppression, entry.index + 1, entry.rule, entry.expires ?? '') : fill(strings.unusedSuppression, entry.index + 1, entry.rule);
        const href = commandUri(REPORT_COMMANDS.openFinding, [entry.uri, entry.range]);
        return `<li><a href="${escapeHtml(href)}"><code>${escapeHtml(entry.path)}:${entry.range.start.line + 1}</code></a> — ${escapeHtml(text)}</li>`;
      })
      .join('');
    notes.push(`<details class="note"><summary>${escapeHtml(fill(strings.staleSuppressions, suppressions.length))}</summary><ul>${list}</ul></details>`);
  }
  for (const baseline of result.exceptions?.baselines ?? []) {
    notes.push(`<p class="note">${escapeHtml(fill(strings.baselineStatus, baseline.path, baseline.entries, baseline.held, baseline.gone))}</p>`);
  }
  return notes;
}

function renderSection(section: AuditResult['checklist'][number], result: AuditResult, strings: ReportStrings): string {
  return `<section id="${escapeHtml(section.id)}">
<h2>${escapeHtml(section.title)} <a class="external" href="${escapeHtml(section.url)}">${escapeHtml(strings.checklistPage)}</a></h2>
<ul class="items">
${section.items.map((item) => renderItem(item, result, strings)).join('\n')}
</ul>
</section>`;
}

function renderItem(item: AuditItem, result: AuditResult, strings: ReportStrings): string {
  const count = item.status === 'fail' ? ` <span class="count">${item.findings}</span>` : '';
  const head = `<span class="badge ${item.status}">${escapeHtml(strings.statuses[item.status])}</span>${count} <span class="summary-text">${escapeHtml(item.summary)}</span> <code class="item-id">${escapeHtml(item.id)}</code>`;
  const body: string[] = [];
  if (item.status === 'fail') body.push(renderFindings(item, result, strings));
  if (item.status === 'pass' && item.rules.length) body.push(`<p class="rules">${escapeHtml(strings.checkedBy)} ${item.rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(', ')}</p>`);
  if (item.status === 'not-applicable') body.push(`<p class="rules">${escapeHtml(strings.notApplicable)} ${item.rules.map((rule) => `<code>${escapeHtml(rule)}</code>`).join(', ')}</p>`);
  if (item.status === 'manual' && item.check !== 'manual') body.push(`<p class="rules">${escapeHtml(strings.noRules)}</p>`);
  if (item.status === 'not-evaluated') body.push(`<p class="rules">${escapeHtml(strings.notEvaluated)}</p>`);
  if (item.evidence) body.push(`<p class="evidence">${escapeHtml(item.evidence)}</p>`);
  // A person must look at manual items, at the human half of partial ones, and where no file settled it.
  if (item.guidance && (item.status === 'manual' || item.status === 'not-applicable' || item.status === 'not-evaluated' || item.check === 'partial')) {
    body.push(`<div class="guidance"><strong>${escapeHtml(strings.toVerify)}</strong> ${escapeHtml(item.guidance)}</div>`);
  }
  const open = item.status === 'fail' || item.status === 'manual' ? ' open' : '';
  return `<li class="item ${item.status}"><details${open}><summary>${head}</summary>${body.join('')}</details></li>`;
}

function renderFindings(item: AuditItem, result: AuditResult, strings: ReportStrings): string {
  const shown = item.findingIds.slice(0, FINDINGS_PER_ITEM).map((id) => result.findings[id]).filter((finding): finding is AuditFinding => finding !== undefined);
  const rows = shown.map((finding) => {
    const href = commandUri(REPORT_COMMANDS.openFinding, [finding.uri, finding.range]);
    const where = `${finding.path}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const related = finding.related.length ? ` <span class="related" title="${escapeHtml(finding.related.map((entry) => entry.message).join('\n'))}">${escapeHtml(fill(strings.related, finding.related.length))}</span>` : '';
    return `<li><span class="severity ${finding.severity}">${escapeHtml(strings.severities[finding.severity])}</span> <a href="${escapeHtml(href)}"><code>${escapeHtml(where)}</code></a> <a class="rule" href="${escapeHtml(finding.docsUrl)}"><code>${escapeHtml(finding.ruleId)}</code></a> ${escapeHtml(finding.message)}${related}</li>`;
  });
  const rest = item.findingIds.length - shown.length;
  if (rest > 0) rows.push(`<li class="more">${escapeHtml(fill(strings.more, rest))} ${escapeHtml(strings.problemsPanel)}</li>`);
  return `<ul class="findings">${rows.join('')}</ul>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1.5em 2em; line-height: 1.45; }
h1 { font-size: 1.5em; margin-bottom: 0.3em; }
h2 { font-size: 1.2em; border-bottom: 1px solid var(--vscode-panel-border, #8884); padding-bottom: 0.2em; margin-top: 1.6em; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; }
a:hover { text-decoration: underline; }
code { font-family: var(--vscode-editor-font-family); font-size: 0.95em; }
dl.summary { display: grid; grid-template-columns: max-content auto; gap: 0.15em 1em; margin: 0.5em 0; }
dl.summary dt { opacity: 0.8; }
dl.summary dd { margin: 0; }
.actions { margin: 0.8em 0; display: flex; flex-wrap: wrap; gap: 0.5em; align-items: center; }
.button { padding: 0.25em 0.8em; border-radius: 2px; background: var(--vscode-button-secondaryBackground); color: var(--vscode-button-secondaryForeground); }
.button.primary { background: var(--vscode-button-background); color: var(--vscode-button-foreground); }
.button:hover { text-decoration: none; opacity: 0.9; }
.note { opacity: 0.85; margin: 0.4em 0; }
ul.items { list-style: none; padding-left: 0; }
li.item { margin: 0.35em 0; }
li.item summary { cursor: pointer; }
.badge { display: inline-block; min-width: 6.5em; text-align: center; border-radius: 3px; padding: 0 0.4em; font-size: 0.85em; font-weight: 600; }
.badge.pass { background: var(--vscode-testing-iconPassed, #388a34); color: #fff; }
.badge.fail { background: var(--vscode-testing-iconFailed, #c72e0f); color: #fff; }
.badge.manual { background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.badge.not-applicable { border: 1px solid var(--vscode-panel-border, #8888); opacity: 0.8; }
.badge.not-evaluated { border: 1px dashed var(--vscode-panel-border, #8888); opacity: 0.8; }
.count { font-weight: 600; }
.item-id { opacity: 0.6; font-size: 0.8em; }
ul.findings { margin: 0.4em 0 0.6em 1.2em; padding-left: 0.5em; }
ul.findings li { margin: 0.15em 0; }
.severity { font-size: 0.8em; font-weight: 600; text-transform: uppercase; }
.severity.error { color: var(--vscode-errorForeground, #f14c4c); }
.severity.warning { color: var(--vscode-editorWarning-foreground, #cca700); }
.severity.info, .severity.hint { color: var(--vscode-editorInfo-foreground, #3794ff); }
.related { opacity: 0.7; font-size: 0.85em; }
.rules { margin: 0.3em 0 0.3em 1.2em; opacity: 0.85; }
.guidance { margin: 0.3em 0 0.6em 1.2em; padding: 0.4em 0.7em; border-left: 3px solid var(--vscode-textBlockQuote-border, #8888); background: var(--vscode-textBlockQuote-background, transparent); }
.external { font-size: 0.7em; font-weight: normal; margin-left: 0.5em; }
.more { opacity: 0.8; list-style: none; }
`;
