/**
 * A finding that also breaks baseline keeps baseline's severity at every level: where a restricted
 * rule replaces a baseline rule (hostPath, capabilities, seccomp, procMount), what baseline forbids
 * stays an error at the default restricted level, what only restricted forbids stays a warning, and
 * a severity configured for the baseline rule id is honoured. The CLI fails on such a Pod by default.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeSource, AnalysisOptions, parseSourceFile } from '../server/src/core';
import { CLI, runCli } from './support/run-cli';

const DANGEROUS = `apiVersion: v1
kind: Pod
metadata:
  name: node-root
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: Unconfined
  volumes:
    - name: root
      hostPath:
        path: /
  containers:
    - name: app
      image: registry.example.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000
      securityContext:
        allowPrivilegeEscalation: false
        procMount: Unmasked
        capabilities:
          drop: ["ALL"]
          add: ["SYS_ADMIN", "CHOWN"]
      volumeMounts:
        - name: root
          mountPath: /host
`;

const RESTRICTED_ONLY = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: registry.example.com/app@sha256:0000000000000000000000000000000000000000000000000000000000000000
      securityContext:
        allowPrivilegeEscalation: false
`;

function severities(text: string, options: Partial<AnalysisOptions> = {}): Map<string, string[]> {
  const result = analyzeSource(parseSourceFile(text), { level: 'restricted', kubernetesVersion: 'latest', ...options });
  const byRule = new Map<string, string[]>();
  for (const finding of result.findings) {
    const key = `${finding.ruleId}:${String(finding.data.capability ?? finding.messageId)}`;
    byRule.set(key, [...(byRule.get(key) ?? []), finding.severity]);
  }
  return byRule;
}

test('at restricted, restricted findings that also break baseline are errors', () => {
  const found = severities(DANGEROUS);
  assert.deepEqual(found.get('pss-restricted-volumes:restrictedVolume'), ['error']);
  assert.deepEqual(found.get('pss-capabilities-restricted:SYS_ADMIN'), ['error']);
  assert.deepEqual(found.get('pss-seccomp-restricted:podType'), ['error']);
  assert.deepEqual(found.get('pss-proc-mount-restricted:procMount'), ['error']);
  // CHOWN is allowed by baseline: only restricted forbids it.
  assert.deepEqual(found.get('pss-capabilities-restricted:CHOWN'), ['warning']);
});

test('at baseline, the same Pod has the baseline errors', () => {
  const found = severities(DANGEROUS, { level: 'baseline' });
  assert.deepEqual(found.get('pss-host-path-volumes:hostPath'), ['error']);
  assert.deepEqual(found.get('pss-capabilities-baseline:SYS_ADMIN'), ['error']);
  assert.deepEqual(found.get('pss-seccomp-baseline:podType'), ['error']);
  assert.deepEqual(found.get('pss-proc-mount:procMount'), ['error']);
});

test('a restricted-only violation (no drop ALL) stays a warning', () => {
  const found = severities(RESTRICTED_ONLY);
  assert.deepEqual(found.get('pss-capabilities-restricted:missingDropAll'), ['warning']);
  assert.ok([...found.values()].flat().every((severity) => severity !== 'error'), JSON.stringify([...found]));
});

test("the baseline rule's configured severity is honoured; off leaves the restricted rule's own", () => {
  assert.deepEqual(severities(DANGEROUS, { rules: { 'pss-capabilities-baseline': 'warning' } }).get('pss-capabilities-restricted:SYS_ADMIN'), ['warning']);
  assert.deepEqual(severities(DANGEROUS, { rules: { 'pss-capabilities-baseline': 'off' } }).get('pss-capabilities-restricted:SYS_ADMIN'), ['warning']);
  assert.deepEqual(severities(DANGEROUS, { rules: { 'pss-capabilities-restricted': 'error', 'pss-capabilities-baseline': 'info' } }).get('pss-capabilities-restricted:CHOWN'), ['error']);
});

test('a user-namespace Pod may use Unmasked at baseline: that finding stays a warning at restricted', () => {
  const found = severities(DANGEROUS.replace('spec:\n  securityContext:', 'spec:\n  hostUsers: false\n  securityContext:'));
  assert.deepEqual(found.get('pss-proc-mount-restricted:procMount'), ['warning']);
});

test('the CLI fails on the dangerous Pod at the default level, as at baseline', () => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-baseline-'));
  try {
    fs.writeFileSync(path.join(dir, 'pod.yaml'), DANGEROUS);
    assert.equal(runCli(['audit', 'pod.yaml'], { cwd: dir }).status, 1);
    assert.equal(runCli(['audit', 'pod.yaml', '--level', 'baseline'], { cwd: dir }).status, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
