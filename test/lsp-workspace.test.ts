/**
 * The workspace index and the audit through a real LSP client over stdio, on a temporary workspace
 * folder: background indexing with server-created work-done progress, the registration of file
 * watchers, `files.exclude` and `.gitignore`, oversized and binary files skipped, the audit request
 * (kubeChecklist/auditWorkspace) with client-initiated progress and its counts, diagnostics (with
 * relatedInformation into other files) for files that were never opened, workspace findings in an
 * open file and the liveInEditor setting, files changed on disk (didChangeWatchedFiles, and a change
 * seen by mtime and size alone), the export request, and a cancelled audit.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionKind,
  CodeActionRequest,
  CreateFile,
  TextDocumentEdit,
  TextEdit,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  PublishDiagnosticsParams,
  ResponseError,
  WorkDoneProgressBegin,
  WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { CHECKLIST_ITEMS, CHECKLIST_SECTIONS } from '../server/src/core';
import { TestLspClient } from './support/lsp-client';
import { SHOP_WEB, shopNamespace } from './support/shop-manifests';

interface AuditResult {
  version: number;
  stats: { files: number; manifests: number; resources: number; findings: number; read: number; skipped: { tooLarge: number; binary: number; unreadable: number } };
  findings: { id: number; uri: string; path: string; ruleId: string; message: string; related: { uri: string; message: string }[] }[];
  checklist: { id: string; items: { id: string; status: string; findings: number; findingIds: number[]; guidance: string | null }[] }[];
  skippedFiles: { path: string; reason: string }[];
  exportFormats: string[];
}

const AUDIT = 'kubeChecklist/auditWorkspace';
const EXPORT = 'kubeChecklist/exportAuditReport';
const BULK_FILES = 400;

let root: string;
let client: TestLspClient;
const uriOf = (relative: string) => pathToFileURL(path.join(root, relative)).href;
const write = (relative: string, text: string | Buffer) => {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
};

const NAMESPACE = shopNamespace('baseline');

const WEB_INGRESS = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-ingress
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: web}
  ingress:
    - ports: [{port: 8080}]
`;

const DENY_ALL = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

function bulkFile(i: number): string {
  return Array.from({ length: 3 }, (_, j) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}-${j}
  namespace: bulk
spec:
  selector:
    matchLabels: {app: app-${i}-${j}}
  template:
    metadata:
      labels: {app: app-${i}-${j}}
    spec:
      containers:
        - name: app
          image: registry.example.com/app:${i}.${j}
`).join('---\n');
}

function audit(token: string, cancellation?: CancellationTokenSource): Promise<AuditResult> {
  const params = { workDoneToken: token };
  return (cancellation ? client.connection.sendRequest(AUDIT, params, cancellation.token) : client.connection.sendRequest(AUDIT, params)) as Promise<AuditResult>;
}


before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-ws-'));
  write('ns.yaml', NAMESPACE);
  write('deploy/web.yaml', SHOP_WEB);
  write('.gitignore', '# build output\nignored/\n*.tmp.yaml\n!keep.tmp.yaml\n');
  write('ignored/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: bad, namespace: shop}\nspec: {containers: [{name: a, image: x, securityContext: {privileged: true}}]}\n');
  write('scratch.tmp.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: scratch, namespace: shop}\nspec: {hostIPC: true, containers: [{name: a, image: x}]}\n');
  write('excluded-pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: excluded, namespace: shop}\nspec: {hostNetwork: true, containers: [{name: a, image: x}]}\n');
  write('node_modules/pkg/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: dependency}\nspec: {hostNetwork: true, containers: [{name: a, image: x}]}\n');
  write('big.yaml', `# ${'x'.repeat(5 * 1024 * 1024 + 10)}\n`);
  write('blob.yaml', Buffer.from([0x61, 0x70, 0x69, 0x00, 0x01, 0x02, 0x00, 0xff]));
  write('docs/readme.md', '# not a manifest\n');
  write('compose.yaml', 'services:\n  web:\n    image: nginx\n');
  for (let i = 0; i < BULK_FILES; i++) write(`bulk/app-${String(i).padStart(3, '0')}.yaml`, bulkFile(i));

  client = new TestLspClient();
  client.filesSettings = { exclude: { '**/excluded-*.yaml': true, '**/.git': true } };
  await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'shop-repo' }] });
});

after(async () => {
  const code = await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
  assert.equal(code, 0, `server exit code (stderr: ${client.stderr})`);
});

test('the workspace is indexed in the background with work-done progress, and file watchers are registered', async () => {
  const deadline = Date.now() + 20000;
  while (client.createdProgress.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(client.createdProgress.length, 1, 'the server created one progress token (window/workDoneProgress/create)');
  const token = client.createdProgress[0];
  const begin = (await client.nextProgress(token, 'begin')) as WorkDoneProgressBegin;
  assert.match(begin.title, /indexing/i);
  await client.nextProgress(token, 'end', 60000);
  const reports = (client.progress.get(token) ?? []).filter((value) => value.kind === 'report') as WorkDoneProgressReport[];
  assert.ok(reports.some((report) => /\d+\/\d+ files/.test(report.message ?? '')), 'reports count files');

  const watchers = client.registrations.flatMap((params) => params.registrations).filter((registration) => registration.method === DidChangeWatchedFilesNotification.method);
  assert.equal(watchers.length, 1);
  const globs = (watchers[0].registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern);
  assert.ok(globs.includes('**/*.{yaml,yml,json}'), globs.join(', '));
});

let first: AuditResult;

test('the audit reports progress with counts, covers every file, and answers with findings and the checklist', async () => {
  first = await audit('audit-1');
  const progress = client.progress.get('audit-1') ?? [];
  assert.equal(progress[0].kind, 'begin');
  assert.equal((progress[0] as WorkDoneProgressBegin).cancellable, true);
  assert.equal(progress.at(-1)!.kind, 'end');
  assert.ok(
    progress.some((value) => value.kind === 'report' && /Checked \d+ of \d+ files \(\d+ resources, \d+ findings\)/.test(value.message ?? '')),
    JSON.stringify(progress.map((value) => (value as WorkDoneProgressReport).message)),
  );

  assert.equal(first.version, 1);
  assert.equal(first.stats.manifests, 2 + BULK_FILES, 'ns.yaml, deploy/web.yaml and the bulk files hold resources');
  assert.equal(first.stats.resources, 2 + BULK_FILES * 3);
  assert.equal(first.stats.read, 0, 'everything was indexed already and nothing changed');
  assert.deepEqual(first.stats.skipped, { tooLarge: 1, binary: 1, unreadable: 0 });
  assert.deepEqual(first.skippedFiles.map((file) => `${file.path} ${file.reason}`).sort(), ['big.yaml too-large', 'blob.yaml binary']);

  const paths = new Set(first.findings.map((finding) => finding.path));
  for (const left of ['ignored/bad.yaml', 'scratch.tmp.yaml', 'excluded-pod.yaml', 'node_modules/pkg/pod.yaml', 'compose.yaml']) {
    assert.ok(!paths.has(left), `${left} must not be audited`);
  }
  const web = first.findings.filter((finding) => finding.path === 'deploy/web.yaml').map((finding) => finding.ruleId);
  assert.ok(web.includes('psa-namespace-enforce-violation'), web.join(', '));
  assert.ok(web.includes('pss-host-namespaces'));
  assert.ok(first.findings.some((finding) => finding.path === 'ns.yaml' && finding.ruleId === 'network-policy-default-deny'));

  assert.deepEqual(first.checklist.map((section) => section.id), CHECKLIST_SECTIONS.map((section) => section.id));
  const items = first.checklist.flatMap((section) => section.items);
  assert.deepEqual(items.map((item) => item.id).sort(), CHECKLIST_ITEMS.map((item) => item.id).sort(), 'every checklist item exactly once');
  const defaultDeny = items.find((item) => item.id === 'network/default-deny')!;
  assert.equal(defaultDeny.status, 'fail');
  assert.ok(defaultDeny.findingIds.every((id) => first.findings[id].ruleId.startsWith('network-policy-default-deny')));
  const manual = items.find((item) => item.id === 'images/scanning')!;
  assert.equal(manual.status, 'manual');
  assert.ok(manual.guidance && manual.guidance.length > 20, 'manual items carry guidance');
  assert.ok(first.exportFormats.includes('json'));
});

test('diagnostics are published for files that were never opened, with related places in other files', () => {
  const web = client.latest.get(uriOf('deploy/web.yaml'));
  assert.ok(web, 'diagnostics for deploy/web.yaml');
  const enforce = web.diagnostics.find((diagnostic) => diagnostic.code === 'psa-namespace-enforce-violation')!;
  assert.ok(enforce, web.diagnostics.map((diagnostic) => diagnostic.code).join(', '));
  assert.match(String(enforce.message), /Namespace "shop" enforces Pod Security "baseline"/);
  assert.equal(enforce.range.start.line, 12, 'on hostPID');
  const label = enforce.relatedInformation?.find((information) => information.location.uri === uriOf('ns.yaml'));
  assert.ok(label, 'relatedInformation points at the namespace label');
  assert.equal(label.location.range.start.line, 5);
  assert.ok(client.latest.get(uriOf(`bulk/app-000.yaml`))?.diagnostics.length, 'bulk files too');
  assert.equal(client.latest.get(uriOf('ignored/bad.yaml')), undefined);
});

test('an open file shows workspace findings while editing, unless workspaceRules.liveInEditor is off', async () => {
  const uri = uriOf('deploy/web.yaml');
  const opened = await client.open(uri, SHOP_WEB);
  const codes = opened.map((diagnostic) => diagnostic.code);
  assert.ok(codes.includes('psa-namespace-enforce-violation'), codes.join(', '));
  const off = await client.changeSettings({ workspaceRules: { liveInEditor: false } }, uri);
  assert.ok(!off.some((diagnostic) => diagnostic.code === 'psa-namespace-enforce-violation'), 'only in the audit');
  assert.ok(off.some((diagnostic) => diagnostic.code === 'pss-host-namespaces'), 'resource rules stay');
  const on = await client.changeSettings({}, uri);
  assert.ok(on.some((diagnostic) => diagnostic.code === 'psa-namespace-enforce-violation'));
});

test('a file created on disk (didChangeWatchedFiles) updates the index and the open file', async () => {
  const uri = uriOf('deploy/web.yaml');
  assert.ok(!client.latest.get(uri)!.diagnostics.some((diagnostic) => diagnostic.code === 'network-policy-workload-coverage'), 'no policy yet: the finding sits on the namespace');
  write('policies/web-ingress.yaml', WEB_INGRESS);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('policies/web-ingress.yaml'), type: FileChangeType.Created }] });
  const updated = await client.diagnosticsUntil(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'network-policy-workload-coverage'));
  const coverage = updated.diagnostics.find((diagnostic) => diagnostic.code === 'network-policy-workload-coverage')!;
  assert.match(String(coverage.message), /isolate ingress only/);
  assert.equal(coverage.relatedInformation?.[0].location.uri, uriOf('policies/web-ingress.yaml'));

  const second = await audit('audit-2');
  assert.equal(second.stats.read, 0, 'the watcher already read the new file; nothing else changed');
  assert.equal(second.stats.manifests, 3 + BULK_FILES);
});

test('a namespace without default deny offers a new NetworkPolicy file beside its manifest, never overwriting one', async () => {
  const uri = uriOf('ns.yaml');
  const diagnostics = await client.open(uri, NAMESPACE);
  const missing = diagnostics.find((diagnostic) => diagnostic.code === 'network-policy-default-deny');
  assert.ok(missing, diagnostics.map((diagnostic) => diagnostic.code).join(', '));
  const createAction = async (): Promise<{ title: string; uri: string; text: string }> => {
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: missing.range,
      context: { diagnostics: [missing], only: [CodeActionKind.QuickFix] },
    })) as CodeAction[];
    const action = actions.find((candidate) => candidate.edit?.documentChanges?.some((change) => 'kind' in change && change.kind === 'create'));
    assert.ok(action, actions.map((candidate) => candidate.title).join(' | '));
    const [create, write] = action.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
    assert.equal(create.options?.overwrite, false);
    assert.equal(write.textDocument.uri, create.uri);
    return { title: action.title, uri: create.uri, text: (write.edits[0] as TextEdit).newText };
  };
  const first = await createAction();
  assert.equal(first.uri, uriOf('shop-default-deny.yaml'));
  assert.match(first.title, /default-deny NetworkPolicy for namespace "shop".*shop-default-deny\.yaml/);
  assert.equal(first.text, 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes:\n    - Ingress\n    - Egress\n');
  write('shop-default-deny.yaml', '# taken\n');
  try {
    assert.equal((await createAction()).uri, uriOf('shop-default-deny-2.yaml'), 'an existing file is never overwritten');
  } finally {
    fs.rmSync(path.join(root, 'shop-default-deny.yaml'));
  }
  await client.close(uri);
});

test('a file changed without an event is read by the next audit (mtime and size), the others are not', async () => {
  write('policies/default-deny.yaml', DENY_ALL);
  const third = await audit('audit-3');
  assert.equal(third.stats.read, 1, 'only the new file is read');
  assert.ok(!third.findings.some((finding) => finding.ruleId === 'network-policy-default-deny' && finding.path === 'ns.yaml'));
  assert.equal(
    client.latest.get(uriOf('ns.yaml'))?.diagnostics.some((diagnostic) => diagnostic.code === 'network-policy-default-deny'),
    false,
    'the finding of the previous audit is cleared',
  );
});

test('a deleted file leaves the index and loses its diagnostics', async () => {
  const uri = uriOf('bulk/app-399.yaml');
  assert.ok(client.latest.get(uri)?.diagnostics.length);
  fs.rmSync(path.join(root, 'bulk', 'app-399.yaml'));
  const cleared = client.nextDiagnostics(uri);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
  assert.deepEqual((await cleared).diagnostics, []);
  const after = await audit('audit-4');
  assert.equal(after.stats.manifests, 3 + BULK_FILES);
  assert.ok(!after.findings.some((finding) => finding.path === 'bulk/app-399.yaml'));
});

test('the last audit exports as the CLI formats', async () => {
  const json = (await client.connection.sendRequest(EXPORT, { format: 'json' })) as { fileName: string; content: string };
  assert.equal(json.fileName, 'kube-checklist-audit.json');
  const report = JSON.parse(json.content) as { version: number; findings: { file: string }[]; scorecard: unknown[] };
  assert.equal(report.version, 1);
  assert.equal(report.scorecard.length, CHECKLIST_ITEMS.length);
  assert.ok(report.findings.some((finding) => finding.file === 'deploy/web.yaml'));
  await assert.rejects(client.connection.sendRequest(EXPORT, { format: 'pdf' }));
});

test('an audit can be cancelled: the request fails with RequestCancelled and nothing is published', async () => {
  const before = client.latest.get(uriOf('bulk/app-398.yaml'));
  const cancellation = new CancellationTokenSource();
  const pending = audit('audit-cancel', cancellation);
  await client.nextProgress('audit-cancel', 'begin');
  cancellation.cancel();
  await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  await client.nextProgress('audit-cancel', 'end');
  assert.equal(client.latest.get(uriOf('bulk/app-398.yaml')), before, 'the diagnostics of the previous audit stay');
  // The server still works.
  const again = await audit('audit-after-cancel');
  assert.equal(again.stats.manifests, 3 + BULK_FILES);
});
