/**
 * Other tools' ignore annotations (kube-linter, Checkov, Polaris, kube-score) suppress the rules
 * that check the same thing, on the resource and on its Pod template, with the tool's reason or the
 * annotation's name as the reason; checks without an equivalent rule change nothing; the setting
 * and the CLI flag turn it off. Suppressed findings stay counted. Blanket exemptions (Polaris
 * exempt, kube-linter ignore-all) count as suppressions without a reason: a directive problem, and
 * errors stay unless the mode is `all`.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeSource, FOREIGN_ALIASES, parseSourceFile, renderDirectiveProblem, ruleById } from '../server/src/core';
import { TestLspClient } from './support/lsp-client';
import { runCli } from './support/run-cli';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: node-agent
  namespace: kube-system
  annotations:
    ignore-check.kube-linter.io/privileged-container: "the agent loads kernel modules"
    ignore-check.kube-linter.io/no-such-check: "nothing of ours"
    checkov.io/skip1: CKV_K8S_19=the CNI needs the host network
spec:
  selector:
    matchLabels: {app: node-agent}
  template:
    metadata:
      labels: {app: node-agent}
      annotations:
        polaris.fairwinds.com/memoryLimitsMissing-exempt: "true"
        kube-score/ignore: container-image-tag, pod-probes
    spec:
      hostNetwork: true
      containers:
        - name: agent
          image: registry.example.com/agent:latest
          securityContext:
            privileged: true
`;

const OPTIONS = { level: 'restricted', kubernetesVersion: 'latest' } as const;

test('every alias names a real rule', () => {
  for (const [tool, table] of Object.entries(FOREIGN_ALIASES)) {
    for (const [check, rules] of Object.entries(table)) {
      for (const id of rules) assert.ok(ruleById(id), `${tool} ${check} → ${id}`);
    }
  }
});

test('kube-linter, Checkov, Polaris and kube-score annotations suppress the equivalent rules, with reasons', () => {
  const result = analyzeSource(parseSourceFile(DEPLOYMENT), OPTIONS);
  const suppressed = new Map(result.suppressed.map(({ finding, reason, by }) => [finding.ruleId, { reason, by }]));
  assert.deepEqual(suppressed.get('pss-privileged'), { reason: 'the agent loads kernel modules', by: 'annotation' });
  assert.deepEqual(suppressed.get('pss-host-namespaces'), { reason: 'the CNI needs the host network', by: 'annotation' });
  assert.deepEqual(suppressed.get('container-memory-limit'), { reason: 'polaris.fairwinds.com/memoryLimitsMissing-exempt annotation', by: 'annotation' });
  assert.deepEqual(suppressed.get('image-latest-tag'), { reason: 'kube-score/ignore annotation', by: 'annotation' });
  const kept = new Set(result.findings.map((finding) => finding.ruleId));
  for (const id of ['pss-run-as-non-root', 'pss-seccomp-restricted']) assert.ok(kept.has(id), `${id} is not suppressed by them`);
  for (const id of suppressed.keys()) assert.ok(!kept.has(id));
  assert.deepEqual(result.directiveProblems, [], 'foreign annotations never need our reason annotation');
});

test('turned off, the foreign annotations change nothing', () => {
  const result = analyzeSource(parseSourceFile(DEPLOYMENT), { ...OPTIONS, foreignSuppressions: false });
  assert.deepEqual(result.suppressed, []);
  assert.ok(result.findings.some((finding) => finding.ruleId === 'pss-privileged'));
});

test('CLI: suppressed by default and listed with --show-suppressed; --no-foreign-suppressions reports them', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-foreign-'));
  try {
    fs.writeFileSync(path.join(root, 'agent.yaml'), DEPLOYMENT);
    const shown = runCli(['audit', '--no-color', '--show-suppressed', 'agent.yaml'], { cwd: root });
    assert.match(shown.stdout, /suppressed\]? pss-privileged .* -- the agent loads kernel modules/);
    assert.doesNotMatch(shown.stdout, /error pss-privileged/);
    const off = runCli(['audit', '--no-color', '--no-foreign-suppressions', 'agent.yaml'], { cwd: root });
    assert.match(off.stdout, /error pss-privileged/);
    assert.equal(off.status, 1);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

const EXEMPT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: node-agent
  annotations:
    polaris.fairwinds.com/exempt: "true"
    ignore-check.kube-linter.io/unsafe-proc-mount: "the agent reads the host's /proc"
spec:
  containers:
    - name: agent
      image: registry.example.com/agent:1.0
      securityContext:
        privileged: true
        procMount: Unmasked
`;

test('a blanket exemption does not silence errors and is a directive problem; per-check annotations still apply', () => {
  const source = parseSourceFile(EXEMPT_POD);
  const result = analyzeSource(source, OPTIONS);
  const privileged = result.findings.find((finding) => finding.ruleId === 'pss-privileged');
  assert.equal(privileged?.severity, 'error');
  assert.ok(!result.suppressed.some(({ finding }) => finding.severity === 'error' && finding.ruleId !== 'pss-proc-mount-restricted'), 'no error is suppressed by the blanket');
  // Non-error findings the blanket covers are still suppressed by it.
  assert.ok(result.suppressed.some(({ finding, reason }) => finding.ruleId === 'container-memory-limit' && reason === 'polaris.fairwinds.com/exempt annotation'));
  // The per-check kube-linter annotation applies to the (error) procMount finding, with its reason.
  assert.deepEqual(
    result.suppressed.filter(({ finding }) => finding.ruleId === 'pss-proc-mount-restricted').map(({ finding, reason }) => [finding.severity, reason]),
    [['error', "the agent reads the host's /proc"]],
  );
  assert.deepEqual(result.directiveProblems.map((problem) => problem.messageId), ['blanketExemption']);
  const [problem] = result.directiveProblems;
  assert.equal(EXEMPT_POD.slice(problem.start, problem.end), 'polaris.fairwinds.com/exempt');
  assert.match(renderDirectiveProblem(problem, 'en'), /blanket exemption "polaris\.fairwinds\.com\/exempt".*does not apply to errors/);
  assert.match(renderDirectiveProblem(problem, 'zh-cn'), /整体豁免/);
});

test('kube-linter ignore-all is a blanket exemption too', () => {
  const text = EXEMPT_POD.replace('polaris.fairwinds.com/exempt: "true"', 'kube-linter.io/ignore-all: "legacy"');
  const result = analyzeSource(parseSourceFile(text), OPTIONS);
  assert.deepEqual(result.directiveProblems.map((problem) => problem.messageId), ['blanketExemption']);
});

test("foreign suppressions 'all' lets the blanket exemption silence errors, without a problem", () => {
  const result = analyzeSource(parseSourceFile(EXEMPT_POD), { ...OPTIONS, foreignSuppressions: 'all' });
  assert.ok(!result.findings.some((finding) => finding.ruleId === 'pss-privileged'));
  assert.ok(result.suppressed.some(({ finding }) => finding.ruleId === 'pss-privileged'));
  assert.deepEqual(result.directiveProblems, []);
});

test('CLI: a blanket exemption fails the audit; --foreign-suppressions all lets it pass the error', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-foreign-'));
  try {
    fs.writeFileSync(path.join(root, 'pod.yaml'), EXEMPT_POD);
    const on = runCli(['audit', '--no-color', 'pod.yaml'], { cwd: root });
    assert.equal(on.status, 1);
    assert.match(on.stdout, /error pss-privileged/);
    const all = runCli(['audit', '--no-color', '--foreign-suppressions', 'all', 'pod.yaml'], { cwd: root });
    assert.doesNotMatch(all.stdout, /error pss-privileged/);
    assert.equal(runCli(['audit', '--foreign-suppressions', 'sometimes', 'pod.yaml'], { cwd: root }).status, 2);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('server: honoured by default, and kubeChecklist.honorForeignSuppressions false shows the findings', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize('en');
    const uri = 'file:///agent.yaml';
    const codes = (await client.open(uri, DEPLOYMENT)).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('pss-privileged') && codes.includes('pss-run-as-non-root'));
    const off = (await client.changeSettings({ honorForeignSuppressions: false }, uri)).map((diagnostic) => diagnostic.code);
    assert.ok(off.includes('pss-privileged') && off.includes('pss-host-namespaces') && off.includes('image-latest-tag'));
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});
