/**
 * Real repositories: Helm chart templates are never checked as YAML (no syntax warnings, no
 * findings; one note per chart), values.yaml and Chart.yaml are not manifests, and Kustomize
 * patches are judged only for the values they set, never for what they leave to the base. In the
 * core, the CLI (also on ../shared/corpus/real-world) and the language server.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { analyzeSource, helmChartOfTemplate, kustomizationPatches, parseSourceFile, patchFindings } from '../server/src/core';
import { findOnPath } from '../server/src/host/render/run-tool';
import { TestLspClient } from './support/lsp-client';
import { sharedPath } from './support/paths';
import { runCli } from './support/run-cli';

const TEMPLATE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "web.fullname" . }}
  labels:
    {{- include "web.labels" . | nindent 4 }}
spec:
  template:
    spec:
      hostNetwork: {{ .Values.hostNetwork }}
      containers:
        - name: web
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag }}"
`;

const BASE = `apiVersion: apps/v1
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
      containers:
        - name: web
          image: registry.example.com/web:2.1
`;

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          securityContext:
            privileged: true
`;

const FILES: Record<string, string> = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 1.0.0\n',
  'chart/values.yaml': 'hostNetwork: true\nimage:\n  repository: nginx\n  tag: latest\n',
  'chart/templates/deployment.yaml': TEMPLATE,
  'chart/templates/_helpers.tpl': '{{- define "web.fullname" -}}web{{- end }}\n',
  'kustomize/base/deployment.yaml': BASE,
  'kustomize/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'kustomize/overlay/kustomization.yaml': 'resources:\n  - ../base\npatchesStrategicMerge:\n  - privileged.yaml\npatches:\n  - path: patches/replicas.json\n    target: {kind: Deployment}\n',
  'kustomize/overlay/privileged.yaml': PATCH,
  'kustomize/overlay/patches/replicas.json': '[{"op": "replace", "path": "/spec/replicas", "value": 3}]\n',
};

let root: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-repo-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

test('core: a template is found by its chart, and a kustomization names its patches', () => {
  const charts = new Set(['repo/chart', 'repo/chart/charts/sub']);
  assert.equal(helmChartOfTemplate('repo/chart/templates/a.yaml', (dir) => charts.has(dir)), 'repo/chart');
  assert.equal(helmChartOfTemplate('repo/chart/charts/sub/templates/x/b.yaml', (dir) => charts.has(dir)), 'repo/chart/charts/sub');
  assert.equal(helmChartOfTemplate('repo/other/templates/a.yaml', (dir) => charts.has(dir)), undefined, 'templates/ without a Chart.yaml is a plain folder');
  assert.deepEqual(kustomizationPatches(FILES['kustomize/overlay/kustomization.yaml']), ['privileged.yaml', 'patches/replicas.json']);
  assert.deepEqual(kustomizationPatches('patchesStrategicMerge:\n  - |\n    apiVersion: v1\n    kind: Pod\npatchesJson6902:\n  - path: p.yaml\n'), ['p.yaml'], 'inline patches are not paths');
  assert.deepEqual(kustomizationPatches(': not yaml ['), []);
});

test('core: on a patch only what it sets counts', () => {
  const result = analyzeSource(parseSourceFile(PATCH), { level: 'restricted', kubernetesVersion: 'latest' });
  assert.ok(result.findings.some((finding) => !finding.exact), 'as a whole resource it would miss fields');
  assert.deepEqual(patchFindings(result.findings).map((finding) => finding.ruleId), ['pss-privileged']);
});

test('CLI: no syntax warning and no finding from a chart template, one note per chart; the patch only for what it sets', () => {
  const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', '--no-render', '.'], { cwd: root });
  const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
  assert.ok(!findings.some((finding) => finding.file.startsWith('chart/')), 'nothing in the chart');
  assert.deepEqual(run.stderr.trim().split('\n'), ['chart: warning: Helm chart: its templates/ are Go templates, not YAML, and were not checked (helm is not on PATH, or --no-render); audit the output of `helm template` to check them']);
  assert.deepEqual(findings.filter((finding) => finding.file === 'kustomize/overlay/privileged.yaml').map((finding) => finding.ruleId), ['pss-privileged']);
  assert.ok(findings.filter((finding) => finding.file === 'kustomize/base/deployment.yaml').some((finding) => finding.ruleId === 'pss-run-as-non-root'), 'the base is judged whole');
  const named = runCli(['audit', '--no-render', 'chart/templates/deployment.yaml'], { cwd: root });
  assert.match(named.stderr, /^chart: warning: Helm chart/, 'a template named on the command line is skipped too');
});

test('CLI on ../shared/corpus/real-world: no syntax warning on any Helm template file', () => {
  const corpus = sharedPath('corpus', 'real-world');
  const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', '.'], { cwd: corpus });
  const warnings = run.stderr.split('\n').filter(Boolean);
  assert.ok(warnings.some((line) => line.includes('warning: Helm chart')), 'the charts are named');
  assert.deepEqual(warnings.filter((line) => line.includes('/templates/')), []);
  const findings = (JSON.parse(run.stdout) as { findings: { file: string }[] }).findings;
  assert.ok(findings.length > 1000);
  assert.deepEqual(findings.filter((finding) => /\/templates\//.test(finding.file) && fs.existsSync(path.join(corpus, finding.file.split('/templates/')[0], 'Chart.yaml'))), []);
});

test('server: a chart template gets no diagnostics, a patch only those of the values it sets', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize('en');
    const uri = (name: string) => pathToFileURL(path.join(root, name)).href;
    assert.deepEqual(await client.open(uri('chart/templates/deployment.yaml'), TEMPLATE), []);
    const patch = await client.open(uri('kustomize/overlay/privileged.yaml'), PATCH);
    assert.deepEqual(patch.map((diagnostic) => diagnostic.code), ['pss-privileged']);
    const base = await client.open(uri('kustomize/base/deployment.yaml'), BASE);
    assert.ok(base.some((diagnostic) => diagnostic.code === 'pss-run-as-non-root'));
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});

test('rendering: a Kustomize overlay is built with origin annotations and its findings land on the base file', (context) => {
  if (!findOnPath('kubectl') && !findOnPath('kustomize')) {
    context.skip('neither kubectl nor kustomize is installed here');
    return;
  }
  const overlay = fs.readFileSync(path.join(root, 'kustomize/overlay/kustomization.yaml'), 'utf8');
  fs.writeFileSync(path.join(root, 'kustomize/overlay/kustomization.yaml'), `${overlay}namespace: shop\n`);
  try {
    const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', 'kustomize'], { cwd: root });
    assert.match(run.stderr, /rendered 1 Kustomize overlay/);
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; resource: { namespace: string | null }; range: { start: { line: number } } }[] }).findings;
    const onBase = findings.filter((finding) => finding.file === 'kustomize/base/deployment.yaml');
    const privileged = onBase.find((finding) => finding.ruleId === 'pss-privileged');
    assert.ok(privileged, 'the patch made the deployed container privileged: said on the base');
    assert.equal(privileged.resource.namespace, 'shop', 'as rendered (the overlay sets the namespace)');
    assert.equal(privileged.range.start.line, 12, 'on the container of the base, the nearest place that exists there');
    const plain = runCli(['audit', '--format', 'json', '--fail-on', 'never', '--no-render', 'kustomize'], { cwd: root });
    assert.ok(!(JSON.parse(plain.stdout) as { findings: { ruleId: string; file: string }[] }).findings.some((finding) => finding.file === 'kustomize/base/deployment.yaml' && finding.ruleId === 'pss-privileged'));
  } finally {
    fs.writeFileSync(path.join(root, 'kustomize/overlay/kustomization.yaml'), overlay);
  }
});

test('rendering: a Helm chart rendered by `helm template` (a stand-in on PATH here) puts findings on its template files', () => {
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-fake-helm-'));
  try {
    // The stand-in prints what `helm template` prints for this chart: documents under `# Source:` lines.
    const rendered = `---\n# Source: web/templates/deployment.yaml\n${BASE.replace('containers:', 'hostNetwork: true\n      containers:')}`;
    fs.writeFileSync(path.join(bin, 'helm'), `#!${process.execPath}\nprocess.stdout.write(${JSON.stringify(rendered)});\n`, { mode: 0o755 });
    const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', 'chart'], { cwd: root, env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } });
    assert.doesNotMatch(run.stderr, /Helm chart: its templates/, 'the chart was rendered');
    const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number } } }[] }).findings;
    const hostNetwork = findings.find((finding) => finding.ruleId === 'pss-host-namespaces');
    assert.equal(hostNetwork?.file, 'chart/templates/deployment.yaml');
    assert.equal(hostNetwork?.range.start.line, 0, 'a template is not YAML: its first line');
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('server audit: renderers run only in a trusted workspace, and their findings land on base and template files', async (context) => {
  if (!findOnPath('kubectl') && !findOnPath('kustomize')) {
    context.skip('neither kubectl nor kustomize is installed here');
    return;
  }
  const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-fake-helm-'));
  const rendered = `---\n# Source: web/templates/deployment.yaml\n${BASE.replace('containers:', 'hostNetwork: true\n      containers:')}`;
  fs.writeFileSync(path.join(bin, 'helm'), `#!${process.execPath}\nprocess.stdout.write(${JSON.stringify(rendered)});\n`, { mode: 0o755 });
  const savedPath = process.env.PATH;
  type Result = { findings: { ruleId: string; path: string }[]; renders?: { directory: string; tool: string; status: string }[] };
  const auditWith = async (trustedWorkspace: boolean): Promise<Result> => {
    process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    const client = new TestLspClient();
    process.env.PATH = savedPath;
    try {
      await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'repo' }], trustedWorkspace });
      return (await client.connection.sendRequest('kubeChecklist/auditWorkspace', {})) as Result;
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  };
  try {
    const trusted = await auditWith(true);
    assert.deepEqual(trusted.renders?.map(({ directory, tool, status }) => `${tool} ${directory} ${status}`).sort(), ['helm chart rendered', 'kustomize kustomize/overlay rendered']);
    assert.ok(trusted.findings.some((finding) => finding.ruleId === 'pss-privileged' && finding.path === 'kustomize/base/deployment.yaml'));
    assert.ok(trusted.findings.some((finding) => finding.ruleId === 'pss-host-namespaces' && finding.path === 'chart/templates/deployment.yaml'));
    const untrusted = await auditWith(false);
    assert.deepEqual(untrusted.renders?.map(({ tool, status }) => `${tool} ${status}`), ['kustomize untrusted', 'helm untrusted'], 'said, not run');
    assert.ok(!untrusted.findings.some((finding) => finding.path.startsWith('chart/') || (finding.ruleId === 'pss-privileged' && finding.path === 'kustomize/base/deployment.yaml')));
  } finally {
    fs.rmSync(bin, { recursive: true, force: true });
  }
});

test('rendering the corpus: the microservices-demo and argo-cd kustomize trees render and their findings land on base files', (context) => {
  if (!findOnPath('kubectl') && !findOnPath('kustomize')) {
    context.skip('neither kubectl nor kustomize is installed here');
    return;
  }
  const corpus = sharedPath('corpus', 'real-world');
  for (const tree of ['microservices-demo/kustomize', 'argo-cd/manifests']) {
    const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', tree], { cwd: corpus });
    const rendered = Number(/rendered (\d+) Kustomize overlay/.exec(run.stderr)?.[1] ?? 0);
    assert.ok(rendered >= 1, `${tree}: ${run.stderr.slice(0, 500)}`);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string }[] }).findings;
    assert.ok(findings.some((finding) => finding.file.startsWith(`${tree}/base/`)), `${tree}: findings on base files`);
  }
});
