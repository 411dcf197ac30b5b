/**
 * Files that are open while the workspace is indexed: the index does not read them from disk (the
 * open text counts, and the editor's check parses it), and reads them when they are closed, so
 * that the disk text counts again. Through a real LSP client over stdio.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestLspClient } from './support/lsp-client';
import { SHOP_WEB, shopNamespace } from './support/shop-manifests';

let root: string;
let client: TestLspClient;
const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;

const violates = (params: PublishDiagnosticsParams) => params.diagnostics.some((d) => d.code === 'psa-namespace-enforce-violation');

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-open-'));
  // Many files first, so that the namespace file is still to be indexed when it is opened.
  for (let i = 0; i < 300; i++) {
    fs.mkdirSync(path.join(root, 'bulk'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bulk', `cm-${String(i).padStart(3, '0')}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm-${i}, namespace: other}\ndata: {a: "1"}\n`);
  }
  fs.writeFileSync(path.join(root, 'web.yaml'), SHOP_WEB);
  fs.writeFileSync(path.join(root, 'zz-namespace.yaml'), shopNamespace('baseline'));
  client = new TestLspClient();
  await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'shop' }] });
});

after(async () => {
  const code = await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
  assert.equal(code, 0, `server exit code (stderr: ${client.stderr})`);
});

async function indexingDone(): Promise<void> {
  const deadline = Date.now() + 20000;
  while (client.createdProgress.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const token = client.createdProgress[0];
  if (!client.progress.get(token)?.some((value) => value.kind === 'end')) await client.nextProgress(token, 'end', 60000);
}

test('an open file counts with its open text, and with its disk text once closed', async () => {
  // Opened before the index reaches it (it is read last), so the index never reads it from disk.
  await client.open(uriOf('zz-namespace.yaml'), shopNamespace('privileged'));
  await indexingDone();
  await client.open(uriOf('web.yaml'), SHOP_WEB);
  // The open namespace says privileged: the hostPID workload violates nothing it enforces.
  const whileOpen = await client.diagnosticsUntil(uriOf('web.yaml'), (params) => params.diagnostics.some((d) => d.code === 'pss-host-namespaces'));
  assert.ok(!violates(whileOpen), whileOpen.diagnostics.map((d) => d.code).join(', '));
  await client.close(uriOf('zz-namespace.yaml'));
  // Closed: the disk says baseline, which forbids hostPID.
  const afterClose = await client.diagnosticsUntil(uriOf('web.yaml'), violates);
  assert.match(String(afterClose.diagnostics.find((d) => d.code === 'psa-namespace-enforce-violation')!.message), /baseline/);
  const audit = (await client.connection.sendRequest('kubeChecklist/auditWorkspace', { workDoneToken: 'a' })) as { stats: { manifests: number } };
  assert.equal(audit.stats.manifests, 302);
});
