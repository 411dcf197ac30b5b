/**
 * The CLI finds configuration the way the editor does: the nearest `.kube-checklist.yaml` above
 * each input file, whatever the working directory; `--config` applies one file to every input;
 * `--stdin-filename` names what standard input stands for, in reports and for the lookup; a broken
 * configuration found on the way stops the run with exit status 2.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from './support/run-cli';

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;

let repo = '';
let elsewhere = '';

before(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-repo-'));
  elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-cwd-'));
  const write = (relative: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(repo, relative)), { recursive: true });
    fs.writeFileSync(path.join(repo, relative), text);
  };
  write('.kube-checklist.yaml', 'rules:\n  image-without-digest: off\n');
  write('platform/.kube-checklist.yaml', 'level: baseline\nrules:\n  container-memory-limit: off\n');
  write('platform/agent.yaml', POD('agent'));
  write('apps/.kube-checklist.yaml', 'suppressions:\n  - rule: pss-host-namespaces\n    reason: the debug Pod shares the host PID namespace on purpose\n');
  write('apps/debug.yaml', POD('debug'));
  write('root.yaml', POD('root'));
});

after(() => {
  fs.rmSync(repo, { recursive: true, force: true });
  fs.rmSync(elsewhere, { recursive: true, force: true });
});

function rulesByFile(args: readonly string[], cwd: string, input?: string): Map<string, Set<string>> {
  const run = runCli(['audit', ...args, '--format', 'json', '--fail-on', 'never'], { cwd, input });
  assert.equal(run.status, 0, run.stderr);
  const findings = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
  const byFile = new Map<string, Set<string>>();
  for (const finding of findings) byFile.set(path.basename(finding.file), (byFile.get(path.basename(finding.file)) ?? new Set()).add(finding.ruleId));
  return byFile;
}

test('from another working directory, each sub-tree is checked with its own nearest configuration', () => {
  const byFile = rulesByFile([repo], elsewhere);
  const root = byFile.get('root.yaml')!;
  assert.ok(root.has('pss-host-namespaces') && root.has('pss-run-as-non-root'), 'the root: restricted');
  assert.ok(!root.has('image-without-digest'), 'the root configuration turns a rule off');
  const agent = byFile.get('agent.yaml')!;
  assert.ok(agent.has('pss-host-namespaces'));
  assert.ok(!agent.has('pss-run-as-non-root'), 'platform/: baseline');
  assert.ok(!agent.has('container-memory-limit'), 'platform/: its own rule settings');
  assert.ok(agent.has('image-without-digest'), 'the nearest file wins whole: the root one does not add to it');
  const debug = byFile.get('debug.yaml')!;
  assert.ok(!debug.has('pss-host-namespaces'), 'apps/: its suppression applies');
  assert.ok(debug.has('pss-run-as-non-root'));
});

test('--config applies one file to every input', () => {
  const byFile = rulesByFile(['--config', path.join(repo, 'platform', '.kube-checklist.yaml'), repo], elsewhere);
  for (const file of ['root.yaml', 'agent.yaml', 'debug.yaml']) {
    assert.ok(!byFile.get(file)!.has('pss-run-as-non-root'), `${file} at baseline`);
    assert.ok(byFile.get(file)!.has('pss-host-namespaces'), `${file}: no suppression from apps/`);
  }
});

test('--stdin-filename: standard input is shown as that path and takes the configuration found there', () => {
  const run = runCli(['audit', '-', '--stdin-filename', path.join(repo, 'platform', 'piped.yaml'), '--format', 'json', '--fail-on', 'never'], { cwd: elsewhere, input: POD('piped') });
  assert.equal(run.status, 0, run.stderr);
  const findings = (JSON.parse(run.stdout) as { findings: { file: string; ruleId: string }[] }).findings;
  assert.ok(findings.length > 0);
  assert.ok(findings.every((finding) => finding.file.endsWith('platform/piped.yaml')), JSON.stringify(findings.map((finding) => finding.file)));
  assert.ok(!findings.some((finding) => finding.ruleId === 'pss-run-as-non-root'), 'platform/ is baseline');
  const plain = rulesByFile(['-'], elsewhere, POD('piped'));
  assert.ok(plain.get('<stdin>')!.has('pss-run-as-non-root'), 'without it: the working directory has no configuration');
});

test('a broken configuration found above an input stops the run with exit status 2, naming it', () => {
  const broken = path.join(repo, 'broken');
  fs.mkdirSync(broken);
  fs.writeFileSync(path.join(broken, '.kube-checklist.yaml'), 'level: strictest\n');
  fs.writeFileSync(path.join(broken, 'pod.yaml'), POD('broken'));
  try {
    const run = runCli(['audit', repo], { cwd: elsewhere });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /broken\/\.kube-checklist\.yaml:1:\d+: /);
  } finally {
    fs.rmSync(broken, { recursive: true, force: true });
  }
});

test('a .kube-checklist.yaml configures the audit but is not a checked file, also when named', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-config-count-'));
  try {
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'level: baseline\n');
    fs.writeFileSync(path.join(dir, 'cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata: {mode: fast}\n');
    for (const args of [['.'], ['.', '.kube-checklist.yaml']]) {
      const run = runCli(['audit', ...args, '--no-render', '--no-color'], { cwd: dir });
      assert.equal(run.status, 0, run.stderr);
      assert.equal(run.stdout, 'No findings; 1 resource checked in 1 file.\nConfiguration: .kube-checklist.yaml (baseline · latest).\n', args.join(' '));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
