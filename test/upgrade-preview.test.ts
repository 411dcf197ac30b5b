/**
 * The upgrade preview against the Pod Security Admission conformance fixtures: for every fixture
 * (identical files across version folders are checked once) at its level, and every ordered pair of
 * the versions we implement exactly (v1.0 … v1.LATEST_MINOR), the preview lists the Pod exactly when
 * its verdict differs between the two versions, in the right direction and with the checks that fail
 * at the failing version. The verdicts come from the analysis of each version on its own
 * (analyzeSource with the Pod Security rules at that level and version), not from the preview code.
 * Also the namespace side: a Namespace enforcing at latest lists the workloads it would start
 * rejecting, a pinned one lists nothing.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeSource, LATEST_MINOR, parseSourceFile, previewUpgrade, selectRules, WorkspaceIndex } from '../server/src/core';
import type { PodSecurityLevel, RuleSelection } from '../server/src/core';
import { sharedPath } from './support/paths';

const corpus = sharedPath('corpus', 'pod-security-admission');
const VERSIONS = Array.from({ length: LATEST_MINOR + 1 }, (_, minor) => minor);

const pssOnly = new Map<string, RuleSelection>();
function verdictSelection(level: PodSecurityLevel, minor: number): RuleSelection {
  const key = `${level}/${minor}`;
  let selection = pssOnly.get(key);
  if (!selection) {
    const all = selectRules({ level, kubernetesVersion: `v1.${minor}` });
    pssOnly.set(key, (selection = { ...all, rules: all.rules.filter(({ rule }) => rule.pss) }));
  }
  return selection;
}

/** The rule ids that fail, per version: empty means the Pod passes. */
function verdicts(text: string, level: PodSecurityLevel): string[][] {
  const source = parseSourceFile(text);
  return VERSIONS.map((minor) => [...new Set(analyzeSource(source, verdictSelection(level, minor)).findings.map((f) => f.ruleId))].sort());
}

function uniqueFixtures(): { level: PodSecurityLevel; file: string; text: string }[] {
  const rows = fs.readFileSync(path.join(corpus, 'fixtures.tsv'), 'utf8').trim().split('\n').slice(1);
  const seen = new Set<string>();
  const result: { level: PodSecurityLevel; file: string; text: string }[] = [];
  for (const row of rows) {
    const [level, , , , , , file] = row.split('\t');
    const text = fs.readFileSync(path.join(corpus, file), 'utf8');
    const key = `${level}\n${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ level: level as PodSecurityLevel, file, text });
  }
  return result;
}

test('the preview of every ordered pair of versions is the difference of the two verdicts, on every PSA fixture', () => {
  const started = performance.now();
  const fixtures = uniqueFixtures();
  assert.ok(fixtures.length > 300, `only ${fixtures.length} distinct fixtures`);
  const evaluator = selectRules({ level: 'restricted', kubernetesVersion: 'latest' }).podSecurity;
  const failures: string[] = [];
  let pairs = 0;
  let flips = 0;
  for (const { level, file, text } of fixtures) {
    const expected = verdicts(text, level);
    const source = parseSourceFile(text);
    const index = new WorkspaceIndex([{ uri: file, source }]);
    for (const from of VERSIONS) {
      for (const to of VERSIONS) {
        pairs++;
        const preview = previewUpgrade(index, evaluator, { level, from, to });
        const before = expected[from];
        const after = expected[to];
        const want = (before.length === 0) === (after.length === 0) ? [] : [{ direction: before.length === 0 ? 'starts-failing' : 'starts-passing', checks: before.length === 0 ? after : before }];
        const got = preview.changes.map(({ direction, checks }) => ({ direction, checks: [...checks] }));
        flips += want.length;
        if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${file} v1.${from} -> v1.${to}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
      }
    }
  }
  assert.deepEqual(failures.slice(0, 10), [], `${failures.length} of ${pairs} previews disagree`);
  assert.ok(flips > 1000, `only ${flips} verdict changes: the test would not notice a preview that lists nothing`);
  console.log(`upgrade preview: ${fixtures.length} distinct fixtures, ${pairs} ordered version pairs, ${flips} verdict changes, ${Math.round(performance.now() - started)} ms`);
});

const PROBE_POD = (namespace: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: probe\n  namespace: ${namespace}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n      livenessProbe:\n        httpGet:\n          host: 10.0.0.1\n          port: 8080\n`;
const NAMESPACE = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels:\n${labels}`;

test('namespaces enforcing at latest (or with no version label) list what they would start rejecting; pinned ones do not', () => {
  const text = [
    NAMESPACE('floating', '    pod-security.kubernetes.io/enforce: baseline\n'),
    NAMESPACE('latest', '    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: latest\n'),
    NAMESPACE('pinned', '    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.33\n'),
    NAMESPACE('open', '    pod-security.kubernetes.io/enforce: privileged\n'),
    PROBE_POD('floating'),
    PROBE_POD('latest'),
    PROBE_POD('pinned'),
    PROBE_POD('open'),
  ].join('---\n');
  const index = new WorkspaceIndex([{ uri: 'all.yaml', source: parseSourceFile(text) }]);
  const evaluator = selectRules({ level: 'baseline', kubernetesVersion: 'latest' }).podSecurity;
  const preview = previewUpgrade(index, evaluator, { level: 'baseline', from: 33, to: 34 });
  assert.deepEqual(preview.changes.map((change) => [change.resource.namespace, change.direction, change.checks.join()]), [
    ['floating', 'starts-failing', 'pss-host-probes'],
    ['latest', 'starts-failing', 'pss-host-probes'],
    ['pinned', 'starts-failing', 'pss-host-probes'],
    ['open', 'starts-failing', 'pss-host-probes'],
  ]);
  assert.deepEqual(preview.namespaces.map((entry) => [entry.namespace.name, entry.level, entry.rejects.length]), [['floating', 'baseline', 1], ['latest', 'baseline', 1]]);
  const back = previewUpgrade(index, evaluator, { level: 'baseline', from: 34, to: 33 });
  assert.deepEqual(back.changes.map((change) => change.direction), ['starts-passing', 'starts-passing', 'starts-passing', 'starts-passing']);
  assert.deepEqual(back.namespaces, [], 'a Pod that starts passing is no rejection');
});
