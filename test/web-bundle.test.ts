/**
 * The web extension's bundles (dist/web/extension.js and dist/web/server.js, built by webpack for a
 * web worker): both exist, neither loads a Node built-in (a browser has none; webpack resolves them
 * to nothing and this scan catches any that slipped through as a `require`), the server needs no
 * `process` or `setImmediate` of Node at start, and the web stand-ins for `node:crypto` and
 * `Buffer` give what Node gives for what the core asks of them.
 */
import assert from 'node:assert/strict';
import { builtinModules } from 'node:module';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Buffer as WebBuffer } from '../server/src/web/web-buffer';
import { createHash as webCreateHash, sha256Hex } from '../server/src/web/web-crypto';

const ROOT = path.resolve(__dirname, '..', '..');
const WEB_BUNDLES = ['dist/web/extension.js', 'dist/web/server.js'];

/** Every `require("x")` / `require('x')` of a bundle whose x is one of Node's modules. */
export function nodeRequires(code: string): string[] {
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const found = new Set<string>();
  for (const match of code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
    const name = match[1];
    if (builtins.has(name) || builtins.has(name.split('/')[0])) found.add(name);
  }
  return [...found].sort();
}

test('the scan catches Node built-ins in bundled code', () => {
  assert.deepEqual(nodeRequires('var a=require("fs"),b=require(\'node:path\'),c=require("vscode"),d=require("fs/promises");'), ['fs', 'fs/promises', 'node:path']);
  assert.deepEqual(nodeRequires('const x = require("ajv/dist/runtime/equal")'), []);
});

for (const bundle of WEB_BUNDLES) {
  test(`${bundle} is built and imports no Node built-in`, () => {
    const file = path.join(ROOT, bundle);
    assert.ok(fs.existsSync(file), `${bundle} is missing: build it first (npx webpack --mode production)`);
    const code = fs.readFileSync(file, 'utf8');
    assert.deepEqual(nodeRequires(code), []);
  });
}

test('the web server bundle starts without Node globals', () => {
  const code = fs.readFileSync(path.join(ROOT, 'dist/web/server.js'), 'utf8');
  assert.doesNotMatch(code, /\bprocess\.on\(/, 'the desktop entry (unhandledRejection) is not in the web bundle');
  assert.match(code, /BrowserMessageReader|postMessage/, 'the worker transport is bundled');
});

test('the web SHA-256 gives the digests of node:crypto', () => {
  for (const text of ['', 'abc', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '容器 runAsNonRoot#1', 'q'.repeat(1000)]) {
    assert.equal(webCreateHash('sha256').update(text, 'utf8').digest('hex'), createHash('sha256').update(text, 'utf8').digest('hex'), JSON.stringify(text.slice(0, 10)));
  }
  assert.equal(sha256Hex(new Uint8Array([0x61, 0x62, 0x63])), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('the web Buffer decodes base64 and text like Node', () => {
  const sample = 'apiVersion: v1\nkind: Secret · 秘密';
  const encoded = Buffer.from(sample, 'utf8').toString('base64');
  const bytes = WebBuffer.from(encoded, 'base64');
  assert.equal(bytes.toString('utf8'), sample);
  assert.equal(bytes.toString('base64'), encoded);
  assert.equal(bytes.subarray(0, 10).toString('latin1'), Buffer.from(sample).subarray(0, 10).toString('latin1'));
  assert.ok(bytes.subarray(0, 3).equals(new Uint8Array([0x61, 0x70, 0x69])));
  assert.equal(WebBuffer.from([0x00, 0x41, 0x00, 0x42]).swap16().toString('utf16le'), 'AB');
});
