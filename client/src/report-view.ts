/**
 * The audit report view: one webview panel (reused by the next audit) rendered by report-html.ts
 * with the words of the current display language, scripts off, and only the report's own command
 * URIs enabled; and the export of the last audit (SARIF, JSON, Markdown from the server, saved
 * where the user picks).
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { AuditResult } from './audit-protocol';
import { REPORT_COMMANDS, renderReportHtml, ReportStrings } from './report-html';

export const REPORT_VIEW_TYPE = 'kubeChecklist.auditReport';

/** The report's words, through vscode.l10n (l10n/bundle.l10n.*.json). */
export function reportStrings(): ReportStrings {
  return {
    title: vscode.l10n.t('Kubernetes Security Checklist: workspace audit'),
    folders: vscode.l10n.t('Folders'),
    policy: vscode.l10n.t('Pod Security level · Kubernetes version'),
    configurations: vscode.l10n.t('configuration files:'),
    files: vscode.l10n.t('Manifest files / YAML and JSON files'),
    resources: vscode.l10n.t('Resources'),
    findings: vscode.l10n.t('Findings'),
    suppressed: vscode.l10n.t('Suppressed (with a reason)'),
    duration: vscode.l10n.t('Duration'),
    severities: { error: vscode.l10n.t('Error'), warning: vscode.l10n.t('Warning'), info: vscode.l10n.t('Info'), hint: vscode.l10n.t('Hint') },
    statuses: { pass: vscode.l10n.t('Passed'), fail: vscode.l10n.t('Failed'), manual: vscode.l10n.t('Manual'), 'not-applicable': vscode.l10n.t('Not applicable'), 'not-evaluated': vscode.l10n.t('Not evaluated') },
    rerun: vscode.l10n.t('Run the Audit Again'),
    exportAs: vscode.l10n.t('Export {0}'),
    formats: { json: 'JSON', sarif: 'SARIF', markdown: 'Markdown' },
    exportOnlyJson: vscode.l10n.t('Only JSON can be exported by this version.'),
    skipped: vscode.l10n.t('{0} files were not checked'),
    skippedReasons: { 'too-large': vscode.l10n.t('larger than the size limit (kubeChecklist.maxFileSizeMB)'), binary: vscode.l10n.t('binary file'), unreadable: vscode.l10n.t('cannot be read') },
    ruleFailures: vscode.l10n.t('{0} rules failed and were skipped'),
    staleSuppressions: vscode.l10n.t('{0} suppressions in .kube-checklist.yaml no longer hold'),
    unusedSuppression: vscode.l10n.t('suppression {0} ({1}) matched no finding: remove it, or fix its rule or paths'),
    expiredSuppression: vscode.l10n.t('suppression {0} ({1}) expired on {2}: its findings are reported again'),
    baselineStatus: vscode.l10n.t('Baseline {0}: {1} entries, {2} held findings of this audit, {3} no longer occur (kube-checklist audit --baseline {0} --prune-baseline removes them)'),
    renders: vscode.l10n.t('Kustomize overlays and Helm charts: {0} rendered before checking, {1} not'),
    renderStatuses: {
      rendered: vscode.l10n.t('rendered; findings are shown on the files the resources come from'),
      failed: vscode.l10n.t('could not be rendered, so its files were checked one by one'),
      'no-tool': vscode.l10n.t('not rendered: kubectl, kustomize or helm is not on PATH'),
      untrusted: vscode.l10n.t('not rendered: the workspace is not trusted'),
    },
    checkedBy: vscode.l10n.t('Checked by'),
    toVerify: vscode.l10n.t('To verify by hand:'),
    notApplicable: vscode.l10n.t('Nothing in the workspace for these rules to look at:'),
    noRules: vscode.l10n.t('No active rule covers this item (turned off in the settings).'),
    notEvaluated: vscode.l10n.t('Not evaluated: the rules for this item exist but are turned off, so nothing judged it.'),
    more: vscode.l10n.t('… and {0} more.'),
    problemsPanel: vscode.l10n.t('All findings are in the Problems panel.'),
    checklistPage: vscode.l10n.t('Checklist page'),
    related: vscode.l10n.t('{0} related places'),
  };
}

export class AuditReportView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private last: AuditResult | undefined;

  /** The result of the last audit shown, if any. */
  get lastResult(): AuditResult | undefined {
    return this.last;
  }

  show(result: AuditResult, preserveFocus = false): void {
    this.last = result;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        REPORT_VIEW_TYPE,
        vscode.l10n.t('Checklist Audit'),
        { viewColumn: vscode.ViewColumn.Active, preserveFocus },
        {
          enableScripts: false,
          enableForms: false,
          enableCommandUris: Object.values(REPORT_COMMANDS),
          localResourceRoots: [],
          retainContextWhenHidden: false,
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    } else {
      this.panel.reveal(undefined, preserveFocus);
    }
    const nonce = randomBytes(18).toString('base64');
    this.panel.webview.html = renderReportHtml(result, { nonce, strings: reportStrings() });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

const FILTERS: Record<string, Record<string, string[]>> = {
  json: { JSON: ['json'] },
  sarif: { SARIF: ['sarif', 'json'] },
  markdown: { Markdown: ['md'] },
};

/** Asks where to save an exported report and writes it. */
export async function saveExport(fileName: string, format: string, content: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
    filters: FILTERS[format],
    title: vscode.l10n.t('Export the audit report'),
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  const open = vscode.l10n.t('Open');
  const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The audit report was saved to {0}.', vscode.workspace.asRelativePath(target)), open);
  if (choice === open) await vscode.window.showTextDocument(target);
}
