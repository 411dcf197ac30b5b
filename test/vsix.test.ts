/**
 * What the packaged extension holds and says: `vsce ls` lists exactly the files the extension
 * needs at run time (no sources, tests, node_modules or build output), they stay under 2 MB
 * compressed, every `%key%` of package.json is translated in both package.nls files, and the l10n
 * bundles match the `vscode.l10n.t('…')` calls of the client one to one.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as zlib from 'node:zlib';

const ROOT = path.resolve(__dirname, '..', '..');

const RUNTIME_FILES = [
  'CHANGELOG.md',
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/extension.js',
  'dist/server.js',
  'dist/web/extension.js',
  'dist/web/server.js',
  'images/icon.png',
  'l10n/bundle.l10n.json',
  'l10n/bundle.l10n.zh-cn.json',
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'syntaxes/kube-checklist-directives.tmLanguage.json',
];

function readJson(relative: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8'));
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort();
}

/** JSON schemas shipped under schemas/, if the repository has any. */
function schemaFiles(): string[] {
  const folder = path.join(ROOT, 'schemas');
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder).filter((name) => name.endsWith('.json')).map((name) => `schemas/${name}`);
}

test('the .vsix holds exactly the files the extension needs at run time', () => {
  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.js']) {
    assert.ok(fs.existsSync(path.join(ROOT, bundle)), `${bundle} is missing: run "npm run build" first`);
  }
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
  const output = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  const listed = output.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

  assert.deepEqual(sorted(listed), sorted([...RUNTIME_FILES, ...schemaFiles()]));
  for (const file of listed) {
    assert.doesNotMatch(file, /\.(ts|map)$|^(client|server|test|out|node_modules|src|examples)\//, `${file} must not be packaged`);
  }
});

test('the packaged files stay under 2 MB compressed (the .vsix is a zip of them)', () => {
  // Compressed as the .vsix compresses them (deflate), without running `vsce package`, which builds again.
  const bytes = [...RUNTIME_FILES, ...schemaFiles()].reduce((total, file) => total + zlib.deflateRawSync(fs.readFileSync(path.join(ROOT, file))).length, 0);
  assert.ok(bytes < 2 * 1024 * 1024, `${(bytes / 1024 / 1024).toFixed(2)} MB compressed`);
});

test('every %key% of package.json is translated in package.nls.json and package.nls.zh-cn.json', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  const used = new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]));
  assert.ok(used.has('extension.displayName') && used.has('extension.description'));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    const bundle = readJson(file) as Record<string, unknown>;
    assert.deepEqual(sorted(Object.keys(bundle)), sorted(used), `${file} has exactly the keys package.json uses`);
    for (const [key, value] of Object.entries(bundle)) {
      assert.ok(typeof value === 'string' && value.trim() !== '', `${file}: ${key} is empty`);
    }
  }
});

/** The first arguments of every `l10n.t(...)` call in client/src (and its folders, such as browser/), which must be string literals. */
function l10nKeysOfClient(): Set<string> {
  const folder = path.join(ROOT, 'client', 'src');
  const keys = new Set<string>();
  const files = (fs.readdirSync(folder, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
  for (const name of files) {
    const source = fs.readFileSync(path.join(folder, name), 'utf8');
    const calls = source.match(/\bl10n\.t\(/g)?.length ?? 0;
    const literals = [...source.matchAll(/\bl10n\.t\(\s*(['"])((?:\\.|(?!\1)[^\\\r\n])*)\1/g)];
    assert.equal(literals.length, calls, `${name}: every l10n.t() call takes a string literal as its first argument`);
    for (const match of literals) keys.add(match[2].replace(/\\(.)/g, '$1'));
  }
  return keys;
}

test('the l10n bundles translate exactly the strings the client passes to l10n.t()', () => {
  const used = l10nKeysOfClient();
  assert.ok(used.size > 0);
  for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.zh-cn.json']) {
    const bundle = readJson(file) as Record<string, unknown>;
    assert.deepEqual(sorted(Object.keys(bundle)), sorted(used), `${file} has exactly the keys client/src uses`);
    for (const [key, value] of Object.entries(bundle)) {
      assert.ok(typeof value === 'string' && value.trim() !== '', `${file}: "${key}" is empty`);
      const placeholders = (text: string) => sorted(text.match(/\{\d+\}/g) ?? []);
      assert.deepEqual(placeholders(value), placeholders(key), `${file}: "${key}" keeps its placeholders`);
    }
  }
});
