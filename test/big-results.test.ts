/**
 * Big results: a single resource with 130,000 privileged containers is analyzed without
 * overflowing the stack, its findings capped per rule and resource with one summary finding that
 * counts the rest, and the CLI reports it with exit 1 rather than an internal error.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeSource, MAX_FINDINGS_PER_RULE, MORE_FINDINGS_MESSAGE_ID, parseSourceFile, renderMessage } from '../server/src/core';
import { runCli } from './support/run-cli';

const CONTAINERS = 130_000;

function hugePod(count: number): string {
  const lines = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: huge}', 'spec:', '  containers:'];
  for (let i = 0; i < count; i++) lines.push(`  - {name: c${i}, image: nginx, securityContext: {privileged: true}}`);
  return lines.join('\n') + '\n';
}

test('130,000 privileged containers: capped findings per rule plus one summary with the right count', () => {
  const result = analyzeSource(parseSourceFile(hugePod(CONTAINERS)), { level: 'restricted', kubernetesVersion: 'latest' });
  assert.deepEqual(result.ruleFailures, []);
  const privileged = result.findings.filter((finding) => finding.ruleId === 'no-privileged' || /privileged/.test(finding.ruleId));
  const ruleId = privileged[0]?.ruleId;
  assert.ok(ruleId, 'a privileged finding');
  const ofRule = result.findings.filter((finding) => finding.ruleId === ruleId);
  const summaries = ofRule.filter((finding) => finding.messageId === MORE_FINDINGS_MESSAGE_ID);
  assert.equal(summaries.length, 1);
  assert.equal(ofRule.length, MAX_FINDINGS_PER_RULE + 1);
  assert.equal(summaries[0].data.count, CONTAINERS - MAX_FINDINGS_PER_RULE);
  assert.equal(summaries[0].severity, ofRule[0].severity);
  assert.deepEqual(summaries[0].path, []);
  assert.equal(renderMessage(summaries[0], 'en'), `and ${CONTAINERS - MAX_FINDINGS_PER_RULE} more findings of this rule in this resource`);
  assert.match(renderMessage(summaries[0], 'zh-cn'), new RegExp(`${CONTAINERS - MAX_FINDINGS_PER_RULE}`));
  // Every rule is capped: no rule reports more than the cap plus its summary on this one resource.
  const byRule = new Map<string, number>();
  for (const finding of result.findings) byRule.set(finding.ruleId, (byRule.get(finding.ruleId) ?? 0) + 1);
  for (const [rule, count] of byRule) assert.ok(count <= MAX_FINDINGS_PER_RULE + 1, `${rule}: ${count}`);
});

test('the CLI checks the same Pod and exits 1 with findings, not an internal error', () => {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-big-'));
  try {
    fs.writeFileSync(path.join(cwd, 'pod.yaml'), hugePod(CONTAINERS));
    const run = runCli(['audit', '--max-file-size', '64', 'pod.yaml'], { cwd, timeout: 120_000 });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, new RegExp(`and ${CONTAINERS - MAX_FINDINGS_PER_RULE} more findings of this rule in this resource`));
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
  }
});
