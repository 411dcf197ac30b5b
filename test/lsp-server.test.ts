/**
 * The language server through a real LSP client over stdio: diagnostics with codes, links and exact
 * ranges on open; updates on edit; settings applied on change; silence for files that are not
 * Kubernetes manifests; CRLF and non-ASCII text; the Chinese locale.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { rangeOf, TestLspClient } from './support/lsp-client';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx:1.27
          securityContext:
            privileged: true
`;

let client: TestLspClient;

before(async () => {
  client = new TestLspClient();
  await client.initialize('en');
});

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0, `server exit code (stderr: ${client.stderr})`);
});

test('open: every finding has code, source, link and an exact range', async () => {
  const uri = 'file:///work/deployment.yaml';
  const diagnostics = await client.open(uri, DEPLOYMENT);
  // This file is about the pipeline; the Pod Security rules stand for all (the catalog has its own tests).
  const byCode = new Map(diagnostics.filter((d) => String(d.code).startsWith('pss-')).map((d) => [d.code, d]));

  const privileged = byCode.get('pss-privileged');
  assert.ok(privileged, 'pss-privileged reported');
  assert.deepEqual(privileged.range, rangeOf(DEPLOYMENT, 'true', 1));
  assert.equal(privileged.severity, DiagnosticSeverity.Error);
  assert.equal(privileged.source, 'kube-checklist');
  assert.match(privileged.codeDescription!.href, /docs\/rules\.md#pss-privileged$/);
  assert.match(String(privileged.message), /container "app" must not set securityContext\.privileged=true/);
  assert.deepEqual((privileged.data as { path: unknown[] }).path, ['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'privileged']);

  assert.deepEqual(byCode.get('pss-host-namespaces')!.range, rangeOf(DEPLOYMENT, 'true', 0));

  // A missing field lands on the nearest ancestor that exists: the securityContext key.
  assert.deepEqual(byCode.get('pss-allow-privilege-escalation')!.range, rangeOf(DEPLOYMENT, 'securityContext'));
  assert.equal(byCode.get('pss-allow-privilege-escalation')!.severity, DiagnosticSeverity.Warning);
  // runAsNonRoot is missing at both levels: the pod spec has no securityContext, so the container's.
  assert.deepEqual(byCode.get('pss-run-as-non-root')!.range, rangeOf(DEPLOYMENT, 'securityContext'));
  assert.deepEqual(
    [...byCode.keys()].sort(),
    ['pss-allow-privilege-escalation', 'pss-capabilities-restricted', 'pss-host-namespaces', 'pss-privileged', 'pss-run-as-non-root', 'pss-seccomp-restricted'],
  );
});

test('edit: fixing a field removes its diagnostic and keeps the others in place', async () => {
  const uri = 'file:///work/deployment.yaml';
  const range = rangeOf(DEPLOYMENT, 'true', 1);
  const diagnostics = await client.change(uri, 2, range, 'false');
  const codes = diagnostics.map((d) => d.code);
  assert.ok(!codes.includes('pss-privileged'), 'privileged gone after the edit');
  assert.ok(codes.includes('pss-host-namespaces'));

  // Insert a line above: every range moves down by one line.
  const moved = await client.change(uri, 3, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# comment\n');
  const hostNetwork = moved.find((d) => d.code === 'pss-host-namespaces')!;
  assert.deepEqual(hostNetwork.range.start, { line: 12, character: 19 });
});

test('settings: level baseline drops restricted findings, per-rule off and severity apply', async () => {
  const uri = 'file:///work/deployment.yaml';
  let diagnostics = await client.changeSettings({ podSecurity: { level: 'baseline' } }, uri);
  assert.deepEqual(diagnostics.map((d) => d.code).filter((code) => String(code).startsWith('pss-')), ['pss-host-namespaces']);

  diagnostics = await client.changeSettings({ podSecurity: { level: 'baseline' }, rules: { 'pss-host-namespaces': 'info' } }, uri);
  assert.equal(diagnostics.find((d) => d.code === 'pss-host-namespaces')!.severity, DiagnosticSeverity.Information);

  diagnostics = await client.changeSettings({ rules: { 'pss-host-namespaces': 'off' } }, uri);
  assert.ok(!diagnostics.some((d) => d.code === 'pss-host-namespaces'));
  assert.ok(diagnostics.some((d) => d.code === 'pss-run-as-non-root'), 'restricted again by default');

  diagnostics = await client.changeSettings({ kubernetesVersion: 'v1.21' }, uri);
  assert.ok(!diagnostics.some((d) => d.code === 'pss-capabilities-restricted'), 'capabilities_restricted starts at v1.22');
  assert.ok(diagnostics.some((d) => d.code === 'pss-seccomp-restricted'));

  diagnostics = await client.changeSettings({ enable: false }, uri);
  assert.deepEqual(diagnostics, []);
  await client.changeSettings({}, uri);
});

test('files that are not Kubernetes manifests get no diagnostics; a broken Kubernetes document gets one error', async () => {
  const compose = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
  assert.deepEqual(await client.open('file:///work/compose.yaml', compose), []);
  const workflow = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';
  assert.deepEqual(await client.open('file:///work/.github/workflows/ci.yml', workflow), []);
  const broken = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n     image: [\n';
  // Fail closed: kubectl might read what we cannot, so the document is an error, never silence.
  const diagnostics = await client.open('file:///work/broken.yaml', broken);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['unparseable-manifest', 1]]);
});

test('CRLF and non-ASCII text: positions in UTF-16 code units on the right line', async () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: 网站 # 中文注释 🚀',
    'spec:',
    '  hostPID: true',
    '  containers:',
    '    - {name: "容器🚀", image: nginx, securityContext: {privileged: true}}',
    '',
  ].join('\r\n');
  const diagnostics = await client.open('file:///work/crlf.yaml', text);
  const hostPid = diagnostics.find((d) => d.code === 'pss-host-namespaces')!;
  assert.deepEqual(hostPid.range, { start: { line: 5, character: 11 }, end: { line: 5, character: 15 } });
  const privileged = diagnostics.find((d) => d.code === 'pss-privileged')!;
  const line = '    - {name: "容器🚀", image: nginx, securityContext: {privileged: true}}';
  const character = line.indexOf('true');
  assert.deepEqual(privileged.range, { start: { line: 7, character }, end: { line: 7, character: character + 4 } });
  assert.match(String(privileged.message), /容器🚀/);
});

test('multi-document files and kind: List: each resource is checked where it stands', async () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: p}\n    spec:\n      hostIPC: true\n      containers: [{name: a, image: x}]\n';
  const diagnostics = await client.open('file:///work/list.yaml', text, 'yaml');
  const hostIpc = diagnostics.find((d) => d.code === 'pss-host-namespaces')!;
  assert.deepEqual(hostIpc.range, rangeOf(text, 'true'));
  assert.deepEqual((hostIpc.data as { path: unknown[] }).path, ['items', 0, 'spec', 'hostIPC']);
});

test('closing a document clears its diagnostics', async () => {
  assert.deepEqual(await client.close('file:///work/crlf.yaml'), []);
});

test('Simplified Chinese when the editor runs in zh-cn', async () => {
  const zh = new TestLspClient();
  try {
    await zh.initialize('zh-cn');
    const diagnostics = await zh.open('file:///work/zh.yaml', DEPLOYMENT);
    const privileged = diagnostics.find((d) => d.code === 'pss-privileged')!;
    assert.match(String(privileged.message), /容器 "app" 不得设置 securityContext\.privileged=true/);
  } finally {
    await zh.shutdown();
  }
});
