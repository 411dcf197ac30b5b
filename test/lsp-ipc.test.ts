/**
 * The IPC transport, which is what the VS Code client uses: the bundled server forked with
 * `--node-ipc` answers initialize and publishes diagnostics for an opened manifest.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { test } from 'node:test';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { repoPath } from './support/paths';

test('server over node IPC: initialize, open, diagnostics, shutdown', async () => {
  const child = fork(repoPath('dist', 'server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, resolve));
  connection.listen();
  const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
  assert.equal(result.serverInfo?.name, 'kube-checklist');
  await connection.sendNotification(InitializedNotification.type, {});
  const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: a\n      image: x\n      securityContext: {privileged: true}\n';
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'file:///ipc.yaml', languageId: 'yaml', version: 1, text } });
  const diagnostics = await published;
  assert.ok(diagnostics.diagnostics.some((d) => d.code === 'pss-privileged'));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  assert.equal(await exited, 0);
  connection.dispose();
});
