#!/usr/bin/env node
// `npm run bench`: the speed and size figures of issue 7, side by side in one run, as ratios.
// - Generates 1,000- and 5,000-document files deterministically (../shared/bench/gen-manifests.mjs),
//   each in its own folder (the folder is the workspace the server indexes).
// - Drives the bundled server over stdio with ../shared/bench/lsp-bench.mjs, which also times the
//   `yaml` parse floor of the same file in fresh processes.
// - Times the CLI audit of ../shared/corpus/real-world against parsing all its files once (with
//   --no-render, since the floor renders nothing; the audit that renders Kustomize and Helm with
//   kubectl/helm from PATH is reported beside it).
// - With --yamlls: yaml-language-server 1.25.0 (installed from npm into the temporary folder, with
//   the Kubernetes schema and settings of ../shared/bench) on the very same files, in the same run.
// - Measures the bare start of the server bundle and the .vsix size.
// A benchmark, not a test: it prints figures and the targets they are held to, and fails only when
// something cannot run. Options: --runs N (default 3), --edits N (default 30), --quick (1 run,
// 1,000 documents only), --yamlls (also yaml-language-server: 1 run, 10 edits per size; minutes).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.KUBE_CHECKLIST_SHARED ?? path.resolve(repo, '..', 'shared');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const quick = args.includes('--quick');
const runs = option('--runs', quick ? 1 : 3);
const edits = option('--edits', quick ? 10 : 30);
const sizes = quick ? [1000] : [1000, 5000];
const node = process.execPath;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-bench-'));

function step(text) {
  process.stderr.write(`» ${text}\n`);
}

if (!fs.existsSync(path.join(repo, 'dist', 'server.js'))) {
  step('building (npm run build)');
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const rows = [];
const row = (figure, value, target, verdict) => rows.push({ figure, value, target, verdict });
const ratio = (a, b) => (a != null && b ? a / b : null);
const fmt = (n, digits = 0) => (n == null ? '–' : Number(n).toFixed(digits));

/** Runs ../shared/bench/lsp-bench.mjs and returns its JSON result. */
function lspBench(name, benchArgs, cwd = repo) {
  const out = path.join(work, `${name}.json`);
  const result = spawnSync(node, [path.join(shared, 'bench', 'lsp-bench.mjs'), ...benchArgs, '--out', out], { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`lsp-bench failed: ${name}`);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

const ours = new Map();
for (const docs of sizes) {
  const folder = path.join(work, `docs-${docs}`);
  fs.mkdirSync(folder);
  const file = path.join(folder, `k8s-${docs}.yaml`);
  fs.writeFileSync(file, execFileSync(node, [path.join(shared, 'bench', 'gen-manifests.mjs'), '--docs', String(docs), '--seed', '1'], { maxBuffer: 1 << 30 }));
  step(`server over stdio on ${docs} documents (${runs} runs, ${edits} edits each)`);
  const { summary: s, floor: f } = lspBench(`lsp-${docs}`, [
    '--server', `${node} ${path.join(repo, 'dist', 'server.js')} --stdio`, '--file', file,
    '--floor', '--yaml-module', path.join(repo, 'node_modules', 'yaml'), '--runs', String(runs), '--edits', String(edits), '--timeout', '300000',
  ]);
  ours.set(docs, { file, s });
  const open = ratio(s.firstDiagMs, f.coldParseMs);
  row(`${docs} docs: didOpen → first diagnostics`, `${fmt(s.firstDiagMs)} ms = ${fmt(open, 2)}× cold parse (${fmt(f.coldParseMs)} ms)`, '≤ 1.5× cold parse', open <= 1.5 ? 'met' : 'missed');
  const edit = ratio(s.editP95Ms, f.warmParseMs);
  row(`${docs} docs: keystroke → diagnostics p50 / p95`, `${fmt(s.editP50Ms)} / ${fmt(s.editP95Ms)} ms = ${fmt(edit, 2)}× warm parse (${fmt(f.warmParseMs)} ms)`, docs === 5000 ? '≤ 0.1× warm parse' : '(reported)', docs === 5000 ? (edit <= 0.1 ? 'met' : 'missed') : '');
  row(`${docs} docs: hover p50 / p95`, `${fmt(s.hoverP50Ms, 1)} / ${fmt(s.hoverP95Ms, 1)} ms`, '', '');
  row(`${docs} docs: server peak RSS`, `${fmt(s.peakRssMB)} MB`, docs === 5000 ? '< 0.15× yaml-language-server (see below)' : '', '');
  if (docs === sizes[0]) row('server start (spawn → initialize result)', `${fmt(s.startupMs)} ms`, '', '');
}

step('CLI audit of the real-world corpus');
const corpus = path.join(shared, 'corpus', 'real-world');
function timeAudit(extra) {
  const started = performance.now();
  const audit = spawnSync(node, [path.join(repo, 'dist', 'cli.js'), 'audit', corpus, '--format', 'json', '--fail-on', 'never', ...extra], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (audit.status !== 0) throw new Error(`CLI audit failed: ${audit.stderr.slice(0, 400)}`);
  return { ms, findings: JSON.parse(audit.stdout).findings.length };
}
const { ms: auditMs, findings } = timeAudit(['--no-render']);
const rendered = timeAudit([]);
// The floor: read and parse every file the audit reads, once, in one fresh process (with its start).
const floorScript = `
const fs = require('fs'), path = require('path'), { parseAllDocuments, LineCounter } = require(${JSON.stringify(path.join(repo, 'node_modules', 'yaml'))});
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? (e.name === '.git' || e.name === 'node_modules' ? [] : walk(path.join(d, e.name))) : /\\.(ya?ml|json)$/.test(e.name) ? [path.join(d, e.name)] : []);
let n = 0; for (const f of walk(${JSON.stringify(corpus)})) { const t = fs.readFileSync(f, 'utf8'); if (t.length > 5 * 1024 * 1024) continue; parseAllDocuments(t, { lineCounter: new LineCounter() }); n++; }
process.stdout.write(String(n));`;
const floorStart = performance.now();
const parsedFiles = execFileSync(node, ['-e', floorScript], { encoding: 'utf8' });
const floorMs = performance.now() - floorStart;
const auditRatio = auditMs / floorMs;
row(`CLI audit of real-world, --no-render (${parsedFiles} files, ${findings} findings)`, `${fmt(auditMs)} ms = ${fmt(auditRatio, 2)}× parsing them all once (${fmt(floorMs)} ms)`, '≤ 1.5×', auditRatio <= 1.5 ? 'met' : 'missed');
row(`CLI audit of real-world, rendering Kustomize/Helm with the tools on PATH (${rendered.findings} findings)`, `${fmt(rendered.ms)} ms`, '(reported)', '');

step('server bundle load');
const require = createRequire(import.meta.url);
const loads = [];
for (let i = 0; i < 5; i++) {
  const t0 = performance.now();
  // Loading the bundle without a transport argument: it loads, finds no transport and exits.
  spawnSync(node, [path.join(repo, 'dist', 'server.js')], { stdio: 'ignore' });
  const t1 = performance.now();
  spawnSync(node, ['-e', '0'], { stdio: 'ignore' });
  loads.push(t1 - t0 - (performance.now() - t1));
}
loads.sort((a, b) => a - b);
row('server bundle load (process start subtracted, median of 5)', `${fmt(loads[2])} ms`, '< 150 ms', loads[2] < 150 ? 'met' : 'missed');

step('.vsix size');
const vsix = path.join(work, 'kube-checklist.vsix');
execFileSync(node, [require.resolve('@vscode/vsce/vsce'), 'package', '--out', vsix], { cwd: repo, stdio: 'ignore' });
const vsixKB = fs.statSync(vsix).size / 1024;
row('.vsix size', `${fmt(vsixKB)} KB`, '< 2 MB', vsixKB < 2048 ? 'met' : 'missed');

const yamlls = [];
if (args.includes('--yamlls')) {
  const dir = path.join(work, 'yamlls');
  fs.mkdirSync(dir);
  step('installing yaml-language-server@1.25.0 from npm');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', dir, 'yaml-language-server@1.25.0'], { stdio: 'ignore' });
  // The Kubernetes schema yaml-language-server is set up with in ../shared/bench (served locally).
  const schema = path.join(dir, 'k8s-schema', 'v1.36.0-standalone-strict');
  fs.mkdirSync(schema, { recursive: true });
  for (const name of ['_definitions.json', 'all.json']) {
    fs.writeFileSync(path.join(schema, name), zlib.gunzipSync(fs.readFileSync(path.join(shared, 'bench', 'k8s-schema-v1.36.0-standalone-strict', `${name}.gz`))));
  }
  for (const [docs, { file, s }] of ours) {
    step(`yaml-language-server on the same ${docs} documents (1 run, 10 edits)`);
    const { summary: y } = lspBench(`yamlls-${docs}`, [
      '--server', `${node} ${path.join(dir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server')} --stdio`,
      '--notify', 'yaml/registerContentRequest',
      '--content', `https://raw.githubusercontent.com/yannh/kubernetes-json-schema/master/v1.36.0-standalone-strict/=${schema}`,
      '--settings', path.join(shared, 'bench', 'yamlls-settings.json'),
      '--file', file, '--runs', '1', '--edits', '10', '--hovers', '5', '--settle-ms', '1500', '--timeout', '600000',
    ], dir);
    yamlls.push({ docs, y, s });
  }
}

console.log(`\nkube-checklist benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
console.log('| Figure | Measured | Target | |');
console.log('|---|---|---|---|');
for (const { figure, value, target, verdict } of rows) console.log(`| ${figure} | ${value} | ${target} | ${verdict} |`);
if (yamlls.length) {
  console.log('\nSide by side with yaml-language-server 1.25.0 on the same files, same run:\n');
  console.log('| Documents | Figure | kube-checklist | yaml-language-server | Ratio |');
  console.log('|---|---|---|---|---|');
  for (const { docs, y, s } of yamlls) {
    console.log(`| ${docs} | didOpen → first diagnostics | ${fmt(s.firstDiagMs)} ms | ${fmt(y.firstDiagMs)} ms | ${fmt(ratio(s.firstDiagMs, y.firstDiagMs), 2)}× |`);
    console.log(`| ${docs} | keystroke → diagnostics p50 / p95 | ${fmt(s.editP50Ms)} / ${fmt(s.editP95Ms)} ms | ${fmt(y.editP50Ms)} / ${fmt(y.editP95Ms)} ms | ${fmt(ratio(s.editP95Ms, y.editP95Ms), 2)}× |`);
    const memory = ratio(s.peakRssMB, y.peakRssMB);
    const target = docs === 5000 ? ` (target < 0.15×: ${memory < 0.15 ? 'met' : 'missed'})` : '';
    console.log(`| ${docs} | server peak RSS | ${fmt(s.peakRssMB)} MB | ${fmt(y.peakRssMB)} MB | ${fmt(memory, 2)}×${target} |`);
  }
} else {
  console.log('\nyaml-language-server on this kind of machine (../shared/bench/README.md; `--yamlls` measures it here on the same files):');
  console.log('didOpen → diagnostics 6.3 s (1,000 docs) / 9.6 s (5,000); keystroke p50 / p95 936 / 1,127 ms (1,000) and 4,547 / 5,511 ms (5,000);');
  console.log('peak RSS 1.1 GB (1,000) / 2.6 GB (5,000).');
}
fs.rmSync(work, { recursive: true, force: true });
