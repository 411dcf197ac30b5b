/**
 * Entry point of the VS Code extension (bundled as dist/extension.js): wires the output channel,
 * the server controller, the language status item and the commands together on activation
 * (activation.ts), with the server in a node process (node-server.ts), plus what only the desktop
 * has: the language model tools and the MCP server definition; and stops the language server on
 * deactivation. Behaviour lives in the modules it wires.
 */
import type * as vscode from 'vscode';
import { activateWith } from './activation';
import { registerLanguageModelTools } from './lm-tools';
import { registerMcpServer } from './mcp-server';
import { nodeLauncher } from './node-server';
import type { ServerController } from './server-controller';

let controller: ServerController | undefined;

/** Called by VS Code on the first YAML or JSON document, or the first command of the extension. */
export function activate(context: vscode.ExtensionContext): void {
  controller = activateWith(context, nodeLauncher(context), [], (running, outputChannel) => [
    ...registerLanguageModelTools(running),
    ...registerMcpServer(context, outputChannel),
  ]);
}

/** Called by VS Code on shutdown or when the extension is disabled: stops the language server. */
export function deactivate(): Promise<void> | undefined {
  const stopping = controller?.stop();
  controller = undefined;
  return stopping;
}
