#!/usr/bin/env node
// `npm run bench`: the speed and size figures of issue 7, side by side in one run, as ratios.
// - Generates 1,000- and 5,000-document files deterministically (../shared/bench/gen-manifests.mjs),
//   each in its own folder (the folder is the workspace the server indexes).
// - Drives the bundled server over stdio with ../shared/bench/lsp-bench.mjs, which also times the
//   `yaml` parse floor of the same file in fresh processes.
// - Times the CLI audit of ../shared/corpus/real-world against parsing all its files once.
// - Measures the bare start of the server bundle and the .vsix size.
// A benchmark, not a test: it prints figures and the targets they are held to, and fails only when
// something cannot run. Options: --runs N (default 3), --edits N (default 30), --quick (1 run,
// 1,000 documents only), --yamlls (also run ../shared/bench/run-yamlls.sh, minutes).
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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

for (const docs of sizes) {
  const folder = path.join(work, `docs-${docs}`);
  fs.mkdirSync(folder);
  const file = path.join(folder, `k8s-${docs}.yaml`);
  fs.writeFileSync(file, execFileSync(node, [path.join(shared, 'bench', 'gen-manifests.mjs'), '--docs', String(docs), '--seed', '1'], { maxBuffer: 1 << 30 }));
  step(`server over stdio on ${docs} documents (${runs} runs, ${edits} edits each)`);
  const out = path.join(work, `lsp-${docs}.json`);
  const result = spawnSync(
    node,
    [path.join(shared, 'bench', 'lsp-bench.mjs'), '--server', `${node} ${path.join(repo, 'dist', 'server.js')} --stdio`, '--file', file, '--floor', '--yaml-module', path.join(repo, 'node_modules', 'yaml'), '--runs', String(runs), '--edits', String(edits), '--out', out, '--timeout', '300000'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (result.status !== 0 || !fs.existsSync(out)) throw new Error(`lsp-bench failed on ${docs} documents`);
  const { summary: s, floor: f } = JSON.parse(fs.readFileSync(out, 'utf8'));
  const open = ratio(s.firstDiagMs, f.coldParseMs);
  row(`${docs} docs: didOpen → first diagnostics`, `${fmt(s.firstDiagMs)} ms = ${fmt(open, 2)}× cold parse (${fmt(f.coldParseMs)} ms)`, '≤ 1.5× cold parse', open <= 1.5 ? 'met' : 'missed');
  const edit = ratio(s.editP95Ms, f.warmParseMs);
  row(`${docs} docs: keystroke → diagnostics p50 / p95`, `${fmt(s.editP50Ms)} / ${fmt(s.editP95Ms)} ms = ${fmt(edit, 2)}× warm parse (${fmt(f.warmParseMs)} ms)`, docs === 5000 ? '≤ 0.1× warm parse' : '(reported)', docs === 5000 ? (edit <= 0.1 ? 'met' : 'missed') : '');
  row(`${docs} docs: hover p50 / p95`, `${fmt(s.hoverP50Ms, 1)} / ${fmt(s.hoverP95Ms, 1)} ms`, '', '');
  row(`${docs} docs: server peak RSS`, `${fmt(s.peakRssMB)} MB`, docs === 5000 ? '< 0.15× yaml-language-server (2.6 GB → 390 MB)' : '', docs === 5000 ? (s.peakRssMB < 390 ? 'met' : 'missed') : '');
  if (docs === sizes[0]) row('server start (spawn → initialize result)', `${fmt(s.startupMs)} ms`, '', '');
}

step('CLI audit of the real-world corpus');
const corpus = path.join(shared, 'corpus', 'real-world');
const started = performance.now();
const audit = spawnSync(node, [path.join(repo, 'dist', 'cli.js'), 'audit', corpus, '--format', 'json', '--fail-on', 'never'], { maxBuffer: 1 << 30, encoding: 'utf8' });
const auditMs = performance.now() - started;
if (audit.status !== 0) throw new Error(`CLI audit failed: ${audit.stderr.slice(0, 400)}`);
const findings = JSON.parse(audit.stdout).findings.length;
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
row(`CLI audit of real-world (${parsedFiles} files, ${findings} findings)`, `${fmt(auditMs)} ms = ${fmt(auditRatio, 2)}× parsing them all once (${fmt(floorMs)} ms)`, '≤ 1.5×', auditRatio <= 1.5 ? 'met' : 'missed');

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

if (args.includes('--yamlls')) {
  step('yaml-language-server (../shared/bench/run-yamlls.sh)');
  spawnSync('sh', [path.join(shared, 'bench', 'run-yamlls.sh'), path.join(work, 'yamlls')], { stdio: 'inherit' });
}

console.log(`\nkube-checklist benchmark — ${new Date().toISOString().slice(0, 10)} — ${machine}\n`);
console.log('| Figure | Measured | Target | |');
console.log('|---|---|---|---|');
for (const { figure, value, target, verdict } of rows) console.log(`| ${figure} | ${value} | ${target} | ${verdict} |`);
console.log('\nyaml-language-server on this kind of machine (../shared/bench/README.md): didOpen → diagnostics 6.3 s (1,000 docs) / 9.6 s (5,000);');
console.log('keystroke p50 / p95 936 / 1,127 ms (1,000) and 4,547 / 5,511 ms (5,000); peak RSS 1.1 GB (1,000) / 2.6 GB (5,000).');
fs.rmSync(work, { recursive: true, force: true });
