/**
 * `kube-checklist init`: the `.kube-checklist.yaml` it writes is valid against the published schema
 * (ajv) and loads through the real configuration loader, with its commented examples uncommented
 * too; the Chinese file says the same in its comments; existing files are never overwritten without
 * --force; the CI files of --ci parse and name only action inputs, hook ids and CLI options that
 * exist (as the README CI test checks them).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, beforeEach, test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { RunConfigs } from '../server/src/host/config-loader';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

const temporary: string[] = [];
let dir = '';

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-init-'));
  temporary.push(dir);
});

after(() => {
  for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
});

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(repoPath('schemas', 'kube-checklist.schema.json'), 'utf8')));

function init(args: readonly string[], cwd = dir) {
  return runCli(['init', ...args], { cwd });
}

/** The commented examples made live: `# key:` and `#   - item` lines lose their `# `; prose stays. */
function uncommented(text: string): string {
  return text.replace(/^# (?=( *)([a-z][\w-]*:|- ))/gm, '');
}

/** Valid for the schema and for the loader the CLI and the editor use; returns the parsed value. */
function checkConfig(text: string, name: string): Record<string, unknown> {
  const value = parse(text) as Record<string, unknown>;
  assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors)}`);
  const file = path.join(dir, `${name}.yaml`);
  fs.writeFileSync(file, text);
  const loaded = new RunConfigs(file, dir, 'en').primary();
  assert.ok(loaded, name);
  return value;
}

test('the configuration is valid as written and with its examples uncommented, in both languages', () => {
  const run = init([]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'wrote .kube-checklist.yaml\n');
  const english = fs.readFileSync(path.join(dir, '.kube-checklist.yaml'), 'utf8');
  assert.deepEqual(checkConfig(english, 'as-written'), { level: 'restricted', kubernetesVersion: 'latest' });
  const live = checkConfig(uncommented(english), 'uncommented');
  assert.deepEqual(Object.keys(live).sort(), ['exceptions', 'exclude', 'kubernetesVersion', 'level', 'rules', 'suppressions']);
  assert.equal((live.rules as Record<string, string>)['container-memory-limit'], 'off', 'an example turns a rule off');
  assert.equal((live.rules as Record<string, string>)['image-without-digest'], 'warning', 'an example changes a severity');
  const [suppression] = live.suppressions as { reason: string; expires: string }[];
  assert.ok(suppression.reason.length > 10 && /^\d{4}-\d{2}-\d{2}$/.test(suppression.expires), 'a suppression with a reason and an expiry');

  const chinese = path.join(dir, 'zh');
  fs.mkdirSync(chinese);
  assert.equal(init(['--lang', 'zh-cn'], chinese).status, 0);
  const zh = fs.readFileSync(path.join(chinese, '.kube-checklist.yaml'), 'utf8');
  assert.match(zh, /^# .*[\u4e00-\u9fff]/m, 'Chinese comments');
  assert.doesNotMatch(zh, /^# [A-Z][a-z]+ [a-z]+ /m, 'no English prose');
  assert.deepEqual(checkConfig(zh, 'zh'), checkConfig(english, 'en'));
  const zhLive = checkConfig(uncommented(zh), 'zh-uncommented');
  assert.deepEqual(Object.keys(zhLive).sort(), Object.keys(live).sort());
});

test('an existing file is never overwritten without --force, and nothing is written then', () => {
  fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'level: baseline\n');
  const run = init(['--ci', 'github']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^error: \.kube-checklist\.yaml exists already: init does not overwrite it \(--force does\)$/m);
  assert.equal(fs.readFileSync(path.join(dir, '.kube-checklist.yaml'), 'utf8'), 'level: baseline\n');
  assert.ok(!fs.existsSync(path.join(dir, '.github')), 'no file is written when one exists');
  const zh = init(['--lang', 'zh-cn']);
  assert.equal(zh.status, 2);
  assert.match(zh.stderr, /\.kube-checklist\.yaml 已存在/);
  const forced = init(['--force', '--ci', 'github']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(fs.readFileSync(path.join(dir, '.kube-checklist.yaml'), 'utf8'), /^level: restricted$/m);
  assert.equal(init(['--ci', 'github']).stderr.match(/exists already/g)?.length, 2, 'every existing file is named');
});

test('--dir writes there; a folder that does not exist and an unknown --ci exit with 2', () => {
  fs.mkdirSync(path.join(dir, 'repo'));
  const run = init(['--dir', 'repo']);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, 'wrote repo/.kube-checklist.yaml\n');
  assert.ok(fs.existsSync(path.join(dir, 'repo', '.kube-checklist.yaml')));
  assert.equal(init(['--dir', 'missing']).status, 2);
  const bad = init(['--ci', 'jenkins']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--ci: expected github\|gitlab\|pre-commit/);
});

/** Every --option of `kube-checklist audit --help`. */
function auditOptions(): Set<string> {
  const help = runCli(['audit', '--help'], { cwd: dir }).stdout;
  return new Set([...help.matchAll(/^\s{2}(?:-\w, )?(--[a-z0-9-]+)/gm)].map((match) => match[1]));
}

function checkAuditLine(line: string, options: Set<string>): void {
  assert.match(line, /kube-checklist(@[\w.-]+)? audit /, line);
  for (const word of line.split(/\s+/)) if (word.startsWith('--') && word !== '--yes') assert.ok(options.has(word), `${word} is an audit option`);
}

test('--ci github: a workflow that parses and uses only inputs action.yml declares', () => {
  assert.equal(init(['--ci', 'github']).status, 0);
  const workflow = parse(fs.readFileSync(path.join(dir, '.github', 'workflows', 'kube-checklist.yml'), 'utf8'), { strict: true }) as { on: unknown; jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }> };
  const action = parse(fs.readFileSync(repoPath('action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const ours = steps.filter((step) => step.uses?.startsWith('kube-checklist/kube-checklist@v'));
  assert.equal(ours.length, 1);
  for (const input of Object.keys(ours[0].with ?? {})) assert.ok(input in action.inputs, `input ${input} exists in action.yml`);
  assert.match(ours[0].with!['changed-since'], /github\.base_ref/, 'pull requests report what changed');
  const checkout = steps.find((step) => step.uses?.startsWith('actions/checkout@'));
  assert.equal(checkout?.with?.['fetch-depth'], 0, 'the history --changed-since needs');
});

test('--ci gitlab: .gitlab-ci.yml when there is none, else a file to include; scripts use real options', () => {
  const options = auditOptions();
  assert.equal(init(['--ci', 'gitlab']).status, 0);
  const own = parse(fs.readFileSync(path.join(dir, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>;
  for (const line of own['kube-checklist'].script) checkAuditLine(line, options);
  assert.ok(own['kube-checklist'].script.some((line) => line.endsWith(`> ${own['kube-checklist'].artifacts.reports.codequality}`)));

  const other = path.join(dir, 'other');
  fs.mkdirSync(other);
  fs.writeFileSync(path.join(other, '.gitlab-ci.yml'), 'test:\n  script: [make test]\n');
  const run = init(['--ci', 'gitlab'], other);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(fs.readFileSync(path.join(other, '.gitlab-ci.yml'), 'utf8'), 'test:\n  script: [make test]\n', 'the pipeline is left alone');
  assert.match(run.stdout, /include:\n {4}- local: kube-checklist\.gitlab-ci\.yml/);
  assert.ok(parse(fs.readFileSync(path.join(other, 'kube-checklist.gitlab-ci.yml'), 'utf8'))['kube-checklist']);
});

test('--ci pre-commit: the hook of .pre-commit-hooks.yaml with audit options', () => {
  assert.equal(init(['--ci', 'pre-commit', '--lang', 'zh-cn']).status, 0);
  const text = fs.readFileSync(path.join(dir, '.pre-commit-config.yaml'), 'utf8');
  assert.match(text, /^# .*[\u4e00-\u9fff]/m);
  const config = parse(text) as { repos: { repo: string; hooks: { id: string; args: string[] }[] }[] };
  const hooks = parse(fs.readFileSync(repoPath('.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string }[];
  const [hook] = config.repos[0].hooks;
  const declared = hooks.find((candidate) => candidate.id === hook.id);
  assert.ok(declared, `hook ${hook.id} exists`);
  checkAuditLine(`${declared.entry} ${hook.args.join(' ')}`, auditOptions());
});

test('help init and init --help describe the command, in both languages', () => {
  const help = runCli(['help', 'init'], { cwd: dir });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: kube-checklist init/);
  for (const option of ['--dir', '--ci', '--force', '--lang']) assert.ok(help.stdout.includes(option), option);
  assert.equal(runCli(['init', '--help'], { cwd: dir }).stdout, help.stdout);
  assert.match(runCli(['help', 'init'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } }).stdout, /^用法：kube-checklist init/);
  assert.match(runCli(['--help'], { cwd: dir }).stdout, /kube-checklist init \[options\]/);
  for (const line of help.stdout.split('\n')) assert.ok(line.length <= 80, line);
});
