/**
 * The server under abuse, over stdio: a message that is not JSON, a request of an unknown method,
 * notifications nobody expects, requests about documents that were never opened, edits with
 * positions far outside the text, and a cancelled request. Each is answered as the protocol says
 * (an error response, null or an empty list), and the server keeps working and exits cleanly.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol';
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

let client: TestLspClient;

before(async () => {
  client = new TestLspClient();
  await client.initialize('en');
});

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0, `clean exit (stderr: ${client.stderr})`);
});

async function stillWorks(): Promise<void> {
  const uri = `file:///alive-${Math.random().toString(36).slice(2)}.yaml`;
  const diagnostics = await client.open(uri, POD);
  assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'pss-host-namespaces'));
  assert.ok(client.alive);
}

test('a body that is not JSON, and a header without a body length, do not stop the server', async () => {
  const garbage = '{"jsonrpc": "2.0", "method": ';
  client.writeRaw(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
  const notJson = 'this is not json at all \u0000\u00ff';
  client.writeRaw(`Content-Length: ${Buffer.byteLength(notJson)}\r\n\r\n${notJson}`);
  await stillWorks();
});

test('an unknown request gets MethodNotFound; unknown notifications are ignored', async () => {
  await assert.rejects(client.connection.sendRequest('kubeChecklist/noSuchThing', { x: 1 }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound);
  await client.connection.sendNotification('kubeChecklist/noSuchNotification', { y: [1, 2] });
  await client.connection.sendNotification('$/somethingOptional', {});
  await stillWorks();
});

test('requests about documents never opened get null or an empty list; edits and closes of them are ignored', async () => {
  const uri = 'file:///never-opened.yaml';
  assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
  assert.deepEqual(actions ?? [], []);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'x' }] });
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await stillWorks();
});

test('wrong parameter shapes are answered with an error or nothing, never a crash', async () => {
  await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 42 }, position: null } as never).catch(() => undefined);
  await client.connection.sendRequest(CodeActionRequest.type, {} as never).catch(() => undefined);
  await client.connection.sendRequest('kubeChecklist/exportAuditReport', { format: { nested: true } }).catch(() => undefined);
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: null, contentChanges: 'no' } as never);
  await stillWorks();
});

test('edits with positions far outside the text are clamped, and positions stay right afterwards', async () => {
  const uri = 'file:///clamped.yaml';
  await client.open(uri, POD);
  const far = { line: 10_000, character: 10_000 };
  const diagnostics = await client.change(uri, 2, { start: far, end: { line: 20_000, character: 5 } }, '# appended at the end\n');
  const hostNetwork = diagnostics.find((diagnostic) => diagnostic.code === 'pss-host-namespaces');
  assert.deepEqual(hostNetwork?.range, rangeOf(POD, 'true'));
  const negative = await client.change(uri, 3, { start: { line: -5, character: -1 }, end: { line: 0, character: 0 } }, '# first line\n');
  assert.equal(negative.find((diagnostic) => diagnostic.code === 'pss-host-namespaces')?.range.start.line, rangeOf(POD, 'true').start.line + 1);
  await stillWorks();
});

test('a cancelled request is answered with RequestCancelled or its result, and the server goes on', async () => {
  const uri = 'file:///cancel.yaml';
  await client.open(uri, POD);
  const source = new CancellationTokenSource();
  const pending = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'true').start }, source.token);
  source.cancel();
  await pending.then(
    () => undefined,
    (error: unknown) => assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled, String(error)),
  );
  await stillWorks();
});

test('a client that refuses dynamic registrations does not take the server down', async () => {
  const refusing = new TestLspClient();
  refusing.connection.onRequest('client/registerCapability', () => {
    throw new ResponseError(ErrorCodes.MethodNotFound, 'registrations are not supported here');
  });
  await refusing.initialize('en', { workspaceFolders: [] });
  const diagnostics = await refusing.open('file:///refused.yaml', POD);
  assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'pss-host-namespaces'));
  assert.ok(refusing.alive, refusing.stderr);
  assert.equal(await refusing.shutdown(), 0);
});
