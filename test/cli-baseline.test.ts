/**
 * Adoption without a red build, and verdicts that stay honest (issue 16, parts 4, 8 and 9):
 * `--write-baseline` / `--baseline` / `--prune-baseline` (fingerprints survive moving a resource,
 * reordering documents and reformatting; a changed offending value is new; the exit status counts
 * new findings only), unused and expired `.kube-checklist.yaml` suppressions, `--rule` / `--disable`
 * with unknown ids, and an audit that checked nothing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { RULES } from '../server/src/core';
import { runCli } from './support/run-cli';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:latest
          securityContext:
            privileged: true
`;

const CONFIG_MAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  mode: fast
`;

/** The same Deployment written another way: flow style, other key order, comments. */
const WEB_REFORMATTED = `# reformatted
kind: Deployment
apiVersion: apps/v1
metadata: {namespace: shop, name: web}
spec:
  template:
    spec:
      containers:
      - securityContext: {privileged: true}
        image: "nginx:latest"
        name: web
    metadata:
      labels:
        app: web
  selector: {matchLabels: {app: web}}
`;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-baseline-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function json(dir: string, ...args: string[]) {
  const run = runCli(['audit', '.', '--format', 'json', '--no-render', ...args], { cwd: dir });
  return { ...run, report: run.stdout ? (JSON.parse(run.stdout) as { findings: { ruleId: string; file: string }[] }) : undefined };
}

function writeBaseline(dir: string): void {
  const run = runCli(['audit', '.', '--no-render', '--write-baseline', 'baseline.json'], { cwd: dir });
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /wrote \d+ finding\(s\) to the baseline baseline\.json/);
}

describe('baseline', () => {
  test('the file is versioned, sorted JSON with context per entry', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    const file = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8'));
    assert.equal(file.version, 1);
    assert.ok(file.entries.length > 0);
    for (const entry of file.entries) {
      assert.match(entry.fingerprint, /^[0-9a-f]{64}$/);
      assert.equal(entry.file, 'app.yaml');
      assert.equal(entry.resource, 'Deployment shop/web');
      assert.ok(entry.rule);
    }
    const sorted = [...file.entries].sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : a.fingerprint < b.fingerprint ? -1 : 1));
    assert.deepEqual(file.entries, sorted);
  });

  test('with the baseline nothing is new and the exit status is 0', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    const run = json(dir, '--baseline', 'baseline.json');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.report!.findings, []);
    assert.match(run.stderr, /hidden by the baseline baseline\.json/);
  });

  test('the text summary says who suppressed what: here the baseline, not comments or annotations', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    const held = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries.length;
    const run = runCli(['audit', '.', '--no-render', '--no-color', '--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^${held} suppressed: ${held} by the baseline \\(--show-suppressed lists them\\)`, 'm'));
    assert.doesNotMatch(run.stdout, /by comments|by annotations/);
  });

  test('moving the resource within a file, reordering documents, moving it to another file and reformatting keep it baselined', () => {
    const dir = workspace({ 'app.yaml': `${WEB}---\n${CONFIG_MAP}` });
    writeBaseline(dir);
    const variants: Record<string, Record<string, string>> = {
      reordered: { 'app.yaml': `${CONFIG_MAP}---\n${WEB}` },
      'lines above': { 'app.yaml': `# a comment\n# another\n${CONFIG_MAP}---\n# more\n${WEB}` },
      reformatted: { 'app.yaml': `${CONFIG_MAP}---\n${WEB_REFORMATTED}` },
    };
    for (const [name, files] of Object.entries(variants)) {
      for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
      const run = json(dir, '--baseline', 'baseline.json');
      assert.equal(run.status, 0, `${name}: ${run.stderr}`);
      assert.deepEqual(run.report!.findings, [], name);
      assert.doesNotMatch(run.stderr, /no longer occur/, name);
    }
  });

  test('changing the offending value makes a new finding, and the exit status counts it', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    fs.writeFileSync(path.join(dir, 'app.yaml'), WEB.replace('nginx:latest', 'redis:latest'));
    const run = json(dir, '--baseline', 'baseline.json', '--fail-on', 'info');
    const rules = run.report!.findings.map((finding) => finding.ruleId);
    assert.ok(rules.includes('image-latest-tag'), rules.join(','));
    assert.ok(!rules.includes('pss-privileged'), rules.join(','));
    assert.equal(run.status, 1);
    // The old image's entries no longer occur.
    assert.match(run.stderr, /baselined finding\(s\) no longer occur: --prune-baseline removes them from baseline\.json/);
  });

  test('a new privileged container is an error even with the baseline: exit 1', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    fs.writeFileSync(path.join(dir, 'other.yaml'), WEB.replace('name: web\n  namespace', 'name: api\n  namespace'));
    const run = json(dir, '--baseline', 'baseline.json');
    assert.equal(run.status, 1);
    const privileged = run.report!.findings.filter((finding) => finding.ruleId === 'pss-privileged');
    assert.deepEqual(privileged.map((finding) => finding.file), ['other.yaml']);
  });

  test('--prune-baseline removes the entries that no longer occur', () => {
    const dir = workspace({ 'app.yaml': WEB, 'cm.yaml': CONFIG_MAP });
    writeBaseline(dir);
    const before = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries.length;
    fs.writeFileSync(path.join(dir, 'app.yaml'), WEB.replace('privileged: true', 'privileged: false'));
    const run = json(dir, '--baseline', 'baseline.json', '--prune-baseline');
    assert.match(run.stderr, /removed \d+ entry\(ies\)/);
    const after = JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries.length;
    assert.ok(after < before, `${after} < ${before}`);
    const again = json(dir, '--baseline', 'baseline.json', '--fail-on-unused-suppressions');
    assert.doesNotMatch(again.stderr, /no longer occur/);
    assert.equal(again.status, 0, again.stderr);
  });

  test('--fail-on-unused-suppressions fails when baseline entries are gone', () => {
    const dir = workspace({ 'app.yaml': WEB, 'cm.yaml': CONFIG_MAP });
    writeBaseline(dir);
    fs.writeFileSync(path.join(dir, 'app.yaml'), WEB.replace('privileged: true', 'privileged: false'));
    assert.equal(json(dir, '--baseline', 'baseline.json').status, 0);
    assert.equal(json(dir, '--baseline', 'baseline.json', '--fail-on-unused-suppressions').status, 1);
  });

  test('SARIF partialFingerprints are the baseline fingerprints, and baselined results are suppressed externally', () => {
    const dir = workspace({ 'app.yaml': WEB });
    writeBaseline(dir);
    const entries = new Set(JSON.parse(fs.readFileSync(path.join(dir, 'baseline.json'), 'utf8')).entries.map((entry: { fingerprint: string }) => entry.fingerprint));
    const run = runCli(['audit', '.', '--no-render', '--format', 'sarif', '--baseline', 'baseline.json'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout).runs[0].results as { partialFingerprints: Record<string, string>; suppressions?: { kind: string; justification: string }[] }[];
    assert.ok(results.length > 0);
    for (const result of results) {
      assert.ok(entries.has(result.partialFingerprints['kubeChecklist/v1']));
      assert.equal(result.suppressions?.[0].kind, 'external');
    }
  });

  test('a baseline that cannot be read exits with 2', () => {
    const dir = workspace({ 'app.yaml': WEB, 'bad.json': '{"entries": 3}' });
    assert.equal(json(dir, '--baseline', 'missing.json').status, 2);
    const bad = json(dir, '--baseline', 'bad.json');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /cannot read the baseline bad\.json/);
  });
});

describe('exceptions that stay honest', () => {
  test('a suppression that matched nothing is named, and --fail-on-unused-suppressions exits 1', () => {
    const config = `suppressions:\n  - rule: pss-privileged\n    reason: legacy\n    name: web\n  - rule: pss-host-namespaces\n    reason: nothing has it\n`;
    const dir = workspace({ 'app.yaml': WEB, '.kube-checklist.yaml': config });
    const run = json(dir, '--fail-on', 'never');
    assert.match(run.stderr, /\.kube-checklist\.yaml: .*suppression #2 \(pss-host-namespaces\) matched no finding/);
    assert.doesNotMatch(run.stderr, /suppression #1/);
    assert.equal(run.status, 0);
    assert.equal(json(dir, '--fail-on', 'never', '--fail-on-unused-suppressions').status, 1);
  });

  test('an expired suppression lets its findings through and counts for --fail-on-unused-suppressions', () => {
    const config = `suppressions:\n  - rule: image-latest-tag\n    reason: until the release\n    expires: 2020-01-01\n`;
    const dir = workspace({ 'app.yaml': WEB, '.kube-checklist.yaml': config });
    const run = json(dir, '--fail-on', 'never');
    assert.match(run.stderr, /expired on 2020-01-01/);
    assert.ok(run.report!.findings.some((finding) => finding.ruleId === 'image-latest-tag'));
    assert.equal(json(dir, '--fail-on', 'never', '--fail-on-unused-suppressions').status, 1);
  });

  test('exceptions: config-only: comment directives and annotations do not suppress, and are reported as ignored', () => {
    const annotated = WEB.replace('  namespace: shop\n', '  namespace: shop\n  annotations:\n    kube-checklist.io/ignore: pss-privileged\n    kube-checklist.io/ignore-reason: trusted\n');
    const dir = workspace({ 'app.yaml': annotated });
    const honoured = json(dir, '--fail-on', 'never');
    assert.ok(!honoured.report!.findings.some((finding) => finding.ruleId === 'pss-privileged'), 'the annotation suppresses by default');
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'exceptions: config-only\n');
    const strict = json(dir, '--fail-on', 'never');
    assert.ok(strict.report!.findings.some((finding) => finding.ruleId === 'pss-privileged'), strict.stderr);
    assert.match(strict.stderr, /app\.yaml: warning: the annotation for pss-privileged is ignored: this configuration lets only \.kube-checklist\.yaml grant exceptions/);
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'exceptions: config-only\nsuppressions:\n  - rule: pss-privileged\n    reason: reviewed\n');
    const viaConfig = json(dir, '--fail-on', 'never');
    assert.ok(!viaConfig.report!.findings.some((finding) => finding.ruleId === 'pss-privileged'));
  });
});

describe('honest verdicts', () => {
  test('--rule checks only the rules named, --disable turns rules off', () => {
    const dir = workspace({ 'app.yaml': WEB });
    const only = json(dir, '--rule', 'pss-privileged');
    assert.deepEqual([...new Set(only.report!.findings.map((finding) => finding.ruleId))], ['pss-privileged']);
    const two = json(dir, '--rule', 'pss-privileged', '--rule', 'image-latest-tag');
    assert.deepEqual([...new Set(two.report!.findings.map((finding) => finding.ruleId))].sort(), ['image-latest-tag', 'pss-privileged']);
    const disabled = json(dir, '--disable', 'pss-privileged,image-latest-tag');
    assert.ok(disabled.report!.findings.length > 0);
    assert.ok(disabled.report!.findings.every((finding) => finding.ruleId !== 'pss-privileged' && finding.ruleId !== 'image-latest-tag'));
  });

  test('a rule id that names no rule exits 2 naming it, on the command line and in the configuration', () => {
    const dir = workspace({ 'app.yaml': WEB });
    for (const option of ['--rule', '--disable']) {
      const run = json(dir, option, 'pss-privilegd');
      assert.equal(run.status, 2);
      assert.match(run.stderr, new RegExp(`${option} pss-privilegd: no such rule`));
    }
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'rules:\n  no-such-rule: off\n');
    const config = json(dir);
    assert.equal(config.status, 2);
    assert.match(config.stderr, /unknown rule `no-such-rule`/);
    fs.writeFileSync(path.join(dir, '.kube-checklist.yaml'), 'suppressions:\n  - rule: no-such-rule\n    reason: x\n');
    assert.equal(json(dir).status, 2);
  });

  test('an audit that checked no resource exits 2 unless --allow-empty', () => {
    const dir = workspace({ 'values.yaml': 'replicas: 3\n' });
    const run = json(dir);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /no Kubernetes resource was checked/);
    assert.equal(json(dir, '--allow-empty').status, 0);
    const zh = runCli(['audit', '.', '--lang', 'zh-cn', '--no-render'], { cwd: dir });
    assert.match(zh.stderr, /没有检查任何 Kubernetes 资源/);
  });

  test('the scorecard says "not evaluated" for an item whose rules did not run, never "pass"', () => {
    const dir = workspace({ 'app.yaml': WEB });
    const run = runCli(['audit', '.', '--no-render', '--format', 'json', '--rule', 'pss-privileged', '--fail-on', 'never'], { cwd: dir });
    const scorecard = JSON.parse(run.stdout).scorecard as { item: string; status: string }[];
    const byItem = new Map(scorecard.map((entry) => [entry.item, entry.status]));
    const pss = RULES.find((rule) => rule.id === 'pss-privileged')!.checklist[0];
    assert.equal(byItem.get(pss), 'fail');
    const others = scorecard.filter((entry) => entry.item !== pss && RULES.some((rule) => rule.checklist.includes(entry.item) && rule.id !== 'pss-privileged'));
    assert.ok(others.some((entry) => entry.status === 'not-evaluated'));
    assert.ok(others.every((entry) => entry.status !== 'pass'), JSON.stringify(others.filter((entry) => entry.status === 'pass')));
    const markdown = runCli(['audit', '.', '--no-render', '--format', 'markdown', '--rule', 'pss-privileged', '--fail-on', 'never'], { cwd: dir });
    assert.match(markdown.stdout, /\*\*Not evaluated\*\*: the rules that check this item \(`/);
    const zh = runCli(['audit', '.', '--no-render', '--format', 'markdown', '--lang', 'zh-cn', '--disable', 'pss-privileged', '--fail-on', 'never'], { cwd: dir });
    assert.match(zh.stdout, /未评估/);
  });

  test('SARIF is written on a clean run too', () => {
    const dir = workspace({ 'cm.yaml': CONFIG_MAP });
    const run = runCli(['audit', '.', '--no-render', '--format', 'sarif'], { cwd: dir });
    assert.equal(run.status, 0, run.stderr);
    const log = JSON.parse(run.stdout);
    assert.equal(log.runs.length, 1);
    assert.deepEqual(log.runs[0].results, []);
  });
});
