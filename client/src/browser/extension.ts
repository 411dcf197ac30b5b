/**
 * Entry point of the web extension (bundled as dist/web/extension.js, package.json `browser`), for
 * vscode.dev, github.dev and other browser editors: the same output channel, server controller,
 * language status and commands as the desktop (extension.ts), with the server in a web worker. What
 * cannot run in a browser (Kustomize and Helm rendering, which need binaries) is said once, in the
 * language status item (web-status.ts).
 */
import * as vscode from 'vscode';
import { registerCommands } from '../commands';
import { LanguageStatus } from '../language-status';
import { AuditReportView } from '../report-view';
import { ServerController } from '../server-controller';
import { webLauncher } from './web-client';
import { webLimitationStatus } from './web-status';

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Kubernetes Checklist'), { log: true });
  controller = new ServerController(outputChannel, webLauncher(context));
  const reportView = new AuditReportView();
  context.subscriptions.push(
    outputChannel,
    controller,
    reportView,
    new LanguageStatus(controller, context.extension.id),
    webLimitationStatus(),
    ...registerCommands(controller, outputChannel, reportView),
  );
  // Starting is a message to the worker; the UI thread does no analysis.
  void controller.start();
}

export function deactivate(): Promise<void> | undefined {
  const stopping = controller?.stop();
  controller = undefined;
  return stopping;
}
