/**
 * `kube-checklist audit --upgrade-from A --upgrade-to B` through the real CLI bundle: the workloads
 * that start failing (exit 1) with the check, the Namespace enforcing at latest that would start
 * rejecting them, the reverse as a note (exit 0), the level from the configuration, JSON and
 * Markdown output in both languages, and usage errors (exit 2).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from './support/run-cli';

const MANIFESTS = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: baseline
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:1.0
          livenessProbe:
            httpGet: {host: 10.0.0.1, port: 8080}
---
apiVersion: v1
kind: Pod
metadata:
  name: steady
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0
`;

function withWorkspace(run: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-upgrade-'));
  fs.writeFileSync(path.join(dir, 'app.yaml'), MANIFESTS);
  try {
    run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('v1.33 -> v1.35 at baseline: the probe host check starts failing the Deployment, its namespace would reject it; exit 1', () => {
  withWorkspace((cwd) => {
    const run = runCli(['audit', '.', '--level', 'baseline', '--upgrade-from', 'v1.33', '--upgrade-to', '1.35'], { cwd });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /^app\.yaml:8: Deployment shop\/web passes baseline at v1\.33 but fails at v1\.35 \(pss-host-probes\)$/m);
    assert.match(run.stdout, /livenessProbe\.httpGet\.host/);
    assert.match(run.stdout, /^app\.yaml:1: Namespace "shop" enforces baseline at latest: at v1\.35 it would start rejecting 1 workload\(s\): Deployment shop\/web$/m);
    assert.doesNotMatch(run.stdout, /steady/, 'a Pod whose verdict does not change is not listed');
    const json = JSON.parse(runCli(['audit', '.', '--level', 'baseline', '--upgrade-from', 'v1.33', '--upgrade-to', 'v1.35', '--format', 'json'], { cwd }).stdout);
    assert.equal(json.version, 1);
    assert.deepEqual(
      json.upgrade.changes.map((c: { kind: string; name: string; direction: string; checks: string[] }) => [c.kind, c.name, c.direction, c.checks]),
      [['Deployment', 'web', 'starts-failing', ['pss-host-probes']]],
    );
    assert.deepEqual(json.upgrade.namespaces.map((n: { name: string; level: string }) => [n.name, n.level]), [['shop', 'baseline']]);
  });
});

test('the reverse is a note and exits 0; Markdown and Chinese come from the same report', () => {
  withWorkspace((cwd) => {
    const run = runCli(['audit', '.', '--level', 'baseline', '--upgrade-from', 'v1.35', '--upgrade-to', 'v1.33', '--lang', 'zh-cn'], { cwd });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /注意：.*Deployment shop\/web 在 v1\.35 不满足 baseline，在 v1\.33 满足（pss-host-probes）/);
    const markdown = runCli(['audit', '.', '--level', 'baseline', '--upgrade-from', 'v1.33', '--upgrade-to', 'latest', '--format', 'markdown'], { cwd });
    assert.match(markdown.stdout, /^# Pod Security baseline: upgrade from v1\.33 to v1\.37$/m);
    assert.match(markdown.stdout, /^## Would start failing$/m);
    assert.match(markdown.stdout, /^\| app\.yaml:8 \| Deployment shop\/web passes baseline/m);
  });
});

test('the level comes from the configuration unless --level is given', () => {
  withWorkspace((cwd) => {
    fs.writeFileSync(path.join(cwd, '.kube-checklist.yaml'), 'level: baseline\n');
    const run = runCli(['audit', '.', '--upgrade-from', 'v1.33', '--upgrade-to', 'v1.34', '--format', 'json'], { cwd });
    assert.equal(JSON.parse(run.stdout).upgrade.level, 'baseline');
  });
});

test('usage errors exit 2: one version alone, a bad version, a format the preview does not have', () => {
  withWorkspace((cwd) => {
    for (const args of [['--upgrade-from', 'v1.33'], ['--upgrade-from', 'v1.33', '--upgrade-to', 'v2.0'], ['--upgrade-from', 'v1.33', '--upgrade-to', 'v1.35', '--format', 'sarif']]) {
      const run = runCli(['audit', '.', ...args], { cwd });
      assert.equal(run.status, 2, args.join(' '));
      assert.match(run.stderr, /upgrade|invalid value/);
    }
  });
});
