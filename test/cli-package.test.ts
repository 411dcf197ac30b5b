/**
 * The installable CLI package: `npm pack` of the repository holds only the bundled CLI (with the
 * package.json, README and LICENSE that npm always adds), has no runtime dependencies, and once
 * installed from the tarball into an empty folder, offline, `npx kube-checklist` audits the
 * real-world corpus and lists the rules. The .vsix is not affected (test/vsix.test.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { RULES } from '../server/src/core';
import { repoPath, sharedPath } from './support/paths';
import { CLI, cleanEnv } from './support/run-cli';

const NPM_CLI = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');

let scratch: string;
let tarball: string;
let installed: string;
let env: NodeJS.ProcessEnv;

function npm(args: string[], cwd: string) {
  const command = fs.existsSync(NPM_CLI) ? [process.execPath, NPM_CLI] : ['npm'];
  const result = spawnSync(command[0], [...command.slice(1), ...args], { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 240_000 });
  if (result.error) throw result.error;
  return result;
}

function npx(args: string[], cwd: string) {
  return npm(['exec', '--offline', '--no', '--', ...args], cwd);
}

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-package-'));
  env = { ...cleanEnv(), npm_config_cache: path.join(scratch, 'cache'), npm_config_update_notifier: 'false', npm_config_offline: 'true', npm_config_prefix: path.join(scratch, 'prefix') };
  const packs = path.join(scratch, 'packs');
  fs.mkdirSync(packs);
  // --ignore-scripts: `prepare` would only build what is already built.
  const packed = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packs], repoPath());
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(packs, info.filename);
  assert.deepEqual(info.files.map((file) => file.path).sort(), ['LICENSE', 'README.md', 'dist/cli.js', 'package.json']);
  installed = path.join(scratch, 'project');
  fs.mkdirSync(installed);
  const install = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], installed);
  assert.equal(install.status, 0, install.stderr);
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('the package has a bin and no runtime dependencies', () => {
  const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as Record<string, unknown>;
  assert.deepEqual(manifest.bin, { 'kube-checklist': './dist/cli.js' });
  for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies', 'bundledDependencies']) assert.equal(manifest[field], undefined, `no ${field}`);
  assert.match(fs.readFileSync(CLI, 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node\n/);
  const lock = JSON.parse(fs.readFileSync(path.join(installed, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  assert.deepEqual(Object.keys(lock.packages).sort(), ['', 'node_modules/kube-checklist'], 'the install brings nothing else');
});

test('npx kube-checklist audit, from the installed tarball, audits the real-world corpus', () => {
  const corpus = sharedPath('corpus', 'real-world');
  const run = npx(['kube-checklist', 'audit', corpus, '--no-render', '--format', 'json', '--fail-on', 'never'], installed);
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { version: number; findings: unknown[]; scorecard: unknown[] };
  assert.equal(report.version, 1);
  assert.ok(report.findings.length > 100, `${report.findings.length} findings`);
  const gate = npx(['kube-checklist', 'audit', corpus, '--no-render'], installed);
  assert.equal(gate.status, 1, 'findings at error severity fail by default');
  assert.match(gate.stdout, /error/);
});

test('npx kube-checklist rules lists every rule; --version is the package version', () => {
  const run = npx(['kube-checklist', 'rules', '--format', 'json'], installed);
  assert.equal(run.status, 0, run.stderr);
  const rules = JSON.parse(run.stdout) as { id: string }[];
  assert.deepEqual(rules.map((rule) => rule.id).sort(), RULES.map((rule) => rule.id).sort());
  const { version } = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
  const shown = npx(['kube-checklist', '--version'], installed);
  assert.equal(shown.status, 0, shown.stderr);
  assert.ok(shown.stdout.includes(version), shown.stdout);
});
