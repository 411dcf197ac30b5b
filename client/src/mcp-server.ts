/**
 * The MCP server definition the extension contributes (`contributes.mcpServerDefinitionProviders`),
 * so that VS Code lists `kube-checklist mcp` among its MCP servers without any configuration: the
 * bundled CLI (dist/cli.js, shipped in the .vsix) run over stdio. It is started with the extension
 * host's own executable (`process.execPath`) and `ELECTRON_RUN_AS_NODE=1`: in desktop VS Code that
 * is the editor's Electron binary acting as the Node.js it bundles, in code-server and remote hosts
 * it is the Node.js running the extension host. Either way the Node version is one the extension is
 * known to run on, and nothing has to be installed or found on PATH (a `node` on PATH may be
 * missing, old, or a different one per shell). The API is stable from VS Code 1.101; in 1.100 it
 * exists only as a proposal that throws for extensions that do not enable it, so it is
 * feature-detected and its absence is logged, not shown.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The provider id, as contributed in package.json. */
export const MCP_PROVIDER_ID = 'kubeChecklist.mcpServers';

/** What VS Code 1.101 added (absent from the @types/vscode 1.100 the extension builds with). */
type StdioDefinitionClass = new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => { cwd?: vscode.Uri };

interface McpProviderApi {
  registerMcpServerDefinitionProvider(id: string, provider: { provideMcpServerDefinitions(token: vscode.CancellationToken): vscode.ProviderResult<unknown[]> }): vscode.Disposable;
}

/** How the server is launched: the extension host's executable running the bundled CLI. */
export function mcpLaunch(extensionPath: string): { command: string; args: string[]; env: Record<string, string> } {
  return { command: process.execPath, args: [path.join(extensionPath, 'dist', 'cli.js'), 'mcp'], env: { ELECTRON_RUN_AS_NODE: '1' } };
}

/** Registers the provider where the editor supports it; nothing (and a log line) elsewhere. */
export function registerMcpServer(context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel): vscode.Disposable[] {
  const lm = vscode.lm as unknown as Partial<McpProviderApi> | undefined;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinitionClass }).McpStdioServerDefinition;
  if (typeof lm?.registerMcpServerDefinitionProvider !== 'function' || typeof Definition !== 'function') {
    outputChannel.info(vscode.l10n.t('This editor cannot list MCP servers of extensions (VS Code 1.101 or later can); run "kube-checklist mcp" yourself.'));
    return [];
  }
  const provider = {
    provideMcpServerDefinitions: () => {
      const { command, args, env } = mcpLaunch(context.extensionPath);
      const definition = new Definition(vscode.l10n.t('Kubernetes Security Checklist'), command, args, env, String(context.extension.packageJSON.version ?? ''));
      // Relative paths an agent passes are read from the first workspace folder, as in a terminal opened there.
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (folder) definition.cwd = folder.uri;
      return [definition];
    },
  };
  try {
    return [lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, provider)];
  } catch (error) {
    outputChannel.info(vscode.l10n.t('This editor cannot list MCP servers of extensions (VS Code 1.101 or later can); run "kube-checklist mcp" yourself.'), error);
    return [];
  }
}
