/**
 * Hover, code actions (quick fixes, fix-all, ignore, disable, documentation) and suppression through
 * the real protocol: the bundled server driven over stdio by a real LSP client.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  Diagnostic,
  ExecuteCommandRequest,
  HoverRequest,
  MarkupContent,
  ShowDocumentRequest,
  ShowDocumentParams,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { rangeOf, TestLspClient } from './support/lsp-client';

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
const shownDocuments: ShowDocumentParams[] = [];

before(async () => {
  client = new TestLspClient();
  client.connection.onRequest(ShowDocumentRequest.type, (params) => {
    shownDocuments.push(params);
    return { success: true };
  });
  await client.initialize('en');
});

after(async () => {
  await client.shutdown();
});

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'yaml', 1, text), edits);
}

async function actionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const result = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, only } });
  return (result ?? []) as CodeAction[];
}

test('hover on a finding explains the rule, the checklist item and the fix; hover on a plain field explains it', async () => {
  const uri = 'file:///hover.yaml';
  await client.open(uri, POD);
  const onFinding = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'true').start });
  const markdown = (onFinding!.contents as MarkupContent).value;
  assert.match(markdown, /\*\*Privileged containers\*\* · `pss-privileged`/);
  assert.match(markdown, /container "app" must not set securityContext\.privileged=true/);
  assert.match(markdown, /Why it matters/);
  assert.match(markdown, /security-checklist\/#pod-security/);
  assert.match(markdown, /Pod Security Standards: baseline, from v1\.0/);
  assert.match(markdown, /docs\/rules\.md#pss-privileged/);
  assert.deepEqual(onFinding!.range, rangeOf(POD, 'true'));

  const onImage = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'image').start });
  assert.match((onImage!.contents as MarkupContent).value, /sha256/);
  const onName = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'kind').start });
  assert.equal(onName, null);
});

test('quick fixes: listed per diagnostic, found by code and data; applying one removes the finding', async () => {
  const uri = 'file:///actions.yaml';
  const diagnostics = await client.open(uri, POD);
  const privileged = diagnostics.filter((d) => d.code === 'pss-privileged');
  const actions = await actionsFor(uri, privileged, ['quickfix']);
  const titles = actions.map((action) => action.title);
  assert.ok(titles.includes('Set securityContext.privileged to false'), titles.join(' | '));
  const combined = actions.find((action) => action.title.startsWith('Make "web" meet the restricted Pod Security Standard'));
  assert.ok(combined, titles.join(' | '));
  assert.match(combined.title, /Set securityContext\.privileged to false/, 'the combined fix names what it changes');
  assert.notEqual(combined.isPreferred, true, 'a combined fix is never preferred');
  assert.equal(actions[0].title, 'Set securityContext.privileged to false', 'the first quick fix is the fix, not Ignore');
  assert.ok(titles.includes('Ignore pss-privileged for this resource (annotation)'));
  assert.ok(titles.includes('Disable pss-privileged for this line (comment)'));
  assert.ok(titles.includes('Show documentation for pss-privileged'));

  const setFalse = actions.find((action) => action.title.startsWith('Set securityContext.privileged'))!;
  const fixed = apply(POD, setFalse.edit!.changes![uri]);
  assert.equal(fixed, POD.replace('privileged: true', 'privileged: false'));
  const after = await client.change(uri, 2, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }, fixed);
  assert.ok(!after.some((d) => d.code === 'pss-privileged'));

  // A stale diagnostic (its finding no longer exists) yields no edit.
  const stale = await actionsFor(uri, privileged, ['quickfix']);
  assert.deepEqual(stale.filter((action) => action.edit), []);
});

const NODE_AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  selector:
    matchLabels: {app: node-exporter}
  template:
    metadata:
      labels: {app: node-exporter}
    spec:
      hostNetwork: true
      hostPID: true
      containers:
        - name: exporter
          image: quay.io/prometheus/node-exporter:v1.8.2
          ports:
            - containerPort: 9100
              hostPort: 9100
          volumeMounts:
            - {name: root, mountPath: /host/root, readOnly: true}
      volumes:
        - name: root
          hostPath: {path: /}
`;

test('the combined Pod Security fix of a node agent says it changes how it runs and what is left to change by hand', async () => {
  const uri = 'file:///node-agent.yaml';
  const diagnostics = await client.open(uri, NODE_AGENT);
  const hostNamespaces = diagnostics.filter((d) => d.code === 'pss-host-namespaces');
  assert.ok(hostNamespaces.length > 0, diagnostics.map((d) => d.code).join(','));
  const actions = await actionsFor(uri, hostNamespaces.slice(0, 1), ['quickfix']);
  const combined = actions.find((action) => /Pod Security Standard/.test(action.title));
  assert.ok(combined, actions.map((action) => action.title).join(' | '));
  assert.match(combined.title, /^Partly fix "node-exporter" for the restricted Pod Security Standard: Remove host.*; still to change by hand: .*pss-restricted-volumes/);
  assert.notEqual(combined.isPreferred, true);
  assert.notEqual(actions[0].title.startsWith('Ignore'), true, 'Ignore is not the first quick fix');
});

test('quick fixes for a client that drops `data`: the rule id and the exact range find the finding', async () => {
  const uri = 'file:///no-data.yaml';
  const diagnostics = await client.open(uri, POD);
  const privileged = diagnostics.filter((d) => d.code === 'pss-privileged').map(({ data: _data, ...rest }) => rest);
  const titles = (await actionsFor(uri, privileged, ['quickfix'])).filter((action) => action.edit).map((action) => action.title);
  assert.ok(titles.includes('Set securityContext.privileged to false'), titles.join(' | '));
  const moved = privileged.map((d) => ({ ...d, range: { start: d.range.start, end: { ...d.range.end, character: d.range.end.character - 1 } } }));
  assert.deepEqual((await actionsFor(uri, moved, ['quickfix'])).filter((action) => action.edit), [], 'another range matches no finding');
});

test('make this workload meet restricted: one edit that clears every Pod Security finding', async () => {
  const uri = 'file:///restricted.yaml';
  const diagnostics = await client.open(uri, POD);
  const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'pss-privileged'), ['quickfix']);
  const restricted = actions.find((action) => action.title.startsWith('Make "web"'))!;
  const fixed = apply(POD, restricted.edit!.changes![uri]);
  assert.match(fixed, /# the app/, 'comments kept');
  const remaining = await client.change(uri, 2, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }, fixed);
  assert.deepEqual(remaining.map((d) => d.code).filter((code) => String(code).startsWith('pss-')), []);
});

test('fix-all: source.fixAll.kubeChecklist applies only safe fixes', async () => {
  const uri = 'file:///fixall.yaml';
  await client.open(uri, POD);
  const actions = await actionsFor(uri, [], ['source.fixAll.kubeChecklist']);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].kind, 'source.fixAll.kubeChecklist');
  const fixed = apply(POD, actions[0].edit!.changes![uri]);
  assert.match(fixed, /allowPrivilegeEscalation: false/);
  assert.match(fixed, /type: RuntimeDefault/);
  assert.match(fixed, /privileged: true/, 'a suggestion is not applied by fix-all');
});

test('suppression: a disable-next-line comment with a reason hides the finding; without a reason it is reported', async () => {
  const uri = 'file:///suppressed.yaml';
  const diagnostics = await client.open(uri, POD);
  const actions = await actionsFor(uri, diagnostics.filter((d) => d.code === 'pss-privileged'), ['quickfix']);
  const disable = actions.find((action) => action.title.startsWith('Disable pss-privileged'))!;
  const withComment = apply(POD, disable.edit!.changes![uri]);
  assert.match(withComment, /\n {8}# kube-checklist-disable-next-line pss-privileged -- TODO: say why this is acceptable\n {8}privileged: true/);
  let now = await client.change(uri, 2, { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } }, withComment);
  assert.ok(!now.some((d) => d.code === 'pss-privileged'));

  const noReason = withComment.replace(' -- TODO: say why this is acceptable', '');
  now = await client.change(uri, 3, { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } }, noReason);
  assert.ok(now.some((d) => d.code === 'pss-privileged'), 'a suppression without a reason does not apply');
  const problem = now.find((d) => d.code === 'kube-checklist-directive')!;
  assert.match(String(problem.message), /no reason/);
  assert.equal(problem.range.start.line, 9);

  const ignore = (await actionsFor(uri, now.filter((d) => d.code === 'pss-privileged'), ['quickfix'])).find((a) => a.title.startsWith('Ignore'))!;
  const annotated = apply(noReason, ignore.edit!.changes![uri]);
  assert.match(annotated, /annotations:\n {4}kube-checklist\.io\/ignore: pss-privileged\n {4}kube-checklist\.io\/ignore-reason: "TODO: say why this is acceptable"/);
  now = await client.change(uri, 4, { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } }, annotated);
  assert.ok(!now.some((d) => d.code === 'pss-privileged'));
});

test('show documentation: the server asks the client to open the rule page', async () => {
  await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'kube-checklist.showRuleDocs', arguments: ['pss-host-ports'] });
  assert.equal(shownDocuments.length, 1);
  assert.match(shownDocuments[0].uri, /docs\/rules\.md#pss-host-ports$/);
  assert.equal(shownDocuments[0].external, true);
});

test('hardening without a finding: a read-only root filesystem for the container under the cursor, and the namespace policy file only for clients that create files', async () => {
  const uri = 'file:///hardening.yaml';
  await client.open(uri, POD);
  const at = rangeOf(POD, 'image');
  const result = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: at,
    context: { diagnostics: [], only: [CodeActionKind.RefactorRewrite] },
  })) as CodeAction[];
  assert.deepEqual(result.map((action) => action.title), ['Harden: make the root filesystem of container "app" read-only']);
  const hardened = apply(POD, result[0].edit!.changes![uri]);
  assert.match(hardened, /securityContext:\n( +)privileged: true\n\1readOnlyRootFilesystem: true\n/);
  assert.equal(apply(POD, result[0].edit!.changes![uri]).replace(/\n *readOnlyRootFilesystem: true/, ''), POD, 'nothing else changes');

  const outside = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: rangeOf(POD, 'kind'),
    context: { diagnostics: [], only: [CodeActionKind.RefactorRewrite] },
  })) as CodeAction[];
  assert.deepEqual(outside, [], 'not outside a container');

  const namespaced = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${POD.replace('metadata:\n', 'metadata:\n  namespace: shop\n')}`;
  const nsUri = 'file:///namespaced.yaml';
  const diagnostics = await client.open(nsUri, namespaced);
  const missing = diagnostics.filter((diagnostic) => diagnostic.code === 'network-policy-default-deny');
  assert.equal(missing.length, 1, diagnostics.map((diagnostic) => diagnostic.code).join(', '));
  const actions = await actionsFor(nsUri, missing, [CodeActionKind.QuickFix]);
  assert.ok(actions.length > 0);
  assert.ok(!actions.some((action) => action.edit?.documentChanges), 'this client did not declare resourceOperations: create');
});
