/**
 * The sliced analysis of big open documents (server/src/lsp/sliced-analysis.ts, SlicedAnalyzer): requests for the
 * same version and options share one running analysis instead of parsing the file twice side by
 * side; a request with other options supersedes the running one; forgetting the document drops it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisOptions } from '../server/src/core';
import { SlicedAnalyzer } from '../server/src/lsp/sliced-analysis';

const POD = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p${i}\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx:1.27\n`;
const TEXT = Array.from({ length: 400 }, (_, i) => POD(i)).join('---\n');
const RESTRICTED: AnalysisOptions = { level: 'restricted', kubernetesVersion: 'latest' };
const BASELINE: AnalysisOptions = { level: 'baseline', kubernetesVersion: 'latest' };
const sliced = new SlicedAnalyzer();

test('a second request for the same version and options waits for the running analysis', async () => {
  const document = TextDocument.create('file:///shared.yaml', 'yaml', 1, TEXT);
  const first = sliced.analyze(document, RESTRICTED, () => true);
  const second = sliced.analyze(document, RESTRICTED, () => true);
  assert.equal(second, first, 'the same promise');
  const result = await first;
  assert.equal(result?.result.findings.filter((f) => f.ruleId === 'pss-host-namespaces').length, 400);
  const third = sliced.analyze(document, RESTRICTED, () => true);
  assert.notEqual(third, first, 'once finished, a request analyzes again (incrementally)');
  assert.ok(await third);
  sliced.forget(document.uri);
});

test('a request with other options supersedes the running analysis', async () => {
  const document = TextDocument.create('file:///superseded.yaml', 'yaml', 1, TEXT);
  const restricted = sliced.analyze(document, RESTRICTED, () => true);
  const baseline = sliced.analyze(document, BASELINE, () => true);
  assert.notEqual(baseline, restricted);
  assert.equal(await restricted, undefined, 'the superseded analysis stops');
  const result = await baseline;
  assert.ok(result && !result.result.findings.some((f) => f.ruleId === 'pss-run-as-non-root'), 'baseline has no restricted checks');
  sliced.forget(document.uri);
});
