/**
 * Dockerfiles in the one pipeline (issue 17 part 1): which files are Dockerfiles, exact ranges on
 * CRLF and non-ASCII text, input that is not a Dockerfile (empty, garbage, binary bytes), the
 * scorecard, the CLI audit of a folder with Dockerfiles, the server over stdio on a `dockerfile`
 * document, and the shared real-world corpus (only manifests and Dockerfiles are read).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzeSource, fileKindOf, isDockerfileName, parseDockerfileSource, parseFile, positionOf, selectRules } from '../server/src/core';
import { isManifestFileName } from '../server/src/host/workspace-walker';
import { computeScorecard } from '../server/src/report/scorecard';
import { runCli } from './support/run-cli';
import { TestLspClient } from './support/lsp-client';
import { repoPath, sharedPath } from './support/paths';

const OPTIONS = { level: 'restricted', kubernetesVersion: 'latest' } as const;

test('Dockerfile names: Dockerfile, Containerfile, *.dockerfile, Dockerfile.*; not their ignore files or manifests', () => {
  for (const name of ['Dockerfile', 'dockerfile', 'Containerfile', 'api.dockerfile', 'Dockerfile.prod', 'src/app/Dockerfile', 'file:///w/Dockerfile.dev']) {
    assert.ok(isDockerfileName(name), name);
  }
  for (const name of ['Dockerfile.dockerignore', 'Dockerfile.yaml', 'dockerfile-notes.md', 'NotADockerfile', 'deployment.yaml']) {
    assert.ok(!isDockerfileName(name), name);
  }
  assert.equal(fileKindOf('build.txt', 'dockerfile'), 'dockerfile');
  assert.equal(fileKindOf('Dockerfile', 'yaml'), 'manifest');
  assert.ok(isManifestFileName('Dockerfile') && !isManifestFileName('README.md'));
});

test('findings sit on exact ranges with CRLF line ends and non-ASCII text before them', () => {
  const text = '# 构建镜像 — für alle\r\nFROM ubuntu:24.04\r\nLABEL note="容器"\r\nUSER root\r\n';
  const source = parseFile('Dockerfile', text);
  const { findings } = analyzeSource(source, OPTIONS);
  const root = findings.find((finding) => finding.ruleId === 'dockerfile-runs-as-root');
  assert.ok(root, 'USER root is reported');
  assert.equal(text.slice(root.start, root.end), 'root');
  assert.deepEqual(positionOf(source, root.start), { line: 3, character: 5 });
  const base = findings.find((finding) => finding.ruleId === 'dockerfile-base-image-not-minimal');
  assert.equal(base && text.slice(base.start, base.end), 'ubuntu:24.04');
});

test('empty, garbage and binary input: no crash, no finding', () => {
  for (const text of ['', '\n\n', '\u0000\u0001\u00ff\ufffd garbage\n FROM', 'FROM', 'RUN <<EOF\nnever closed', '\\\n\\\n', 'USER root\n']) {
    const result = analyzeSource(parseDockerfileSource(text), OPTIONS);
    assert.deepEqual(result.ruleFailures, [], JSON.stringify(text));
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), [], JSON.stringify(text));
  }
});

test('a comment directive suppresses a Dockerfile finding on the next line', () => {
  const text = 'FROM alpine:3.20@sha256:' + 'ab'.repeat(32) + '\n# kube-checklist-disable-next-line dockerfile-runs-as-root -- the entrypoint drops privileges\nUSER root\n';
  const result = analyzeSource(parseDockerfileSource(text), OPTIONS);
  assert.deepEqual(result.findings.map((finding) => finding.ruleId), []);
  assert.deepEqual(result.suppressed.map(({ finding }) => finding.ruleId), ['dockerfile-runs-as-root']);
});

test('scorecard: images/minimal is judged from Dockerfiles when present, manual otherwise', () => {
  const selection = selectRules(OPTIONS);
  const status = (kinds: string[], findings: { ruleId: string }[]) => computeScorecard(findings, selection, { kinds }).find((entry) => entry.item === 'images/minimal')!.status;
  assert.equal(status(['Deployment'], []), 'manual');
  assert.equal(status(['Dockerfile'], []), 'pass');
  assert.equal(status(['Dockerfile'], [{ ruleId: 'dockerfile-base-image-not-minimal' }]), 'fail');
  const nonRoot = computeScorecard([{ ruleId: 'dockerfile-runs-as-root' }], selection, { kinds: ['Dockerfile'] }).find((entry) => entry.item === 'images/non-root')!;
  assert.equal(nonRoot.status, 'fail');
});

test('CLI: the audit of a folder reads its Dockerfiles, and nothing else but manifests', () => {
  const run = runCli(['audit', 'test/fixtures/cli/dockerfiles', '--format', 'json', '--fail-on', 'never'], { cwd: repoPath() });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number; character: number } } }[]; scorecard: { item: string; status: string }[] };
  const files = new Set(report.findings.map((finding) => finding.file));
  assert.deepEqual([...files], ['test/fixtures/cli/dockerfiles/app/Dockerfile']);
  const root = report.findings.find((finding) => finding.ruleId === 'dockerfile-runs-as-root');
  assert.deepEqual(root?.range.start, { line: 3, character: 0 });
  assert.equal(report.scorecard.find((entry) => entry.item === 'images/minimal')?.status, 'fail');
  assert.equal(report.scorecard.find((entry) => entry.item === 'images/non-root')?.status, 'fail');
});

test('real-world corpus: files that are neither manifests nor Dockerfiles are never read', () => {
  const root = sharedPath('corpus', 'real-world');
  const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  for (const entry of files) {
    const name = path.join(entry.parentPath, entry.name);
    if (!isDockerfileName(entry.name)) continue;
    // Whatever the corpus calls a Dockerfile must read as one (a FROM), or be silent.
    const result = analyzeSource(parseDockerfileSource(fs.readFileSync(name, 'utf8')), OPTIONS);
    assert.deepEqual(result.ruleFailures, [], name);
  }
  const read = files.filter((entry) => isManifestFileName(entry.name));
  assert.deepEqual(read.filter((entry) => !/\.(ya?ml|json)$/i.test(entry.name) && !isDockerfileName(entry.name)).map((entry) => entry.name), []);
});

let client: TestLspClient;
before(async () => {
  client = new TestLspClient();
  await client.initialize('en');
});
after(async () => {
  assert.equal(await client.shutdown(), 0, client.stderr);
});

test('server over stdio: a dockerfile document gets diagnostics on exact ranges', async () => {
  const text = 'FROM node:20 AS build\nRUN npm ci\nFROM build\nENV API_TOKEN=ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9\nUSER 0\n';
  const diagnostics = await client.open('file:///work/service/Dockerfile', text, 'dockerfile');
  const byCode = new Map(diagnostics.map((diagnostic) => [String(diagnostic.code), diagnostic]));
  assert.deepEqual(byCode.get('dockerfile-runs-as-root')?.range, { start: { line: 4, character: 5 }, end: { line: 4, character: 6 } });
  assert.deepEqual(byCode.get('dockerfile-base-image-not-minimal')?.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 12 } });
  const credential = byCode.get('dockerfile-build-credentials');
  assert.deepEqual(credential?.range.start, { line: 3, character: 4 });
  assert.ok(!String(credential?.message).includes('ghp_'), 'the value is never in the message');
  // A file that is no Dockerfile and no manifest gets nothing.
  assert.deepEqual(await client.open('file:///work/service/notes.txt', 'FROM ubuntu\nUSER root\n', 'plaintext'), []);
});
