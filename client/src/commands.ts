/**
 * The commands the extension contributes (see `contributes.commands` in package.json) and their
 * handlers. Each handler is a thin call into the server controller or the output channel; nothing
 * here talks to the language server directly.
 */
import * as vscode from 'vscode';
import { auditWorkspace, exportAuditReport, openAuditFinding } from './audit-command';
import { previewPodSecurity } from './preview-pod-security';
import type { AuditReportView } from './report-view';
import type { ServerController } from './server-controller';

/** Command ids, as contributed in package.json. */
export const Commands = {
  restartServer: 'kubeChecklist.restartServer',
  showOutput: 'kubeChecklist.showOutput',
  fixAll: 'kubeChecklist.fixAll',
  auditWorkspace: 'kubeChecklist.auditWorkspace',
  showAuditReport: 'kubeChecklist.showAuditReport',
  exportAuditReport: 'kubeChecklist.exportAuditReport',
  previewPodSecurity: 'kubeChecklist.previewPodSecurity',
  /** Internal: the report's links to findings (hidden from the command palette). */
  openAuditFinding: 'kubeChecklist.openAuditFinding',
} as const;

/** The server command that applies every safe fix of a file (see server/src/lsp/code-actions.ts). */
const SERVER_FIX_ALL = 'kube-checklist.applyFixAll';

/** Registers every contributed command; dispose the result to unregister them. */
export function registerCommands(controller: ServerController, outputChannel: vscode.LogOutputChannel, reportView: AuditReportView): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      try {
        await controller.restart();
      } catch (error) {
        outputChannel.error(vscode.l10n.t('The Kubernetes Checklist server could not be restarted.'), error);
        void vscode.window.showErrorMessage(vscode.l10n.t('The Kubernetes Checklist server could not be restarted.'));
      }
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => outputChannel.show()),
    vscode.commands.registerCommand(Commands.fixAll, async () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a Kubernetes manifest to fix it.'));
        return;
      }
      const done = await controller.executeServerCommand(SERVER_FIX_ALL, [document.uri.toString()]);
      if (!done) void vscode.window.showWarningMessage(vscode.l10n.t('The Kubernetes Checklist server is not running.'));
    }),
    vscode.commands.registerCommand(Commands.auditWorkspace, async () => auditWorkspace(await controller.runningClient(), reportView, outputChannel)),
    vscode.commands.registerCommand(Commands.showAuditReport, async () => {
      const last = reportView.lastResult;
      if (last) reportView.show(last);
      else await auditWorkspace(await controller.runningClient(), reportView, outputChannel);
    }),
    vscode.commands.registerCommand(Commands.exportAuditReport, (format?: unknown) => exportAuditReport(controller.languageClient, reportView, format)),
    vscode.commands.registerCommand(Commands.previewPodSecurity, async (preset?: { from?: unknown; to?: unknown }) => previewPodSecurity(await controller.runningClient(), outputChannel, preset)),
    vscode.commands.registerCommand(Commands.openAuditFinding, (uri?: unknown, range?: unknown) => openAuditFinding(uri, range)),
  ];
}
