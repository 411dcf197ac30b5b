/**
 * How the desktop extension launches its language server: the bundled dist/server.js in a node
 * process over IPC, with an inspector port when the extension is debugged.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import type { ClientLauncher } from './server-controller';

/** Port of the server's inspector when the extension runs under the debugger. */
const DEBUG_PORT = 6009;

/** Runs the bundled server in a node process, connected over IPC. */
export function createServerOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
}

export function nodeLauncher(context: vscode.ExtensionContext): ClientLauncher {
  return { create: (id, name, options) => new LanguageClient(id, name, createServerOptions(context), options) };
}
