/**
 * How the language server is launched and which documents it sees: the bundled dist/server.js over
 * node IPC (with an inspector port when the extension is debugged), YAML and JSON files, the
 * configuration file watcher and the display language. Builds options only; it starts nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ErrorHandler, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The id of the language client; VS Code reads `kubeChecklist.trace.server` because of it. */
export const CLIENT_ID = 'kubeChecklist';

/** The settings section the server reads through `workspace/configuration`. */
export const SETTINGS_SECTION = 'kubeChecklist';

/** Port of the server's inspector when the extension runs under the debugger. */
const DEBUG_PORT = 6009;

/** The documents the server checks: YAML files and unsaved YAML buffers, JSON files, and Dockerfiles. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockerfile' },
];

/** Runs the bundled server in a node process, connected over IPC. */
export function createServerOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
}

/**
 * Client options. Settings are pulled by the server (it registers for configuration changes
 * itself), so only `.kube-checklist.yaml` changes are forwarded as file events. The returned
 * watcher must be disposed with the client.
 */
export function createClientOptions(
  outputChannel: vscode.LogOutputChannel,
  errorHandler: ErrorHandler,
): { options: LanguageClientOptions; watcher: vscode.FileSystemWatcher } {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.kube-checklist.yaml');
  const options: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: { fileEvents: watcher },
    // Renderers (kubectl kustomize, helm template) run in the audit only in trusted workspaces.
    initializationOptions: { locale: vscode.env.language, trustedWorkspace: vscode.workspace.isTrusted },
    outputChannel,
    errorHandler,
  };
  return { options, watcher };
}
