/**
 * Preloaded into the server and the CLI by test/trust.test.ts (node --require): every way a Node
 * program could reach the network or run another program is replaced by a function that records
 * the attempt in NO_NETWORK_LOG and throws. Plain CommonJS, so it loads before anything else.
 */
'use strict';
const fs = require('node:fs');

const log = process.env.NO_NETWORK_LOG;
function blocked(what) {
  return function () {
    if (log) fs.appendFileSync(log, `${what} ${process.pid}\n`);
    throw new Error(`blocked by the test: ${what}`);
  };
}

const net = require('node:net');
net.connect = net.createConnection = blocked('net.connect');
net.Socket.prototype.connect = blocked('net.Socket.connect');
const tls = require('node:tls');
tls.connect = blocked('tls.connect');
for (const name of ['http', 'https', 'http2']) {
  const mod = require(`node:${name}`);
  if (mod.request) mod.request = blocked(`${name}.request`);
  if (mod.get) mod.get = blocked(`${name}.get`);
  if (mod.connect) mod.connect = blocked(`${name}.connect`);
}
const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) dns[name] = blocked(`dns.${name}`);
dns.promises.lookup = blocked('dns.promises.lookup');
const dgram = require('node:dgram');
dgram.createSocket = blocked('dgram.createSocket');
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) childProcess[name] = blocked(`child_process.${name}`);
if (typeof globalThis.fetch === 'function') globalThis.fetch = blocked('fetch');
