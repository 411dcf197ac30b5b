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
  const run = runCli(['audit', '--format', 'json', '--fail-on', 'never', '.'], { cwd: root });
  const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
  assert.ok(!findings.some((finding) => finding.file.startsWith('chart/')), 'nothing in the chart');
  assert.deepEqual(run.stderr.trim().split('\n'), ['chart: warning: Helm chart: its templates/ are Go templates, not YAML, and were not checked; audit the output of `helm template` to check them']);
  assert.deepEqual(findings.filter((finding) => finding.file === 'kustomize/overlay/privileged.yaml').map((finding) => finding.ruleId), ['pss-privileged']);
  assert.ok(findings.filter((finding) => finding.file === 'kustomize/base/deployment.yaml').some((finding) => finding.ruleId === 'pss-run-as-non-root'), 'the base is judged whole');
  const named = runCli(['audit', 'chart/templates/deployment.yaml'], { cwd: root });
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
