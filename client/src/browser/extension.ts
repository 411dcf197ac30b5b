/**
 * Entry point of the web extension (bundled as dist/web/extension.js, package.json `browser`), for
 * vscode.dev, github.dev and other browser editors: the same wiring as the desktop (activation.ts)
 * with the server in a web worker (web-client.ts). What cannot run in a browser (Kustomize and Helm
 * rendering, which need binaries) is said once, in a language status item (web-status.ts).
 */
import type * as vscode from 'vscode';
import { activateWith } from '../activation';
import type { ServerController } from '../server-controller';
import { webLauncher } from './web-client';
import { webLimitationStatus } from './web-status';

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // Starting is a message to the worker; the UI thread does no analysis.
  controller = activateWith(context, webLauncher(context), [webLimitationStatus()]);
}

export function deactivate(): Promise<void> | undefined {
  const stopping = controller?.stop();
  controller = undefined;
  return stopping;
}
