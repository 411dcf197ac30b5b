/**
 * The wiring both extension entries share (extension.ts on the desktop, browser/extension.ts in the
 * browser): the output channel, the server controller with the entry's launcher, the report view,
 * the language status item and the commands. Only how the server is launched differs.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LanguageStatus } from './language-status';
import { AuditReportView } from './report-view';
import { ClientLauncher, ServerController } from './server-controller';

/** Wires the extension and starts the server; the controller is returned for deactivation. */
export function activateWith(
  context: vscode.ExtensionContext,
  launcher: ClientLauncher,
  extra: vscode.Disposable[] = [],
  /** What only one entry has (the desktop: language model tools and the MCP server definition). */
  more: (controller: ServerController, outputChannel: vscode.LogOutputChannel) => vscode.Disposable[] = () => [],
): ServerController {
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Kubernetes Checklist'), { log: true });
  const controller = new ServerController(outputChannel, launcher);
  const reportView = new AuditReportView();
  context.subscriptions.push(
    outputChannel,
    controller,
    reportView,
    new LanguageStatus(controller, context.extension.id),
    ...extra,
    ...registerCommands(controller, outputChannel, reportView),
    ...more(controller, outputChannel),
  );
  void controller.start();
  return controller;
}
