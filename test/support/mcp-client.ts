/**
 * Starts `node dist/cli.js mcp` under the SDK's own Client and StdioClientTransport, as an agent's
 * editor would, with a clean locale environment (LANG picks the server's language).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cleanEnv, CLI } from './run-cli';

export async function startMcp(options: { cwd: string; lang?: string; roots?: string[] }): Promise<{ client: Client; transport: StdioClientTransport }> {
  const env = cleanEnv();
  if (options.lang) env.LANG = options.lang;
  const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: options.cwd, env: env as Record<string, string>, stderr: 'pipe' });
  const client = new Client({ name: 'kube-checklist-test', version: '1.0.0' }, { capabilities: options.roots ? { roots: {} } : {} });
  if (options.roots) {
    const { ListRootsRequestSchema } = await import('@modelcontextprotocol/sdk/types.js');
    const roots = options.roots;
    client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots.map((uri) => ({ uri })) }));
  }
  await client.connect(transport);
  return { client, transport };
}
