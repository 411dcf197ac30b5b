/**
 * Entry point of the VS Code extension (bundled as dist/extension.js): wires the output channel,
 * the server controller, the language status item and the commands together on activation
 * (activation.ts), with the server in a node process (node-server.ts), and stops the language
 * server on deactivation. Behaviour lives in the modules it wires.
 */
import type * as vscode from 'vscode';
import { activateWith } from './activation';
import { nodeLauncher } from './node-server';
import type { ServerController } from './server-controller';

let controller: ServerController | undefined;

/** Called by VS Code on the first YAML or JSON document, or the first command of the extension. */
export function activate(context: vscode.ExtensionContext): void {
  controller = activateWith(context, nodeLauncher(context));
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the language server. */
export function deactivate(): Promise<void> | undefined {
  const stopping = controller?.stop();
  controller = undefined;
  return stopping;
}
