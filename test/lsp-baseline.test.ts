/**
 * The editor honours the baseline file that `kube-checklist audit --write-baseline` writes
 * (`kubeChecklist.baseline`, relative to the workspace folder): the findings it holds are hidden,
 * or shown as hints with `kubeChecklist.baselineFindings: hint`; a new finding shows as usual.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { TestLspClient } from './support/lsp-client';
import { runCli } from './support/run-cli';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext:
            privileged: true
`;

let client: TestLspClient;
let dir: string;

before(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-lsp-baseline-')));
  fs.writeFileSync(path.join(dir, 'app.yaml'), WEB);
  const written = runCli(['audit', '.', '--no-render', '--write-baseline', 'baseline.json'], { cwd: dir });
  assert.equal(written.status, 1, written.stderr);
  client = new TestLspClient();
  await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] });
});

after(async () => {
  const code = await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.equal(code, 0, `server exit code (stderr: ${client.stderr})`);
});

test('kubeChecklist.baseline hides the findings it holds, hint shows them as hints, a new one shows as usual', async () => {
  const uri = pathToFileURL(path.join(dir, 'app.yaml')).href;
  const plain = await client.open(uri, WEB);
  assert.ok(plain.some((d) => d.code === 'pss-privileged'), 'without the setting the finding shows');
  // Under load a publication of the workspace index may come first: wait for the settled one.
  const settled = async (settings: Record<string, unknown>, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> => {
    const first = await client.changeSettings(settings, uri);
    return done(first) ? first : (await client.diagnosticsUntil(uri, (params) => done(params.diagnostics))).diagnostics;
  };
  const hidden = await settled({ baseline: 'baseline.json' }, (diagnostics) => diagnostics.length === 0);
  assert.deepEqual(hidden.map((d) => d.code), [], 'every finding of the file is in the baseline');
  const hints = await settled({ baseline: 'baseline.json', baselineFindings: 'hint' }, (diagnostics) => diagnostics.length > 0);
  assert.ok(hints.length >= plain.length - 1 && hints.length > 0);
  assert.ok(hints.every((d) => d.severity === DiagnosticSeverity.Hint));
  await settled({ baseline: 'baseline.json' }, (diagnostics) => diagnostics.length === 0);
  const edited = await client.change(uri, 2, { start: { line: 14, character: 23 }, end: { line: 14, character: 27 } }, 'latest');
  const hasNew = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.code === 'image-latest-tag');
  const codes = (hasNew(edited) ? edited : (await client.diagnosticsUntil(uri, (params) => hasNew(params.diagnostics))).diagnostics).map((d) => d.code);
  assert.ok(codes.includes('image-latest-tag'), codes.join(','));
  assert.ok(!codes.includes('pss-privileged'), codes.join(','));
  await client.changeSettings({}, uri);
});

test('Audit Workspace applies the baseline too, and lists the baseline entries gone and the suppressions that no longer hold', async () => {
  const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-audit-baseline-')));
  fs.writeFileSync(path.join(work, 'app.yaml'), WEB);
  // Other namespaces, so the namespace-wide findings of app.yaml stay the same.
  const elsewhere = (name: string) => WEB.replace('name: web\n  namespace: shop', `name: ${name}\n  namespace: ${name}`);
  fs.writeFileSync(path.join(work, 'gone.yaml'), elsewhere('old'));
  assert.equal(runCli(['audit', '.', '--no-render', '--write-baseline', 'baseline.json'], { cwd: work }).status, 1);
  // After the baseline: one Deployment is gone (its entries no longer occur), a new one appears.
  fs.rmSync(path.join(work, 'gone.yaml'));
  const config = [
    'suppressions:',
    '  - rule: pss-host-namespaces',
    '    paths: ["app.yaml"]',
    '    reason: nothing here uses host namespaces, so this matches nothing',
    '  - rule: image-latest-tag',
    '    paths: ["new.yaml"]',
    '    reason: pinned by the release job',
    '    expires: 2020-01-01',
    '',
  ].join('\n');
  fs.writeFileSync(path.join(work, '.kube-checklist.yaml'), config);
  fs.writeFileSync(path.join(work, 'new.yaml'), elsewhere('api').replace('nginx:1.27', 'nginx:latest'));
  const auditor = new TestLspClient();
  auditor.settings = { baseline: 'baseline.json' };
  try {
    await auditor.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(work).href, name: 'ws' }] });
    type Result = { findings: { path: string; ruleId: string; severity: string }[]; stats: { suppressed: number }; exceptions: { suppressions: { path: string; index: number; rule: string; problem: string; expires?: string; range: { start: { line: number } } }[]; baselines: { path: string; entries: number; held: number; gone: number }[] } };
    const result = (await auditor.connection.sendRequest('kubeChecklist/auditWorkspace', {})) as Result;
    assert.deepEqual([...new Set(result.findings.map((finding) => finding.path))], ['new.yaml'], `app.yaml is baselined; new.yaml is new: ${result.findings.map((f) => `${f.path} ${f.ruleId}`).join(', ')}`);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'pss-privileged'));
    assert.ok(result.findings.some((finding) => finding.ruleId === 'image-latest-tag'), 'an expired suppression lets its finding through');
    const [baseline] = result.exceptions.baselines;
    assert.equal(baseline.path, 'baseline.json');
    assert.ok(baseline.held > 0 && baseline.gone > 0 && baseline.held + baseline.gone === baseline.entries, JSON.stringify(baseline));
    assert.deepEqual(
      result.exceptions.suppressions.map(({ path: file, index, rule, problem, expires, range }) => ({ file, index, rule, problem, expires, line: range.start.line })),
      [
        { file: '.kube-checklist.yaml', index: 0, rule: 'pss-host-namespaces', problem: 'unused', expires: undefined, line: 1 },
        { file: '.kube-checklist.yaml', index: 1, rule: 'image-latest-tag', problem: 'expired', expires: '2020-01-01', line: 4 },
      ],
    );
    // With hints, what the baseline holds is shown again, as hints only.
    auditor.settings = { baseline: 'baseline.json', baselineFindings: 'hint' };
    await auditor.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const hinted = (await auditor.connection.sendRequest('kubeChecklist/auditWorkspace', {})) as Result;
    const appFindings = hinted.findings.filter((finding) => finding.path === 'app.yaml');
    assert.ok(appFindings.length > 0 && appFindings.every((finding) => finding.severity === 'hint'), JSON.stringify(appFindings));
  } finally {
    assert.equal(await auditor.shutdown(), 0, auditor.stderr);
    fs.rmSync(work, { recursive: true, force: true });
  }
});
