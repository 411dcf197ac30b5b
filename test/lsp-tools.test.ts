/**
 * The requests behind the editor's language model tools (kubeChecklist/checkDocument, fixDocument,
 * explainRule) through the real protocol: the bundled server driven over stdio by a real LSP
 * client. They must agree with what the same server shows as diagnostics, fix-all and docs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionRequest, ResponseError, TextEdit } from 'vscode-languageserver-protocol/node';
import type { CheckDocumentResult, ExplainRuleResult, FixDocumentResult } from '../server/src/protocol/tool-types';
import { CHECK_DOCUMENT_METHOD, EXPLAIN_RULE_METHOD, FIX_DOCUMENT_METHOD } from '../server/src/protocol/tool-types';
import { TestLspClient } from './support/lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app # the app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

let client: TestLspClient;
let chinese: TestLspClient;

before(async () => {
  client = new TestLspClient();
  chinese = new TestLspClient();
  await Promise.all([client.initialize('en'), chinese.initialize('zh-cn')]);
});

after(async () => {
  await Promise.all([client.shutdown(), chinese.shutdown()]);
});

const check = (params: unknown, on = client) => on.connection.sendRequest<CheckDocumentResult>(CHECK_DOCUMENT_METHOD, params);
const fix = (params: unknown, on = client) => on.connection.sendRequest<FixDocumentResult>(FIX_DOCUMENT_METHOD, params);
const explain = (params: unknown, on = client) => on.connection.sendRequest<ExplainRuleResult>(EXPLAIN_RULE_METHOD, params);

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

test('check of an open document: exactly the findings its diagnostics show, at the same ranges', async () => {
  const uri = 'file:///tools/open.yaml';
  const diagnostics = await client.open(uri, POD);
  const result = await check({ uri });
  assert.equal(result.checked, true);
  assert.equal(result.uri, uri);
  const summary = (items: readonly { ruleId?: unknown; code?: unknown; range: unknown; message: unknown }[]) =>
    items.map((item) => JSON.stringify([item.ruleId ?? item.code, item.range, item.message])).sort();
  assert.ok(diagnostics.length > 3, 'the pod has several findings');
  assert.deepEqual(summary(result.findings), summary(diagnostics));
  const privileged = result.findings.find((finding) => finding.ruleId === 'pss-privileged')!;
  assert.deepEqual(privileged.resource, { kind: 'Pod', name: 'web', namespace: null });
  assert.ok(privileged.checklist.includes('pod-security/pss-enforced'));
  assert.match(privileged.docsUrl, /rules\.md#pss-privileged$/);
  assert.deepEqual(privileged.fixes.map((offered) => offered.tier), ['suggestion']);
});

test('check of a given text: without a URI the defaults apply; a text for an open URI is checked as that text', async () => {
  const loose = await check({ text: POD });
  assert.equal(loose.checked, true);
  assert.ok(loose.findings.some((finding) => finding.ruleId === 'pss-privileged'));
  const json = await check({ text: JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'j' }, spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx:1.27' }] } }), languageId: 'json' });
  assert.ok(json.findings.some((finding) => finding.ruleId === 'pss-host-namespaces'), json.findings.map((finding) => finding.ruleId).join(', '));

  const uri = 'file:///tools/other-text.yaml';
  await client.open(uri, POD);
  const fixedText = POD.replace('privileged: true', 'privileged: false');
  const other = await check({ uri, text: fixedText });
  assert.equal(other.checked, true);
  assert.ok(!other.findings.some((finding) => finding.ruleId === 'pss-privileged'), 'the given text, not the open one');
  const stillOpen = await check({ uri });
  assert.ok(stillOpen.findings.some((finding) => finding.ruleId === 'pss-privileged'), 'the open document is untouched');
});

test('check: not a manifest gives no findings; a closed document without text, a configuration file and a too-large text are not checked, with the reason', async () => {
  const workflow = await check({ text: 'name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n' });
  assert.deepEqual([workflow.checked, workflow.findings], [true, []]);
  assert.deepEqual(await check({ uri: 'file:///tools/never-opened.yaml' }), { uri: 'file:///tools/never-opened.yaml', checked: false, reason: 'not-open', findings: [], suppressed: 0 });
  assert.equal((await check({ uri: 'file:///tools/.kube-checklist.yaml', text: 'level: baseline\n' })).reason, 'configuration');
  const big = `${POD}#${'x'.repeat(6 * 1024 * 1024)}\n`;
  assert.equal((await check({ text: big })).reason, 'too-large');
});

test('fix: the edit is fix-all\'s own edit, the fixed text is that edit applied, and what remains is checked again', async () => {
  const uri = 'file:///tools/fix.yaml';
  await client.open(uri, POD);
  const result = await fix({ uri });
  const fixAll = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.kubeChecklist'] },
  })) as CodeAction[];
  const expected = apply(POD, fixAll[0].edit!.changes![uri]);
  assert.equal(result.text, expected);
  assert.equal(apply(POD, [result.edit!]), expected);
  assert.match(result.text!, /# the app/, 'comments kept');
  assert.ok(result.applied.length >= 2 && result.applied.every((applied) => applied.tier === 'fix'), JSON.stringify(result.applied));
  assert.ok(result.applied.some((applied) => applied.ruleId === 'pss-allow-privilege-escalation'));
  assert.ok(result.remaining.some((finding) => finding.ruleId === 'pss-privileged'), 'a suggestion is not applied by default');
  assert.ok(!result.remaining.some((finding) => finding.ruleId === 'pss-allow-privilege-escalation'));
  const unchanged = await check({ uri });
  assert.ok(unchanged.findings.some((finding) => finding.ruleId === 'pss-allow-privilege-escalation'), 'the request itself changes nothing');
});

test('fix: chosen rules only, with their suggestions; nothing to fix gives no edit', async () => {
  const result = await fix({ text: POD, ruleIds: ['pss-privileged'], includeSuggestions: true });
  assert.deepEqual(result.applied.map((applied) => [applied.ruleId, applied.tier]), [['pss-privileged', 'suggestion']]);
  assert.equal(result.text, POD.replace('privileged: true', 'privileged: false'));
  assert.ok(!result.remaining.some((finding) => finding.ruleId === 'pss-privileged'));
  assert.ok(result.remaining.some((finding) => finding.ruleId === 'pss-allow-privilege-escalation'), 'other rules untouched');
  const none = await fix({ text: POD, ruleIds: ['pss-privileged'] });
  assert.deepEqual([none.applied, none.edit, none.text], [[], null, null]);
});

test('explain: the rule\'s section of the rule reference, in the session\'s language; an unknown id lists the rules', async () => {
  const known = await explain({ ruleId: 'pss-privileged' });
  assert.equal(known.found, true);
  assert.match(known.markdown, /^## pss-privileged\n\n\*\*Privileged containers\*\*/);
  assert.match(known.markdown, /\*\*How to fix\*\*/);
  const zh = await explain({ ruleId: 'pss-privileged' }, chinese);
  assert.match(zh.markdown, /\*\*如何修复\*\*/);
  const unknown = await explain({ ruleId: 'pss-priviledged' });
  assert.equal(unknown.found, false);
  assert.match(unknown.markdown, /no rule "pss-priviledged".*pss-privileged/s);
  const findings = (await check({ text: POD }, chinese)).findings;
  assert.match(findings.find((finding) => finding.ruleId === 'pss-privileged')!.message, /容器/);
});

test('parameters of the wrong shape fail with InvalidParams, and the server keeps serving', async () => {
  for (const [method, params] of [
    [CHECK_DOCUMENT_METHOD, {}],
    [CHECK_DOCUMENT_METHOD, { uri: 42 }],
    [CHECK_DOCUMENT_METHOD, { text: ['a'] }],
    [CHECK_DOCUMENT_METHOD, { text: POD, languageId: 'toml' }],
    [FIX_DOCUMENT_METHOD, { text: POD, ruleIds: 'pss-privileged' }],
    [FIX_DOCUMENT_METHOD, { text: POD, includeSuggestions: 'yes' }],
    [EXPLAIN_RULE_METHOD, { ruleId: '' }],
    [EXPLAIN_RULE_METHOD, []],
  ] as const) {
    await assert.rejects(client.connection.sendRequest(method, params), (error: unknown) => {
      assert.ok(error instanceof ResponseError, String(error));
      assert.equal(error.code, -32602, `${method} ${JSON.stringify(params)}`);
      return true;
    });
  }
  assert.equal((await check({ text: POD })).checked, true);
});
