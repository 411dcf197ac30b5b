/**
 * The MCP face (`kube-checklist mcp`): an MCP server over stdio, built on the official SDK, that
 * gives AI agents the same checks, fixes, rule docs and audit as the editor and the CLI. It owns
 * the wiring only: the server's identity, the roots it may read (the client's roots/list, or the
 * working directory when the client has none) and the transport; the tools and resources live
 * beside it; bounded-stdio.ts reads stdin, skipping what is no JSON-RPC or too long.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Locale } from '../core';
import { MAX_FILE_BYTES, sizeLabel } from '../host/read-source';
import { BoundedStdioTransport } from './bounded-stdio';
import { mcpMessage } from './mcp-messages';
import { cliVersion } from '../report/version';
import { realRoots } from './audit-tool';
import { registerResources } from './mcp-resources';
import { registerTools } from './mcp-tools';

/**
 * The largest JSON-RPC line read from stdin: room for a text at the file size limit with JSON
 * escaping (so that the tool refuses it with its own message); a longer line is skipped as it
 * streams and its request gets an error with the same words.
 */
export const MAX_MESSAGE_BYTES = 4 * MAX_FILE_BYTES;

export function createMcpServer(locale: Locale, cwd: string): McpServer {
  const server = new McpServer(
    { name: 'kube-checklist', version: cliVersion() },
    { instructions: 'Check Kubernetes manifests you write with check_manifest, apply safe fixes with fix_manifest, and read why with explain_rule.' },
  );
  const roots = async (): Promise<string[]> => {
    if (!server.server.getClientCapabilities()?.roots) return realRoots(undefined, cwd);
    try {
      const listed = await server.server.listRoots();
      return realRoots(listed.roots.map((root) => root.uri), cwd);
    } catch {
      // A client that says it has roots but cannot list them gets no reading at all: fail closed.
      return [];
    }
  };
  registerTools(server, { locale, roots });
  registerResources(server, locale);
  return server;
}

/** Serves on standard input and output until the client closes them. */
export async function serveMcp(locale: Locale, cwd: string): Promise<void> {
  const server = createMcpServer(locale, cwd);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
  });
  const tooLarge = () => mcpMessage('messageTooLarge', locale, { limit: sizeLabel(MAX_MESSAGE_BYTES) });
  await server.connect(new BoundedStdioTransport(MAX_MESSAGE_BYTES, tooLarge));
  await closed;
}
