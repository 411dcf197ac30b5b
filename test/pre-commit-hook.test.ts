/**
 * The pre-commit hook (.pre-commit-hooks.yaml): its declaration, and its entry run the way
 * pre-commit runs it: the entry's words (the `kube-checklist` bin standing for dist/cli.js), the
 * hook's `args`, then the staged file names that match `files`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'yaml';
import { repoPath } from './support/paths';
import { CLI, cleanEnv } from './support/run-cli';

interface Hook {
  id: string;
  name: string;
  language: string;
  entry: string;
  files: string;
  pass_filenames?: boolean;
  args?: string[];
}

let hook: Hook;
let scratch: string;

const STAGED = ['deploy/insecure.yaml', 'deploy/clean.yml', 'config/settings.json', 'README.md', 'scripts/run.sh', 'chart/values.yaml'];

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  const hooks = parse(fs.readFileSync(repoPath('.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  assert.equal(hooks.length, 1);
  hook = hooks[0];
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-pre-commit-'));
  const fixtures = repoPath('test', 'fixtures', 'cli');
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
    fs.writeFileSync(path.join(scratch, name), text);
  };
  write('deploy/insecure.yaml', fs.readFileSync(path.join(fixtures, 'insecure', 'deployment.yaml'), 'utf8'));
  const clean = fs.readdirSync(path.join(fixtures, 'clean')).find((name) => /\.ya?ml$/.test(name))!;
  write('deploy/clean.yml', fs.readFileSync(path.join(fixtures, 'clean', clean), 'utf8'));
  write('config/settings.json', '{"editor": {"tabSize": 2}}\n');
  write('README.md', '# not a manifest\n');
  write('scripts/run.sh', 'echo hi\n');
  write('chart/values.yaml', 'replicaCount: 1\n');
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** The command pre-commit runs: entry words, args, the matching staged files; `kube-checklist` is dist/cli.js. */
function runHook(staged: readonly string[], args: readonly string[] = hook.args ?? []) {
  const pattern = new RegExp(hook.files);
  const files = staged.filter((name) => pattern.test(name));
  const [bin, ...words] = hook.entry.split(/\s+/);
  assert.equal(bin, 'kube-checklist', 'the entry runs the package bin');
  const result = spawnSync(process.execPath, [CLI, ...words, ...args, ...(hook.pass_filenames === false ? [] : files)], { cwd: scratch, env: cleanEnv(), encoding: 'utf8' });
  if (result.error) throw result.error;
  return { ...result, files };
}

test('the hook: id kube-checklist, a node hook running `kube-checklist audit` on YAML and JSON files', () => {
  assert.equal(hook.id, 'kube-checklist');
  assert.equal(hook.language, 'node');
  assert.equal(hook.entry, 'kube-checklist audit');
  assert.equal(hook.files, '\\.(ya?ml|json)$');
  assert.notEqual(hook.pass_filenames, false);
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
  assert.ok(manifest.bin['kube-checklist'], 'pre-commit installs the package: its bin is the entry');
  assert.match(manifest.scripts.prepare, /prepare-cli/, 'installing from git builds the bundle');
});

test('staged manifests: the hook fails on the insecure one and names it; other files are not passed', () => {
  const run = runHook(STAGED);
  assert.deepEqual(run.files, ['deploy/insecure.yaml', 'deploy/clean.yml', 'config/settings.json', 'chart/values.yaml']);
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stdout, /deploy\/insecure\.yaml/);
  assert.doesNotMatch(run.stdout, /deploy\/clean\.yml|settings\.json|values\.yaml/);
});

test('only clean or non-manifest files staged: the hook passes; args from .pre-commit-config.yaml come before the files', () => {
  const clean = runHook(['deploy/clean.yml', 'config/settings.json', 'README.md']);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  const relaxed = runHook(STAGED, ['--fail-on', 'never']);
  assert.equal(relaxed.status, 0);
  assert.match(relaxed.stdout, /deploy\/insecure\.yaml/);
});
