/**
 * Pod Security Admission conformance: every fixture of the upstream suite, at its level and version,
 * as a Pod and wrapped in a Deployment, gives the expected result (see the corpus README for the
 * exact rule). Also the two derived assertions across levels that the README calls safe.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse, stringify } from 'yaml';
import { analyzeSource, parseSourceFile, renderMessage, ruleById, selectRules } from '../server/src/core';
import type { PodSecurityLevel, RuleSelection } from '../server/src/core';
import { sharedPath } from './support/paths';

interface Fixture {
  level: PodSecurityLevel;
  version: string;
  expected: 'pass' | 'fail';
  checkId: string;
  file: string;
  substring: string;
}

const corpus = sharedPath('corpus', 'pod-security-admission');
const fixtures: Fixture[] = fs
  .readFileSync(path.join(corpus, 'fixtures.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [level, version, expected, checkId, , , file, substring] = line.split('\t');
    return { level: level as PodSecurityLevel, version, expected: expected as 'pass' | 'fail', checkId, file, substring: substring || checkId };
  });

const selections = new Map<string, RuleSelection>();
function selectionFor(level: PodSecurityLevel, version: string): RuleSelection {
  const key = `${level}/${version}`;
  let selection = selections.get(key);
  if (!selection) {
    selection = selectRules({ level, kubernetesVersion: version });
    selections.set(key, selection);
  }
  return selection;
}

function asDeployment(podText: string): string {
  const pod = parse(podText) as { metadata?: Record<string, unknown>; spec?: unknown };
  return stringify({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: pod.metadata?.name ?? 'wrapped' },
    spec: { selector: { matchLabels: { app: 'fixture' } }, template: { metadata: pod.metadata ?? {}, spec: pod.spec } },
  });
}


function evaluate(text: string, level: PodSecurityLevel, version: string) {
  const result = analyzeSource(parseSourceFile(text), selectionFor(level, version));
  assert.equal(result.skipped.length, 0, 'fixture must parse');
  assert.equal(result.resourceCount, 1);
  // Only the Pod Security Standards rules implement PSA; the catalog's other rules have their own tests.
  return result.findings.filter((finding) => ruleById(finding.ruleId)?.pss).map((finding) => ({
    checkId: ruleById(finding.ruleId)?.pss?.checkId ?? finding.ruleId,
    replaces: ruleById(ruleById(finding.ruleId)?.pss?.overrides ?? '')?.pss?.checkId,
    message: renderMessage(finding, 'en'),
    range: [finding.start, finding.end],
  }));
}

function verify(fixture: Fixture, text: string): string | undefined {
  const findings = evaluate(text, fixture.level, fixture.version);
  if (fixture.expected === 'pass') {
    return findings.length === 0 ? undefined : `expected no finding, got ${findings.map((f) => f.message).join(' | ')}`;
  }
  const hit = findings.find(
    (f) => (f.checkId === fixture.checkId || f.replaces === fixture.checkId) && f.message.includes(fixture.substring),
  );
  if (!hit) return `expected ${fixture.checkId} with "${fixture.substring}", got ${findings.map((f) => `${f.checkId}: ${f.message}`).join(' | ') || 'nothing'}`;
  if (findings.some((f) => f.range[1] < f.range[0])) return 'finding with an inverted range';
  return undefined;
}


test('PSA conformance fixtures: 4,537 Pods at their level and version', () => {
  assert.equal(fixtures.length, 4537);
  const failures: string[] = [];
  for (const fixture of fixtures) {
    const text = fs.readFileSync(path.join(corpus, fixture.file), 'utf8');
    const problem = verify(fixture, text);
    if (problem) failures.push(`${fixture.file} (${fixture.level} ${fixture.version}): ${problem}`);
  }
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${fixtures.length} fixtures disagree`);
});

test('PSA conformance fixtures wrapped in a Deployment', () => {
  const failures: string[] = [];
  for (const fixture of fixtures) {
    const text = asDeployment(fs.readFileSync(path.join(corpus, fixture.file), 'utf8'));
    const problem = verify(fixture, text);
    if (problem) failures.push(`${fixture.file} as Deployment: ${problem}`);
  }
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} of ${fixtures.length} fixtures disagree`);
});

test('derived: restricted passes also pass baseline; baseline failures also fail restricted', () => {
  const failures: string[] = [];
  for (const fixture of fixtures) {
    const text = fs.readFileSync(path.join(corpus, fixture.file), 'utf8');
    if (fixture.level === 'restricted' && fixture.expected === 'pass') {
      const findings = evaluate(text, 'baseline', fixture.version);
      if (findings.length) failures.push(`${fixture.file} at baseline: ${findings[0].message}`);
    }
    if (fixture.level === 'baseline' && fixture.expected === 'fail') {
      const findings = evaluate(text, 'restricted', fixture.version);
      if (!findings.length) failures.push(`${fixture.file} at restricted: no finding`);
    }
  }
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} derived assertions disagree`);
});
