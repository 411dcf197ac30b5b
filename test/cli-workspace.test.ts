/**
 * The CLI audits its inputs as one workspace: a workload is checked against the Pod Security labels
 * of a Namespace in another file, and the related places of such a finding reach every format
 * (JSON `related`, SARIF `relatedLocations`, indented text lines). Auditing the workload's file
 * alone shows the difference.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoPath } from './support/paths';
import { runCli } from './support/run-cli';

const CASE = 'test/fixtures/workspace/psa-namespace-enforce-violation/fire';
const cwd = repoPath();

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  range: { start: { line: number; character: number } };
  related: { file: string; range: { start: { line: number; character: number } }; message: string }[];
}

function auditJson(paths: string[]): JsonFinding[] {
  const run = runCli(['audit', '--format', 'json', '--fail-on', 'warning', ...paths], { cwd });
  assert.equal(run.status, 1, run.stderr);
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

test('a workload is checked against the enforce label of its Namespace in another file, with the label as a related place', () => {
  const findings = auditJson([CASE]);
  const violation = findings.find((finding) => finding.ruleId === 'psa-namespace-enforce-violation' && finding.file === `${CASE}/payments.yaml`);
  assert.ok(violation, 'the Deployment of payments.yaml violates the restricted level its Namespace enforces');
  assert.equal(violation.severity, 'error');
  assert.deepEqual(violation.range.start, { line: 13, character: 22 }, 'on runAsNonRoot: false');
  const label = violation.related.find((place) => place.file === `${CASE}/namespaces.yaml`);
  assert.ok(label, 'the Namespace of namespaces.yaml is a related place');
  assert.equal(label.range.start.line, 5, 'on the enforce label');
  assert.match(label.message, /restricted/);
});

test('the same file audited alone has no Namespace to be checked against', () => {
  const findings = auditJson([`${CASE}/payments.yaml`]);
  assert.ok(findings.length > 0, 'the resource rules still report on it');
  assert.equal(findings.filter((finding) => finding.ruleId.startsWith('psa-namespace')).length, 0);
});

test('SARIF carries related places as relatedLocations with relative URIs and 1-based regions', () => {
  const run = runCli(['audit', '--format', 'sarif', CASE], { cwd });
  const results = (JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; message: { text: string } }[] }[] }[] }).runs[0].results;
  const violation = results.find((result) => result.ruleId === 'psa-namespace-enforce-violation' && result.locations[0].physicalLocation.artifactLocation.uri.endsWith('payments.yaml'));
  assert.ok(violation?.relatedLocations, 'the result has relatedLocations');
  const label = violation.relatedLocations.find((place) => place.physicalLocation.artifactLocation.uri === `${CASE}/namespaces.yaml`);
  assert.ok(label);
  assert.equal(label.physicalLocation.region.startLine, 6);
  assert.deepEqual(violation.relatedLocations.map((place) => place.id), violation.relatedLocations.map((_, index) => index), 'ids are unique within the result');
});

test('text output lists related places indented under the finding, and the Chinese locale translates them', () => {
  const english = runCli(['audit', '--no-color', CASE], { cwd }).stdout.split('\n');
  const at = english.findIndex((line) => line.startsWith(`${CASE}/payments.yaml:14:23: error psa-namespace-enforce-violation`));
  assert.ok(at >= 0, english.join('\n'));
  assert.match(english[at + 1], new RegExp(`^    ${CASE}/namespaces\\.yaml:6:5: .*restricted`));
  const chinese = runCli(['audit', '--no-color', '--lang', 'zh-cn', CASE], { cwd }).stdout.split('\n');
  const zhAt = chinese.findIndex((line) => line.startsWith(`${CASE}/payments.yaml:14:23: error psa-namespace-enforce-violation`));
  assert.ok(zhAt >= 0);
  assert.match(chinese[zhAt + 1], /^    .*namespaces\.yaml:6:5: /);
  assert.notEqual(chinese[zhAt + 1], english[at + 1], 'the related message is translated');
});
