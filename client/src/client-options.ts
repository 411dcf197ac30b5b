/**
 * Which documents the language server sees and what the client tells it: YAML and JSON files, the
 * configuration file watcher and the display language, for the desktop and the web client alike
 * (how each launches its server is in node-server.ts and browser/web-client.ts). Builds options
 * only; it starts nothing.
 */
import * as vscode from 'vscode';
import type { DocumentSelector, ErrorHandler, LanguageClientOptions } from 'vscode-languageclient/node';

/** The id of the language client; VS Code reads `kubeChecklist.trace.server` because of it. */
export const CLIENT_ID = 'kubeChecklist';

/** The settings section the server reads through `workspace/configuration`. */
export const SETTINGS_SECTION = 'kubeChecklist';

/** The documents the server checks: YAML files and unsaved YAML buffers, JSON files, and Dockerfiles. */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
  { scheme: 'file', language: 'json' },
  { scheme: 'file', language: 'dockerfile' },
  { scheme: 'untitled', language: 'dockerfile' },
];

/**
 * Client options. Settings are pulled by the server (it registers for configuration changes
 * itself), so only `.kube-checklist.yaml` changes are forwarded as file events. The returned
 * watcher must be disposed with the client.
 */
export function createClientOptions(
  outputChannel: vscode.LogOutputChannel,
  errorHandler: ErrorHandler,
  documentSelector: DocumentSelector = DOCUMENT_SELECTOR,
): { options: LanguageClientOptions; watcher: vscode.FileSystemWatcher } {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.kube-checklist.yaml');
  const options: LanguageClientOptions = {
    documentSelector,
    synchronize: { fileEvents: watcher },
    // Renderers (kubectl kustomize, helm template) run in the audit only in trusted workspaces.
    initializationOptions: { locale: vscode.env.language, trustedWorkspace: vscode.workspace.isTrusted },
    outputChannel,
    errorHandler,
  };
  return { options, watcher };
}
