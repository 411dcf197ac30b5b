/**
 * The README's "For AI agents" section: every JSON snippet parses and starts kube-checklist's
 * `mcp` command (through npx or dist/cli.js); VS Code, Claude and Cursor each have one; and the
 * command the snippets name is one the CLI's help lists.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `README has a "${title}" section`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

const agents = section(fs.readFileSync(repoPath('README.md'), 'utf8'), 'For AI agents');
const snippets = [...agents.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((match) => match[1]);

test('each JSON snippet parses and names the mcp command of kube-checklist', () => {
  assert.ok(snippets.length >= 3, `${snippets.length} snippets`);
  for (const text of snippets) {
    const config = JSON.parse(text) as { servers?: Record<string, { command: string; args: string[] }>; mcpServers?: Record<string, { command: string; args: string[] }> };
    const server = (config.servers ?? config.mcpServers)?.['kube-checklist'];
    assert.ok(server, text);
    assert.equal(server.args.at(-1), 'mcp', text);
    if (server.command === 'npx') assert.deepEqual(server.args, ['-y', 'kube-checklist', 'mcp']);
    else assert.deepEqual([server.command, ...server.args], ['node', 'dist/cli.js', 'mcp']);
  }
});

test('VS Code, Claude and Cursor each have a snippet', () => {
  for (const client of ['.vscode/mcp.json', 'Claude', 'Cursor']) assert.ok(agents.includes(client), client);
});

test('the CLI help lists the mcp command', () => {
  assert.match(runCli(['--help'], { cwd: repoPath() }).stdout, /kube-checklist mcp\b/);
});
