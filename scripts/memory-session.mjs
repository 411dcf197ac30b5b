#!/usr/bin/env node
// A long editing session against the bundled server (dist/server.js, over stdio), measuring its
// memory: many files opened and closed, then a long series of edits on one big file, then the
// open/close round again. The server's resident set size is read from /proc (Linux) after each
// phase; bounded memory means the last figures stay near the first ones, not growing with the
// number of files or edits seen. A measurement, not a test. Usage: node scripts/memory-session.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const rpc = require('vscode-languageserver-protocol/node');
const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));
const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
const waiters = new Map();
connection.onNotification('textDocument/publishDiagnostics', ({ uri, version }) => {
  const waiter = waiters.get(uri);
  if (waiter && (version === undefined || version >= waiter.version)) {
    waiters.delete(uri);
    waiter.resolve();
  }
});
connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
connection.listen();

const rssMiB = () => {
  const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
};
const published = (uri, version) => new Promise((resolve) => waiters.set(uri, { version, resolve }));

function manifest(i, documents) {
  return Array.from({ length: documents }, (_, j) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}-${j}
  namespace: team-${i % 7}
spec:
  selector:
    matchLabels: {app: app-${i}-${j}}
  template:
    metadata:
      labels: {app: app-${i}-${j}}
    spec:
      hostNetwork: ${j % 2 === 0}
      containers:
        - name: app
          image: registry.example.com/app:${i}.${j}
          securityContext: {privileged: ${j % 3 === 0}}
`).join('---\n');
}

async function openClose(rounds) {
  for (let i = 0; i < rounds; i++) {
    const uri = `file:///session/file-${i}.yaml`;
    const done = published(uri, 1);
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest(i, 20) } });
    await done;
    const cleared = published(uri);
    connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await cleared;
  }
}

async function edits(count) {
  const uri = 'file:///session/big.yaml';
  let text = manifest(9999, 500);
  let opened = published(uri, 1);
  connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  for (let version = 2; version <= count + 1; version++) {
    const line = (version * 37) % 8000;
    const done = published(uri, version);
    connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `# edit ${version}\n` }],
    });
    await done;
  }
  const cleared = published(uri);
  connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await cleared;
}

const figures = [];
const mark = (phase) => figures.push({ phase, rssMiB: Number(rssMiB().toFixed(1)) });
await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
connection.sendNotification('initialized', {});
mark('started');
const started = Date.now();
await openClose(300);
mark('300 files opened and closed');
await edits(500);
mark('500 edits on a 500-document file, closed');
await openClose(300);
mark('300 more files opened and closed');
await edits(500);
mark('500 more edits, closed');
console.table(figures);
console.log(`session took ${((Date.now() - started) / 1000).toFixed(1)} s`);
await connection.sendRequest('shutdown');
connection.sendNotification('exit');
