/**
 * `.kube-checklist.yaml`: validated against its schema with every problem placed on its line, in
 * both languages; its level, version, rules, exclude globs, sensitivity and suppressions (with
 * selectors and expiry) applied by the CLI (found upwards from the working directory, or
 * --config; a broken one exits 2 naming file and line) and by the server (the nearest one above a
 * document, under the VS Code settings, with the file's own problems shown in it).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { analyzeSource, applyConfigSuppressions, CONFIG_SCHEMA, parseSourceFile, positionOf, readConfigFile, renderConfigProblem } from '../server/src/core';
import { TestLspClient } from './support/lsp-client';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:latest
      securityContext:
        privileged: true
`;

const CONFIG = `level: baseline
kubernetesVersion: v1.30
rules:
  image-latest-tag: off
exclude:
  - generated/**
suppressions:
  - rule: pss-privileged
    paths: [apps/*.yaml]
    container: app
    reason: the app drives a GPU
  - rule: pss-host-namespaces
    reason: temporary, until the CNI moves
    expires: 2020-06-30
`;

test('the schema contributed to YAML editors is the one the tool validates with', () => {
  assert.deepEqual(JSON.parse(fs.readFileSync(repoPath('schemas', 'kube-checklist.schema.json'), 'utf8')), JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});

test('a valid configuration reads back; problems are placed on their key or value, in both languages', () => {
  assert.deepEqual(readConfigFile(CONFIG).problems, []);
  assert.equal(readConfigFile(CONFIG).config?.level, 'baseline');
  assert.match(renderConfigProblem(readConfigFile('suppressions:\n  - {rule: pss-privileged, reason: x, expires: 2026-02-30}\n').problems[0], 'en'), /not a date/);
  const bad = 'level: strict\nrules:\n  no-such-rule: warning\n  pss-privileged: loud\nsuppressions:\n  - rule: pss-privileged\n  - rule: pss-privileged\n    reason: ok\n    colour: blue\n    expires: 2026-02-30x\n';
  const { config, problems } = readConfigFile(bad);
  assert.equal(config, undefined, 'a broken configuration is not half applied');
  const source = parseSourceFile(bad);
  const where = problems.map((problem) => `${positionOf(source, problem.start).line + 1}: ${renderConfigProblem(problem, 'en')}`).sort();
  assert.deepEqual(where, [
    '10: `suppressions.1.expires` has the wrong form',
    '1: `level` must be one of baseline, restricted',
    '3: unknown rule `no-such-rule`',
    '4: `rules.pss-privileged` must be one of off, hint, info, warning, error',
    '6: `suppressions.0`: `reason` is required',
    '9: `suppressions.1`: unknown key `colour`',
  ]);
  assert.match(renderConfigProblem(problems[0], 'zh-cn'), /必须是|缺少|未知/);
  assert.deepEqual(readConfigFile('level: [').config, undefined);
  assert.match(renderConfigProblem(readConfigFile('level: [').problems[0], 'en'), /not valid YAML/);
  assert.deepEqual(readConfigFile('').problems, []);
});

test('mistyped names get the closest known one suggested; a version newer than the newest known is refused', () => {
  const text = 'levl: baseline\nkubernetesVersion: v1.99\nrules:\n  pss-privilegd: off\nsuppressions:\n  - {rule: image-latest-tga, reason: x, experes: 2027-01-01}\n';
  const { config, problems } = readConfigFile(text);
  assert.equal(config, undefined);
  const source = parseSourceFile(text);
  const where = problems.map((problem) => `${positionOf(source, problem.start).line + 1}: ${renderConfigProblem(problem, 'en')}`).sort();
  assert.deepEqual(where, [
    '1: the configuration: unknown key `levl`; did you mean `level`?',
    '2: `kubernetesVersion` v1.99 is newer than the newest version this build knows (v1.37): use latest or v1.37',
    '4: unknown rule `pss-privilegd`; did you mean `pss-privileged`?',
    '6: `suppressions.0`: unknown key `experes`; did you mean `expires`?',
    '6: unknown rule `image-latest-tga`; did you mean `image-latest-tag`?',
  ]);
  assert.match(renderConfigProblem(problems.find((problem) => problem.message.en.includes('levl'))!, 'zh-cn'), /是否想写 `level`/);
  // Far from every known name: no guess.
  assert.deepEqual(readConfigFile('rules:\n  frobnicate: off\n').problems.map((problem) => renderConfigProblem(problem, 'en')), ['unknown rule `frobnicate`']);
  assert.deepEqual(readConfigFile('kubernetesVersion: v1.37\n').problems, []);
});

test('suppressions match by rule, path glob, container; an expired one lets the finding through and is reported', () => {
  const { config } = readConfigFile(CONFIG);
  const result = analyzeSource(parseSourceFile(POD), { level: 'restricted', kubernetesVersion: 'latest' });
  const now = Date.parse('2026-11-28T12:00:00Z');
  const applied = applyConfigSuppressions(result.findings, 'apps/web.yaml', config!.suppressions!, now);
  assert.deepEqual(applied.suppressed.map(({ finding, by, reason }) => [finding.ruleId, by, reason]), [['pss-privileged', 'config', 'the app drives a GPU']]);
  assert.ok(applied.kept.some((finding) => finding.ruleId === 'pss-host-namespaces'), 'expired');
  assert.deepEqual(applied.expired, [1]);
  const before = applyConfigSuppressions(result.findings, 'apps/web.yaml', config!.suppressions!, Date.parse('2020-06-30T23:00:00Z'));
  assert.ok(before.suppressed.some(({ finding }) => finding.ruleId === 'pss-host-namespaces'), 'holds through its last day');
  const elsewhere = applyConfigSuppressions(result.findings, 'other/web.yaml', config!.suppressions!, now);
  assert.ok(!elsewhere.suppressed.some(({ finding }) => finding.ruleId === 'pss-privileged'), 'the path glob decides');
});

let root: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-config-'));
  fs.mkdirSync(path.join(root, 'apps'));
  fs.mkdirSync(path.join(root, 'generated'));
  fs.writeFileSync(path.join(root, '.kube-checklist.yaml'), CONFIG);
  fs.writeFileSync(path.join(root, 'apps', 'web.yaml'), POD);
  fs.writeFileSync(path.join(root, 'generated', 'web.yaml'), POD);
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

test('CLI: the configuration found upwards applies: level, rules, exclude, suppressions; expiry is warned about', () => {
  const run = runCli(['audit', '--format', 'json', '--show-suppressed', '..'], { cwd: path.join(root, 'apps') });
  const findings = (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
  assert.ok(findings.every((finding) => finding.file === 'web.yaml' || !finding.file.includes('generated')), 'generated/ is excluded');
  const rules = new Set(findings.map((finding) => finding.ruleId));
  assert.ok(!rules.has('pss-privileged'), 'suppressed');
  assert.ok(!rules.has('image-latest-tag'), 'off');
  assert.ok(!rules.has('pss-run-as-non-root'), 'baseline level from the file');
  assert.ok(rules.has('pss-host-namespaces'), 'the expired suppression lets it through');
  assert.match(run.stderr, /\.kube-checklist\.yaml: warning: suppression #2 \(pss-host-namespaces\) expired on 2020-06-30/);
  const restricted = runCli(['audit', '--format', 'json', '--level', 'restricted', '.'], { cwd: root });
  assert.ok((JSON.parse(restricted.stdout) as { findings: { ruleId: string }[] }).findings.some((finding) => finding.ruleId === 'pss-run-as-non-root'), 'the command line wins');
});

test('CLI: a broken --config exits 2 and names file, line and column; a missing one too', () => {
  fs.writeFileSync(path.join(root, 'broken.yaml'), 'level: strict\n');
  const run = runCli(['audit', '--config', 'broken.yaml', 'apps'], { cwd: root });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /broken\.yaml:1:8: `level` must be one of baseline, restricted/);
  assert.equal(run.stdout, '');
  const missing = runCli(['audit', '--config', 'nope.yaml', 'apps'], { cwd: root });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read the configuration nope\.yaml/);
});

test('server: the nearest configuration applies under the settings; its own problems show in it; a change is picked up', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize('en');
    const uri = pathToFileURL(path.join(root, 'apps', 'web.yaml')).href;
    const codes = (await client.open(uri, POD)).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('pss-privileged') && !codes.includes('image-latest-tag') && !codes.includes('pss-run-as-non-root'), codes.join(', '));
    assert.ok(codes.includes('pss-host-namespaces'));
    const overridden = (await client.changeSettings({ rules: { 'image-latest-tag': 'warning' } }, uri)).map((diagnostic) => diagnostic.code);
    assert.ok(overridden.includes('image-latest-tag'), 'a setting overrides the file');
    assert.deepEqual(await client.open(pathToFileURL(path.join(root, 'generated', 'web.yaml')).href, POD), [], 'excluded');

    const configUri = pathToFileURL(path.join(root, '.kube-checklist.yaml')).href;
    const broken = CONFIG.replace('level: baseline', 'level: strict');
    const own = await client.open(configUri, broken);
    assert.deepEqual(own.map((diagnostic) => [diagnostic.range.start.line, diagnostic.code, diagnostic.severity]), [[0, 'kube-checklist-config', 1]]);
    const lines = broken.split('\n').length;
    const fixed = await client.change(configUri, 2, { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }, CONFIG);
    assert.deepEqual(fixed.map((diagnostic) => [diagnostic.range.start.line, diagnostic.severity]), [[13, 3]], 'the expired suppression, as information');
    assert.match(String(fixed[0].message), /expired on 2020-06-30/);

    await client.changeSettings({}, uri);
    fs.writeFileSync(path.join(root, '.kube-checklist.yaml'), 'rules:\n  pss-host-namespaces: off\n');
    const next = client.nextDiagnostics(uri);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    const changed = (await next).diagnostics.map((diagnostic) => diagnostic.code);
    assert.ok(!changed.includes('pss-host-namespaces') && changed.includes('pss-privileged'), changed.join(', '));
  } finally {
    fs.writeFileSync(path.join(root, '.kube-checklist.yaml'), CONFIG);
    assert.equal(await client.shutdown(), 0);
  }
});
