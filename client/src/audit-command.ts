/**
 * "Kubernetes Checklist: Audit Workspace": asks the language server to audit every manifest of the
 * workspace (kubeChecklist/auditWorkspace), in a cancellable progress notification that shows the
 * server's counts (work-done progress on a token of ours; cancelling cancels the request), then
 * shows the report. The server publishes the diagnostics of every file into the Problems panel.
 * Also the export of the last audit and opening a finding from the report.
 */
import * as vscode from 'vscode';
import { LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import { AuditResult, AuditWorkspaceRequest, ExportAuditRequest } from './audit-protocol';
import { AuditReportView, saveExport } from './report-view';

let auditCount = 0;

/** Runs the audit; undefined when it was cancelled or the server is not running. */
export async function auditWorkspace(client: LanguageClient | undefined, view: AuditReportView, output: vscode.LogOutputChannel): Promise<AuditResult | undefined> {
  if (!client) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The Kubernetes Checklist server is not running.'));
    return undefined;
  }
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to audit its Kubernetes manifests.'));
    return undefined;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Kubernetes Checklist: auditing the workspace'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `kube-checklist-audit-${process.pid}-${++auditCount}`;
      let reported = 0;
      const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const increment = value.percentage !== undefined ? Math.max(0, value.percentage - reported) : undefined;
        if (value.percentage !== undefined) reported = Math.max(reported, value.percentage);
        progress.report({ message: value.message, increment });
      });
      try {
        return await client.sendRequest(AuditWorkspaceRequest, { workDoneToken }, token);
      } catch (error) {
        if (token.isCancellationRequested || error instanceof vscode.CancellationError) return undefined;
        throw error;
      } finally {
        listener.dispose();
      }
    },
  ).then(
    (value) => value,
    (error: unknown) => {
      output.error(vscode.l10n.t('The workspace audit failed.'), error);
      void vscode.window.showErrorMessage(vscode.l10n.t('The workspace audit failed. See the output for details.'));
      return undefined;
    },
  );
  if (!result) return undefined;
  view.show(result);
  const { stats } = result;
  output.info(`Audit: ${stats.manifests} manifest files, ${stats.resources} resources, ${stats.findings} findings in ${stats.durationMs} ms.`);
  return result;
}

/** Exports the last audit in a format (asking for one when none is given). */
export async function exportAuditReport(client: LanguageClient | undefined, view: AuditReportView, format?: unknown): Promise<void> {
  const formats = view.lastResult?.exportFormats ?? [];
  if (!client || !view.lastResult) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Run "Kubernetes Checklist: Audit Workspace" first.'));
    return;
  }
  let chosen = typeof format === 'string' ? format : undefined;
  if (!chosen) chosen = await vscode.window.showQuickPick([...formats], { title: vscode.l10n.t('Export the audit report') });
  if (!chosen || !formats.includes(chosen)) return;
  try {
    const exported = await client.sendRequest(ExportAuditRequest, { format: chosen });
    await saveExport(exported.fileName, exported.format, exported.content);
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The audit report could not be exported: {0}', error instanceof Error ? error.message : String(error)));
  }
}

/** Opens a finding of the report: `[uri, range]` as the report's command links pass them. */
export async function openAuditFinding(uri: unknown, range: unknown): Promise<void> {
  if (typeof uri !== 'string' || vscode.Uri.parse(uri).scheme !== 'file') return;
  const r = range as { start?: { line?: number; character?: number }; end?: { line?: number; character?: number } } | undefined;
  const position = (p: { line?: number; character?: number } | undefined) => new vscode.Position(Number(p?.line ?? 0), Number(p?.character ?? 0));
  const selection = new vscode.Range(position(r?.start), position(r?.end ?? r?.start));
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  await vscode.window.showTextDocument(document, { selection, preview: true, viewColumn: vscode.ViewColumn.One });
}
