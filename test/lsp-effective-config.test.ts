/**
 * One configuration truth, shown (issue 21 part 1): a workspace of two folders, one with its own
 * `.kube-checklist.yaml` (level baseline, a rule off), gives the same findings per file live in the
 * editor, in Audit Workspace and in the CLI; and `kubeChecklist/effectiveConfig`, which the
 * language status shows, names each folder's level and the configuration file in effect; the CLI's
 * summary names the configuration files it used.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from './support/lsp-client';
import { runCli } from './support/run-cli';

const DEPLOYMENT = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${name}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
          securityContext:
            runAsUser: 0
`;

let root = '';
let client: TestLspClient;
const folder = (name: string) => path.join(root, name);
const fileUri = (name: string) => pathToFileURL(path.join(folder(name), 'app.yaml')).href;

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kc-effective-')));
  for (const name of ['baseline-team', 'strict-team']) {
    fs.mkdirSync(folder(name));
    fs.writeFileSync(path.join(folder(name), 'app.yaml'), DEPLOYMENT(name));
  }
  fs.writeFileSync(path.join(folder('baseline-team'), '.kube-checklist.yaml'), 'level: baseline\nkubernetesVersion: v1.30\nrules:\n  image-without-digest: off\n');
  client = new TestLspClient();
  await client.initialize('en', {
    workspaceFolders: ['baseline-team', 'strict-team'].map((name) => ({ uri: pathToFileURL(folder(name)).href, name })),
  });
});

after(async () => {
  assert.equal(await client.shutdown(), 0, client.stderr);
  fs.rmSync(root, { recursive: true, force: true });
});

test('the effective configuration of each folder: level, version and the file in effect', async () => {
  const baseline = await client.connection.sendRequest('kubeChecklist/effectiveConfig', { uri: fileUri('baseline-team') });
  assert.deepEqual(baseline, {
    enabled: true,
    level: 'baseline',
    kubernetesVersion: 'v1.30',
    config: { uri: pathToFileURL(path.join(folder('baseline-team'), '.kube-checklist.yaml')).href, problems: 0 },
  });
  assert.deepEqual(await client.connection.sendRequest('kubeChecklist/effectiveConfig', { uri: fileUri('strict-team') }), { enabled: true, level: 'restricted', kubernetesVersion: 'latest' });
  await assert.rejects(client.connection.sendRequest('kubeChecklist/effectiveConfig', {}), /params\.uri/);
});

test('live, in Audit Workspace and in the CLI, each file gets the findings of its own configuration', async () => {
  const rulesOf = (ids: readonly (string | number | undefined)[]) => [...new Set(ids.map(String))].sort();
  const live: Record<string, string[]> = {};
  for (const name of ['baseline-team', 'strict-team']) live[name] = rulesOf((await client.open(fileUri(name), DEPLOYMENT(name))).map((d) => d.code));
  const audit = (await client.connection.sendRequest('kubeChecklist/auditWorkspace', {})) as { findings: { uri: string; ruleId: string }[]; configurations: unknown[] };
  assert.deepEqual(audit.configurations, [
    { uri: pathToFileURL(path.join(folder('baseline-team'), '.kube-checklist.yaml')).href, path: 'baseline-team/.kube-checklist.yaml', level: 'baseline', kubernetesVersion: 'v1.30' },
  ], 'the audit names the configuration files it used');
  const cli = JSON.parse(runCli(['audit', '.', '--format', 'json', '--fail-on', 'never', '--no-render'], { cwd: root }).stdout) as { findings: { file: string; ruleId: string }[] };
  for (const name of ['baseline-team', 'strict-team']) {
    const audited = rulesOf(audit.findings.filter((finding) => finding.uri === fileUri(name)).map((finding) => finding.ruleId));
    const checked = rulesOf(cli.findings.filter((finding) => finding.file === `${name}/app.yaml`).map((finding) => finding.ruleId));
    assert.deepEqual(audited, live[name], `${name}: the audit as live`);
    assert.deepEqual(checked, live[name], `${name}: the CLI as live`);
  }
  const text = runCli(['audit', '.', '--fail-on', 'never', '--no-render', '--no-color'], { cwd: root });
  assert.match(text.stdout, /^Configuration: baseline-team\/\.kube-checklist\.yaml \(baseline · v1\.30\)\.$/m, 'the CLI names the configuration it used');
  assert.ok(!live['baseline-team'].includes('image-without-digest'), 'the rule the configuration turns off');
  assert.ok(!live['baseline-team'].includes('pss-run-as-non-root'), 'restricted-only checks are not run at baseline');
  assert.ok(live['strict-team'].includes('pss-run-as-non-root') && live['strict-team'].includes('image-without-digest'));
});
