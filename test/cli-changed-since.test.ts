/**
 * `kube-checklist audit --changed-since REF` on real temporary git repositories: exactly the files
 * changed against the ref (committed since the merge-base, staged, unstaged, untracked and not
 * ignored; deleted ones skipped, renamed ones under their new name) are reported, plus the findings
 * of other files tied to them (a workload's Namespace, a binding of a changed ServiceAccount); path
 * arguments narrow the set; not being in a repository and a ref that names nothing exit with 2.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { runCli } from './support/run-cli';

const FILES: Record<string, string> = {
  'deploy/ns.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n',
  'deploy/web.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      serviceAccountName: web\n      containers:\n        - name: web\n          image: registry.example.com/web:1.0\n',
  'deploy/policy.yaml':
    'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  ingress:\n    - ports: [{port: 8080}]\n',
  'deploy/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n',
  'deploy/rbac.yaml':
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web-admin\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\n',
  'misc/other.yaml': pod('other'),
};

function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: misc\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;
}

const temporary: string[] = [];
let repo = '';

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=test', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
}

function write(relative: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(repo, relative)), { recursive: true });
  fs.writeFileSync(path.join(repo, relative), text);
}

beforeEach(() => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-git-'));
  temporary.push(repo);
  git('init', '-q', '-b', 'main');
  for (const [relative, text] of Object.entries(FILES)) write(relative, text);
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'feature');
});

after(() => {
  for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
});

interface JsonFinding {
  readonly file: string;
  readonly ruleId: string;
}

function findings(args: readonly string[], cwd = repo): JsonFinding[] {
  const run = runCli(['audit', ...args, '--format', 'json', '--fail-on', 'never'], { cwd });
  assert.equal(run.status, 0, run.stderr);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

function filesOf(list: readonly JsonFinding[]): string[] {
  return [...new Set(list.map((finding) => finding.file))].sort();
}

/** The findings of a full audit in the given files: what --changed-since must report, no more, no less. */
function fullAuditOf(files: readonly string[]): string[] {
  return findings(['.']).filter((finding) => files.includes(finding.file)).map((finding) => `${finding.file} ${finding.ruleId}`);
}

test('a committed change reports its file and the Namespace its workload lives in, nothing else', () => {
  write('deploy/web.yaml', FILES['deploy/web.yaml'].replace('web:1.0', 'web:1.1'));
  git('commit', '-qam', 'new image');
  const reported = findings(['.', '--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['deploy/ns.yaml', 'deploy/web.yaml']);
  assert.deepEqual(reported.map((finding) => `${finding.file} ${finding.ruleId}`), fullAuditOf(['deploy/ns.yaml', 'deploy/web.yaml']));
});

test('an unstaged change to a ServiceAccount reports the binding and the workload tied to it', () => {
  write('deploy/sa.yaml', FILES['deploy/sa.yaml'] + 'automountServiceAccountToken: false\n');
  const reported = findings(['--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['deploy/rbac.yaml', 'deploy/web.yaml']);
  assert.ok(reported.some((finding) => finding.ruleId === 'rbac-cluster-admin-binding'));
});

test('a changed NetworkPolicy reports the workloads it selects; a changed Service the workloads it picks', () => {
  write('deploy/policy.yaml', FILES['deploy/policy.yaml'].replace('port: 8080', 'port: 8443'));
  const reported = findings(['--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['deploy/web.yaml'], 'the policy itself has no finding; the workload it selects does');
  git('checkout', '-q', '--', 'deploy/policy.yaml');
  write('deploy/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n');
  write('misc/service.yaml', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: nobody\n  namespace: misc\nspec:\n  selector: {app: nobody}\n  ports: [{port: 80}]\n');
  assert.deepEqual(filesOf(findings(['deploy/service.yaml', 'deploy/web.yaml', 'misc', '--changed-since', 'main'])), ['deploy/web.yaml']);
});

test('staged and untracked files count, ignored ones do not; another file only for the namespace-wide findings that name them', () => {
  write('misc/staged.yaml', pod('staged'));
  git('add', 'misc/staged.yaml');
  write('misc/untracked.yaml', pod('untracked'));
  write('.gitignore', 'ignored.yaml\n');
  write('misc/ignored.yaml', pod('ignored'));
  const reported = findings(['--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['misc/other.yaml', 'misc/staged.yaml', 'misc/untracked.yaml']);
  // The namespace "misc" has no NetworkPolicy: that finding sits on its first Pod and names the new ones.
  assert.deepEqual([...new Set(reported.filter((finding) => finding.file === 'misc/other.yaml').map((finding) => finding.ruleId))].sort(), ['metadata-api-egress-unrestricted', 'network-policy-default-deny', 'network-policy-workload-coverage']);
});

test('deleted files are skipped and renamed ones are reported under their new name', () => {
  git('rm', '-q', 'misc/other.yaml');
  git('mv', 'deploy/rbac.yaml', 'deploy/bindings.yaml');
  git('commit', '-qm', 'rename and delete');
  const reported = findings(['--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['deploy/bindings.yaml']);
  assert.ok(reported.some((finding) => finding.ruleId === 'rbac-cluster-admin-binding'));
});

test('only changes under the given paths are reported, and only changes since the merge-base', () => {
  write('misc/other.yaml', pod('renamed-pod'));
  git('commit', '-qam', 'feature change');
  // A commit on main after the branch point is no change of this branch.
  git('checkout', '-q', 'main');
  write('deploy/web.yaml', FILES['deploy/web.yaml'].replace('web:1.0', 'web:2.0'));
  git('commit', '-qam', 'main moves on');
  git('checkout', '-q', 'feature');
  assert.deepEqual(filesOf(findings(['--changed-since', 'main'])), ['misc/other.yaml']);
  const run = runCli(['audit', 'deploy', '--changed-since', 'main', '--format', 'json'], { cwd: repo });
  assert.equal(run.status, 0, `nothing changed under deploy/ is no error: ${run.stderr}`);
  assert.deepEqual((JSON.parse(run.stdout) as { findings: unknown[] }).findings, []);
  assert.match(run.stderr, /--changed-since main: 0 changed file\(s\)/);
});

test('the nearest configuration of each changed file applies', () => {
  write('misc/.kube-checklist.yaml', 'rules:\n  pss-host-namespaces: off\n');
  write('misc/other.yaml', pod('other2'));
  const reported = findings(['--changed-since', 'main']);
  assert.deepEqual(filesOf(reported), ['misc/other.yaml']);
  assert.ok(!reported.some((finding) => finding.ruleId === 'pss-host-namespaces'));
  assert.ok(reported.some((finding) => finding.ruleId === 'container-memory-limit'));
});

test('a ref that names no commit exits with 2, in English and in Chinese', () => {
  const run = runCli(['audit', '--changed-since', 'no-such-branch'], { cwd: repo });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /error: --changed-since: 'no-such-branch' names no commit/);
  const zh = runCli(['audit', '--changed-since', 'no-such-branch', '--lang', 'zh-cn'], { cwd: repo });
  assert.equal(zh.status, 2);
  assert.match(zh.stderr, /'no-such-branch' 不是本仓库中的提交/);
  assert.equal(runCli(['audit', '--changed-since', '--help'], { cwd: repo }).status, 2, 'an option is no ref');
});

test('outside a git repository --changed-since exits with 2, in English and in Chinese', () => {
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-nogit-'));
  temporary.push(plain);
  fs.writeFileSync(path.join(plain, 'pod.yaml'), pod('alone'));
  const env = { GIT_CEILING_DIRECTORIES: path.dirname(plain) };
  const run = runCli(['audit', '--changed-since', 'main'], { cwd: plain, env });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /error: --changed-since: .* is not inside a git repository/);
  const zh = runCli(['audit', '--changed-since', 'main', '--lang', 'zh-cn'], { cwd: plain, env });
  assert.equal(zh.status, 2);
  assert.match(zh.stderr, /不在 git 仓库中/);
});

test('without git on PATH --changed-since exits with 2 and says so', () => {
  const run = runCli(['audit', '--changed-since', 'main'], { cwd: repo, env: { PATH: path.join(repo, 'no-bin') } });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /needs git, and git was not found on PATH/);
});
