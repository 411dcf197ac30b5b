/**
 * Hover, quick fixes and fix-all act on the same findings the diagnostics show: a finding that the
 * `.kube-checklist.yaml` suppresses, a file it excludes, and a finding a Kustomize patch does not
 * set (only what a patch sets counts) are neither explained on hover nor fixed, through the real
 * protocol (the bundled server over stdio). Each finding is first shown to exist in the engine, so
 * the test cannot pass by the finding simply not being there.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, Diagnostic, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { analyzeSource, Finding, parseSourceFile, positionOf } from '../server/src/core';
import { TestLspClient } from './support/lsp-client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
`;

const PATCH = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          securityContext:
            privileged: true
`;

const CONFIG = `exclude:
  - generated/**
suppressions:
  - rule: pss-seccomp-restricted
    paths: [apps/*.yaml]
    reason: the nodes run a default seccomp profile
`;

const FILES: Record<string, string> = {
  '.kube-checklist.yaml': CONFIG,
  'apps/web.yaml': POD,
  'generated/web.yaml': POD,
  'overlay/kustomization.yaml': 'resources:\n  - ../base\npatchesStrategicMerge:\n  - privileged.yaml\n',
  'overlay/privileged.yaml': PATCH,
};

const SECCOMP = 'pss-seccomp-restricted';
let root: string;
let client: TestLspClient;

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-checked-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  client = new TestLspClient();
  await client.initialize('en');
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(path.join(root, name)).href;

/** The engine's seccomp finding of the text, which has a safe fix (fix-all would apply it). */
function seccompFinding(text: string): Finding {
  const finding = analyzeSource(parseSourceFile(text), { level: 'restricted', kubernetesVersion: 'latest' }).findings.find((candidate) => candidate.ruleId === SECCOMP);
  assert.ok(finding, 'the engine finds it');
  assert.ok(finding.fixes.some((fix) => fix.tier === 'fix'), 'and has a safe fix for it');
  return finding;
}

/** The diagnostic the server would publish for the finding, as a client that kept it would send it. */
function diagnosticOf(text: string, finding: Finding): Diagnostic {
  const source = parseSourceFile(text);
  return {
    range: { start: positionOf(source, finding.start), end: positionOf(source, finding.end) },
    code: finding.ruleId,
    source: 'kube-checklist',
    message: finding.ruleId,
    data: { ruleId: finding.ruleId, messageId: finding.messageId, path: finding.path },
  };
}

/** Hover, quick fixes and fix-all at the finding: none of them may act on it. */
async function assertNotActedOn(uri: string, text: string, finding: Finding): Promise<void> {
  const diagnostic = diagnosticOf(text, finding);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: diagnostic.range.start });
  const markdown = hover ? (hover.contents as MarkupContent).value : '';
  assert.doesNotMatch(markdown, new RegExp(SECCOMP), 'hover does not explain it');

  const quickFixes = ((await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) ?? []) as CodeAction[];
  assert.deepEqual(quickFixes.map((action) => action.title), [], 'no quick fix, ignore, disable or documentation action for it');

  const fixAll = ((await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.kubeChecklist'] },
  })) ?? []) as CodeAction[];
  const inserted = fixAll.flatMap((action) => action.edit?.changes?.[uri] ?? []).map((edit) => edit.newText).join('\n');
  assert.doesNotMatch(inserted, /seccompProfile|RuntimeDefault/, 'fix-all does not apply its fix');
}

test('a finding the configuration suppresses: no diagnostic, no hover, no quick fix, not in fix-all', async () => {
  const uri = uriOf('apps/web.yaml');
  const codes = (await client.open(uri, POD)).map((diagnostic) => diagnostic.code);
  assert.ok(!codes.includes(SECCOMP), codes.join(', '));
  assert.ok(codes.includes('pss-run-as-non-root'), 'the other findings stay');
  await assertNotActedOn(uri, POD, seccompFinding(POD));
});

test('a file the configuration excludes: no diagnostics, and nothing of its findings on hover, in quick fixes or fix-all', async () => {
  const uri = uriOf('generated/web.yaml');
  assert.deepEqual(await client.open(uri, POD), []);
  await assertNotActedOn(uri, POD, seccompFinding(POD));
});

test('a Kustomize patch: a finding of what it leaves to the base is neither shown, explained nor fixed', async () => {
  const uri = uriOf('overlay/privileged.yaml');
  assert.deepEqual((await client.open(uri, PATCH)).map((diagnostic) => diagnostic.code), ['pss-privileged']);
  const quiet = seccompFinding(PATCH);
  assert.equal(quiet.exact, false, 'a finding of a field the patch does not set');
  await assertNotActedOn(uri, PATCH, quiet);
});
