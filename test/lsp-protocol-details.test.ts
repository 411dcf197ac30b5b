/**
 * Protocol details over stdio, each one a way to fail open: a didOpen of a document already open
 * (same version, new text) is checked anew; requests after `shutdown` are refused with
 * InvalidRequest; a workspace/configuration request the client never answers falls back to the
 * default settings after a bounded wait (logged once) so diagnostics still come; the custom
 * requests refuse parameters of the wrong shape with InvalidParams instead of reading them loosely.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ConfigurationRequest, DidOpenTextDocumentNotification, ErrorCodes, HoverRequest, LogMessageNotification, MessageType, ResponseError, ShutdownRequest } from 'vscode-languageserver-protocol';
import { rangeOf, TestLspClient } from './support/lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:1.27
`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: quiet
`;

const codes = (diagnostics: { code?: string | number }[]) => diagnostics.map((diagnostic) => diagnostic.code);
const failsWith = (code: number) => (error: unknown) => error instanceof ResponseError && error.code === code;

test('didOpen of an open document with new text under the same version: the new text is checked', async () => {
  const client = new TestLspClient();
  await client.initialize('en');
  const uri = 'file:///reopened.yaml';
  assert.ok(codes(await client.open(uri, POD)).includes('pss-host-namespaces'));
  const reopened = await client.open(uri, CONFIG_MAP, 'yaml', 1);
  assert.deepEqual(reopened, [], 'the ConfigMap has nothing to report');
  // Hover reads the analysis of the new text too: nothing at the old finding's place.
  assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'true').start }), null);
  assert.ok(codes(await client.open(uri, POD, 'yaml', 1)).includes('pss-host-namespaces'), 'and back again');
  assert.equal(await client.shutdown(), 0);
});

test('didOpen again within a workspace folder: the index and the diagnostics follow the new text', async () => {
  const client = new TestLspClient();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-reopen-'));
  fs.writeFileSync(path.join(folder, 'pod.yaml'), POD);
  const folderUri = pathToFileURL(folder).href;
  await client.initialize('en', { workspaceFolders: [{ uri: folderUri, name: 'folder' }] });
  const uri = `${folderUri}/pod.yaml`;
  await client.open(uri, POD);
  const seen = await client.diagnosticsUntil(uri, (params) => codes(params.diagnostics).includes('pss-host-namespaces'));
  assert.ok(seen);
  // Once the folder is indexed, the open document is checked within the index (its open text).
  await client.connection.sendRequest('kubeChecklist/auditWorkspace', {});
  await client.diagnosticsUntil(uri, (params) => codes(params.diagnostics).includes('pss-host-namespaces'));
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: CONFIG_MAP } });
  await client.diagnosticsUntil(uri, (params) => params.diagnostics.length === 0);
  assert.equal(await client.shutdown(), 0);
  fs.rmSync(folder, { recursive: true, force: true });
});

test('after shutdown, requests are refused with InvalidRequest', async () => {
  const client = new TestLspClient();
  await client.initialize('en');
  const uri = 'file:///before-shutdown.yaml';
  await client.open(uri, POD);
  const position = rangeOf(POD, 'true').start;
  assert.notEqual(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), null, 'served before shutdown');
  await client.connection.sendRequest(ShutdownRequest.type);
  await assert.rejects(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), failsWith(ErrorCodes.InvalidRequest));
  await assert.rejects(client.connection.sendRequest('kubeChecklist/exportAuditReport', { format: 'json' }), failsWith(ErrorCodes.InvalidRequest));
  await assert.rejects(client.connection.sendRequest('kubeChecklist/auditWorkspace', {}), failsWith(ErrorCodes.InvalidRequest));
  assert.equal(await client.shutdown(), 0);
});

test('a workspace/configuration request never answered falls back to the defaults, logged once', async () => {
  const client = new TestLspClient();
  client.connection.onRequest(ConfigurationRequest.type, () => new Promise<never>(() => undefined));
  const warnings: string[] = [];
  client.connection.onNotification(LogMessageNotification.type, (params) => {
    if (params.type === MessageType.Warning && params.message.includes('workspace/configuration')) warnings.push(params.message);
  });
  await client.initialize('en');
  const started = Date.now();
  const [first, second] = await Promise.all([client.open('file:///unanswered-1.yaml', POD), client.open('file:///unanswered-2.yaml', POD)]);
  assert.ok(codes(first).includes('pss-host-namespaces'), 'diagnostics still come, with the default settings');
  assert.ok(codes(second).includes('pss-host-namespaces'));
  assert.ok(Date.now() - started >= 2500, 'after the bounded wait');
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.equal(await client.shutdown(), 0);
});

test('the custom requests refuse parameters of the wrong shape with InvalidParams', async () => {
  const client = new TestLspClient();
  await client.initialize('en', { workspaceFolders: [] });
  const EXPORT = 'kubeChecklist/exportAuditReport';
  const AUDIT = 'kubeChecklist/auditWorkspace';
  for (const params of [{ format: 'pdf' }, { format: 'constructor' }, { format: { nested: true } }, {}]) {
    await assert.rejects(client.connection.sendRequest(EXPORT, params), failsWith(ErrorCodes.InvalidParams), JSON.stringify(params));
  }
  for (const params of [{ folders: 'file:///not-a-list' }, { folders: [1, 2] }, { workDoneToken: { nested: true } }]) {
    await assert.rejects(client.connection.sendRequest(AUDIT, params), failsWith(ErrorCodes.InvalidParams), JSON.stringify(params));
  }
  // Well-formed ones are still served: the audit of no folders, then its export.
  await client.connection.sendRequest(AUDIT, {});
  const exported = (await client.connection.sendRequest(EXPORT, { format: 'json' })) as { format: string };
  assert.equal(exported.format, 'json');
  assert.equal(await client.shutdown(), 0);
});
