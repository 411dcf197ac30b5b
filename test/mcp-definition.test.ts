/**
 * The MCP server definition of the extension (client/src/mcp-server.ts), loaded from the compiled
 * client with a stand-in for the `vscode` module: where the editor has the API it registers one
 * stdio server, the bundled dist/cli.js run with `mcp` by the extension host's executable as
 * Node.js; where the API is missing or refuses (VS Code 1.100, where it is only proposed), it
 * registers nothing and does not throw.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';

interface Registered {
  id: string;
  provider: { provideMcpServerDefinitions(): unknown[] };
}

class FakeDefinition {
  cwd?: unknown;
  constructor(readonly label: string, readonly command: string, readonly args: string[], readonly env: Record<string, string>, readonly version: string) {}
}

function loadWith(lm: Record<string, unknown>): { registerMcpServer(context: unknown, channel: unknown): unknown[] } {
  const moduleApi = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = moduleApi._load;
  const fakeVscode = {
    lm,
    McpStdioServerDefinition: FakeDefinition,
    l10n: { t: (message: string) => message },
    workspace: { workspaceFolders: [{ uri: 'file:///ws' }] },
  };
  moduleApi._load = function (request: string, parent: unknown, isMain: boolean) {
    return request === 'vscode' ? fakeVscode : original.call(this, request, parent, isMain);
  };
  try {
    const modulePath = path.join(__dirname, '..', 'client', 'mcp-server.js');
    delete require.cache[require.resolve(modulePath)];
    return require(modulePath);
  } finally {
    moduleApi._load = original;
  }
}

const context = { extensionPath: '/ext', extension: { packageJSON: { version: '0.1.0' } } };

test('where the editor has the API: one stdio server, dist/cli.js mcp run by the extension host as Node.js', () => {
  const registered: Registered[] = [];
  const logged: string[] = [];
  const mcp = loadWith({ registerMcpServerDefinitionProvider: (id: string, provider: Registered['provider']) => (registered.push({ id, provider }), { dispose() {} }) });
  assert.equal(mcp.registerMcpServer(context, { info: (line: string) => logged.push(line) }).length, 1);
  const contributed = require(path.join(__dirname, '..', '..', 'package.json')).contributes.mcpServerDefinitionProviders.map((entry: { id: string }) => entry.id);
  assert.deepEqual(registered.map((entry) => entry.id), contributed, 'the id package.json contributes');
  const [definition] = registered[0].provider.provideMcpServerDefinitions() as FakeDefinition[];
  assert.equal(definition.command, process.execPath);
  assert.deepEqual(definition.args, [path.join('/ext', 'dist', 'cli.js'), 'mcp']);
  assert.deepEqual(definition.env, { ELECTRON_RUN_AS_NODE: '1' });
  assert.equal(definition.version, '0.1.0');
  assert.equal(definition.cwd, 'file:///ws');
  assert.deepEqual(logged, []);
});

test('where the API is missing or only proposed (it throws): nothing registered, one log line, no error', () => {
  for (const lm of [{}, { registerMcpServerDefinitionProvider: () => { throw new Error('proposed API'); } }]) {
    const logged: string[] = [];
    const mcp = loadWith(lm);
    assert.deepEqual(mcp.registerMcpServer(context, { info: (line: string) => logged.push(line) }), []);
    assert.equal(logged.length, 1);
    assert.match(logged[0], /1\.101/);
  }
});
