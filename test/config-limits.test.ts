/**
 * Hostile configuration files: a config nested 20,000 deep, an alias bomb and a FIFO named as the
 * config each stop the CLI with exit 2 and a message naming the file, quickly; the server keeps
 * answering with a FIFO named `.kube-checklist.yaml` in the workspace.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { TestLspClient } from './support/lsp-client';
import { runCli } from './support/run-cli';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-config-limits-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: {privileged: true}\n';
fs.writeFileSync(path.join(root, 'pod.yaml'), POD);

function aliasBomb(): string {
  let text = 'level: baseline\nx:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 12; i++) text += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return text;
}

const FILES: Record<string, string> = {
  'deep.yaml': `level: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'deep-block.yaml': Array.from({ length: 20_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x\n',
  'bomb.yaml': aliasBomb(),
};

for (const [name, text] of Object.entries(FILES)) {
  test(`CLI: --config ${name} exits 2 quickly with a message naming the file`, () => {
    fs.writeFileSync(path.join(root, name), text);
    const started = Date.now();
    const run = runCli(['audit', '--config', name, 'pod.yaml'], { cwd: root, timeout: 30_000 });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, new RegExp(`${name.replace('.', '\\.')}:\\d+:\\d+: `));
    assert.doesNotMatch(run.stderr, /\bat .*\.js:\d+/, 'no stack trace');
    assert.ok(Date.now() - started < 30_000);
  });
}

const fifoSupported = process.platform !== 'win32';

test('CLI: a FIFO as --config exits 2 without reading it', { skip: !fifoSupported }, () => {
  const fifo = path.join(root, 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);
  const run = runCli(['audit', '--config', 'fifo.yaml', 'pod.yaml'], { cwd: root, timeout: 15_000 });
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /fifo\.yaml:1:1: .*not a regular file/);
});

test('server: a FIFO named .kube-checklist.yaml does not freeze it; hover and diagnostics still answer', { skip: !fifoSupported }, async () => {
  const folder = path.join(root, 'workspace');
  fs.mkdirSync(folder);
  execFileSync('mkfifo', [path.join(folder, '.kube-checklist.yaml')]);
  fs.writeFileSync(path.join(folder, 'pod.yaml'), POD);
  const client = new TestLspClient();
  try {
    await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'workspace' }] });
    const uri = pathToFileURL(path.join(folder, 'pod.yaml')).href;
    const diagnostics = await Promise.race([client.open(uri, POD), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics: the server hangs')), 20_000))]);
    assert.ok(Array.isArray(diagnostics));
    const hover = await Promise.race([
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 7, character: 25 } }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no hover: the server hangs')), 20_000)),
    ]);
    assert.ok(hover === null || typeof hover === 'object');
  } finally {
    assert.equal(await client.shutdown(), 0);
  }
});
