/**
 * Entry point of the VS Code extension (bundled as dist/extension.js): wires the output channel,
 * the server controller, the language status item and the commands together on activation, and
 * stops the language server on deactivation. Behaviour lives in the modules it wires.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { LanguageStatus } from './language-status';
import { nodeLauncher } from './node-server';
import { AuditReportView } from './report-view';
import { ServerController } from './server-controller';

let controller: ServerController | undefined;

/** Called by VS Code on the first YAML or JSON document, or the first command of the extension. */
export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Kubernetes Checklist'), { log: true });
  controller = new ServerController(outputChannel, nodeLauncher(context));
  const reportView = new AuditReportView();
  context.subscriptions.push(
    outputChannel,
    controller,
    reportView,
    new LanguageStatus(controller, context.extension.id),
    ...registerCommands(controller, outputChannel, reportView),
  );
  void controller.start();
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the language server. */
export function deactivate(): Promise<void> | undefined {
  const stopping = controller?.stop();
  controller = undefined;
  return stopping;
}
