/**
 * Limits: alias bombs refused by the parser's alias limit, documents nested thousands deep skipped
 * with a message instead of overflowing the stack, the size limit (a setting in the server, an
 * option in the CLI) with one clear note, and a file of 10,000 documents analyzed in slices while
 * the server keeps answering other requests. Bounds here guard against hangs, not for speed.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HoverRequest, MarkupContent } from 'vscode-languageserver-protocol';
import { analyzeSource, parseSourceFile } from '../server/src/core';
import { rangeOf, TestLspClient } from './support/lsp-client';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

const OPTIONS = { level: 'restricted', kubernetesVersion: 'latest' } as const;

function aliasBomb(kind: string): string {
  let text = `apiVersion: v1\nkind: ${kind}\nmetadata: {name: bomb}\ndata:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < 12; i++) text += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

// A bomb that were expanded would not end (10^9 nodes): the test's timeout is the bound, generous
// for a loaded machine; how fast the refusal is belongs to npm run bench.
test('an alias bomb is refused by the alias limit: one unparseable-manifest error, never a silent skip', { timeout: 120_000 }, () => {
  for (const kind of ['ConfigMap', 'Pod']) {
    const result = analyzeSource(parseSourceFile(aliasBomb(kind)), OPTIONS);
    assert.deepEqual(result.findings.map((finding) => [finding.ruleId, finding.messageId, finding.severity]), [['unparseable-manifest', 'aliases', 'error']]);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0].detail, /alias/i);
  }
});

test('documents nested 10,000 deep (flow and block) are skipped without overflowing the stack; the healthy document beside them is checked', () => {
  const flow = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(10000)}${']'.repeat(10000)}\n`;
  let block = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata:\n';
  for (let depth = 1; depth <= 10000; depth++) block += `${' '.repeat(depth)}k:\n`;
  for (const deep of [flow, block]) {
    const text = `${deep}---\n${POD}`;
    const result = analyzeSource(parseSourceFile(text), OPTIONS);
    const privileged = result.findings.find((finding) => finding.ruleId === 'pss-privileged');
    assert.equal(privileged?.start, text.lastIndexOf('true'), 'the Pod after the deep document is checked, at its true offset');
    assert.deepEqual(result.skipped.map(({ reason, detail }) => ({ reason, detail })), [{ reason: 'depth', detail: 'the document is nested too deeply to be checked' }]);
    assert.ok(result.skipped[0].offset < deep.length, 'reported inside the deep document');
  }
});

test('the CLI skips files over --max-file-size with one warning naming the limit, and refuses a bad value', () => {
  const cwd = repoPath('test', 'fixtures', 'cli');
  // Every file skipped means nothing was checked: exit 2, unless the empty audit is allowed.
  assert.equal(runCli(['audit', '--max-file-size', '0.0005', 'insecure'], { cwd }).status, 2, 'an empty audit is no pass');
  const run = runCli(['audit', '--max-file-size', '0.0005', '--allow-empty', 'insecure'], { cwd });
  assert.equal(run.status, 0, 'nothing was checked, and that was allowed');
  assert.match(run.stderr, /insecure\/deployment\.yaml: warning: skipped file: larger than 0\.51 KiB/);
  assert.equal(run.stderr.match(/larger than/g)?.length, 1);
  const bad = runCli(['audit', '--max-file-size', 'big', 'insecure'], { cwd });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--max-file-size/);
});

let client: TestLspClient;
const messages: string[] = [];

before(async () => {
  client = new TestLspClient();
  client.connection.onNotification('window/showMessage', (params: unknown) => {
    messages.push((params as { message: string }).message);
  });
  await client.initialize('en');
});

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0, client.stderr);
});

test('the server: alias bombs and deep nesting give one unparseable-manifest error each and no crash', async () => {
  const codes = (diagnostics: { code?: unknown; severity?: unknown }[]) => diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]);
  assert.deepEqual(codes(await client.open('file:///bomb.yaml', aliasBomb('Pod'))), [['unparseable-manifest', 1]]);
  const deep = `apiVersion: v1\nkind: Pod\nmetadata: {name: deep}\nspec: ${'{a: '.repeat(5000)}1${'}'.repeat(5000)}\n`;
  assert.deepEqual(codes(await client.open('file:///deep.yaml', deep)), [['unparseable-manifest', 1]]);
  assert.ok((await client.open('file:///after.yaml', POD)).some((diagnostic) => diagnostic.code === 'pss-privileged'), 'still working');
});

test('the server: a file over kubeChecklist.maxFileSizeMB gets no diagnostics and one message saying why', async () => {
  client.settings = { maxFileSizeMB: 0.01 };
  const big = `${POD}${'# padding\n'.repeat(1200)}`;
  assert.deepEqual(await client.open('file:///big.yaml', big), []);
  assert.equal(messages.filter((message) => message.includes('big.yaml')).length, 1);
  assert.match(messages.find((message) => message.includes('big.yaml'))!, /larger than 10\.24 KiB.*kubeChecklist\.maxFileSizeMB/);
  client.settings = {};
});

test('a file of 10,000 documents is analyzed in slices: a hover on another file is answered before its diagnostics', async () => {
  const small = 'file:///small.yaml';
  await client.open(small, POD);
  const compact = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}}\nspec:\n  hostPID: true\n  containers: [{name: a, image: nginx:1.27}]\n`;
  const huge = Array.from({ length: 10000 }, (_, i) => compact(i)).join('---\n');
  const uri = 'file:///huge.yaml';
  // A generous bound for a loaded machine: this test is about order, not speed (npm run bench is).
  const opened = await client.open(uri, huge, 'yaml', 1, 90000);
  assert.equal(opened.filter((diagnostic) => diagnostic.code === 'pss-host-namespaces').length, 10000);
  // An edit that changes every document (so the work is the whole file, however fast one
  // document is; settings are known by now, so it starts at once), then a hover elsewhere.
  const order: string[] = [];
  const renamed = `# edited\n${huge.replace(/name: p(\d+)/g, 'name: q$1')}`;
  const whole = { start: { line: 0, character: 0 }, end: { line: huge.split('\n').length - 1, character: 0 } };
  const edited = client.change(uri, 2, whole, renamed, 90000).then((diagnostics) => {
    order.push('diagnostics');
    return diagnostics;
  });
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: small }, position: rangeOf(POD, 'privileged').start });
  order.push('hover');
  assert.match((hover!.contents as MarkupContent).value, /privileged/);
  const found = (await edited).filter((diagnostic) => diagnostic.code === 'pss-host-namespaces');
  assert.deepEqual(order, ['hover', 'diagnostics'], 'the hover did not wait for the big file');
  assert.equal(found.length, 10000);
  assert.equal(found.at(-1)!.range.start.line, 1 + 9999 * 7 + 4, 'positions right to the last document, after the edit');
});
