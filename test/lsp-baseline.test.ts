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
