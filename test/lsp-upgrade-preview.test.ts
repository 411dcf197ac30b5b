/**
 * `kubeChecklist/previewPodSecurity` through a real LSP client and the real server: the workspace's
 * files on disk are previewed as the CLI previews them (the same Markdown), at the level of the
 * folder's `.kube-checklist.yaml`; bad versions fail with InvalidParams; the versions the editor
 * offers are exactly those the core implements.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import { LATEST_MINOR } from '../server/src/core';
import { PREVIEW_POD_SECURITY_METHOD, PREVIEW_VERSIONS } from '../server/src/protocol/upgrade-preview-types';
import { TestLspClient } from './support/lsp-client';
import { runCli } from './support/run-cli';

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: v1
kind: Pod
metadata:
  name: probe
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0
      readinessProbe:
        tcpSocket: {host: 10.0.0.1, port: 8080}
`;

let root: string;
let client: TestLspClient;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-lsp-upgrade-'));
  fs.writeFileSync(path.join(root, 'app.yaml'), MANIFESTS);
  fs.writeFileSync(path.join(root, '.kube-checklist.yaml'), 'level: baseline\n');
  client = new TestLspClient();
  await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'shop' }] });
});

after(async () => {
  const code = await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
  assert.equal(code, 0, `server exit code (stderr: ${client.stderr})`);
});

test('the preview request answers with the Markdown the CLI writes, at the configured level', async () => {
  const result = (await client.connection.sendRequest(PREVIEW_POD_SECURITY_METHOD, { from: 'v1.33', to: 'v1.34' })) as { markdown: string; startsFailing: number; startsPassing: number };
  assert.equal(result.startsFailing, 1);
  assert.equal(result.startsPassing, 0);
  assert.match(result.markdown, /^# Pod Security baseline: upgrade from v1\.33 to v1\.34$/m);
  assert.match(result.markdown, /Pod shop\/probe passes baseline at v1\.33 but fails at v1\.34 \(pss-host-probes\)/);
  assert.match(result.markdown, /Namespace "shop" enforces baseline at latest/);
  const cli = runCli(['audit', '.', '--upgrade-from', 'v1.33', '--upgrade-to', 'v1.34', '--format', 'markdown'], { cwd: root });
  assert.equal(result.markdown, cli.stdout, 'one pipeline: the editor shows what the CLI prints');
  const back = (await client.connection.sendRequest(PREVIEW_POD_SECURITY_METHOD, { from: '1.34', to: '1.33' })) as { startsFailing: number; startsPassing: number };
  assert.deepEqual([back.startsFailing, back.startsPassing], [0, 1]);
});

test('bad versions fail with InvalidParams', async () => {
  for (const params of [{ from: 'v1.33' }, { from: 'v2.1', to: 'v1.34' }, 'v1.33']) {
    await assert.rejects(client.connection.sendRequest(PREVIEW_POD_SECURITY_METHOD, params), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
  }
});

test('the editor offers every version the core implements, newest first', () => {
  assert.deepEqual(PREVIEW_VERSIONS, Array.from({ length: LATEST_MINOR + 1 }, (_, index) => `v1.${LATEST_MINOR - index}`));
});
