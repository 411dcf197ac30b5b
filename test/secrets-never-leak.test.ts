/**
 * Secrets never leak: credentials planted in ConfigMaps, literal env values, Secrets (data and
 * stringData), a kubeconfig and annotations must appear in no output at all: diagnostics and their
 * related messages, hovers over every finding and over the secret values themselves, code action
 * titles, the audit result and its exports, the report view's HTML, the server's log and stderr,
 * and every CLI format with its warnings.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, Diagnostic, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol';
import { TestLspClient } from './support/lsp-client';
import { REPORT_STRINGS } from './support/report-strings';
import { runCli } from './support/run-cli';

const SECRETS = [
  'Planted-ConfigMap-Pa55word-7f3a',
  'AKIAPLANTEDKEY7EXAMPLE',
  'Planted-StringData-Token-99c1',
  'Planted-Env-Literal-Secret-42aa',
  'ghp_PlantedAnnotationTokenABCDEFGHIJKLMNOP12',
  'Planted-Kubeconfig-Bearer-0d0d',
];
const SECRET_DATA = Buffer.from('Planted-Secret-Data-Value-5e5e').toString('base64');
const PRIVATE_KEY_BODY = 'MIIEowIBAAKCAQEAplantedkeymaterial0123456789abcdefPLANTED';
const NEEDLES = [...SECRETS, SECRET_DATA, 'Planted-Secret-Data-Value-5e5e', PRIVATE_KEY_BODY];

const FILES: Record<string, string> = {
  'config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
  namespace: shop
  annotations:
    example.com/deploy-token: ${SECRETS[4]}
data:
  DB_PASSWORD: ${SECRETS[0]}
  AWS_ACCESS_KEY_ID: ${SECRETS[1]}
  tls.key: |
    -----BEGIN RSA PRIVATE KEY-----
    ${PRIVATE_KEY_BODY}
    -----END RSA PRIVATE KEY-----
`,
  'secret.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: app-secret
  namespace: shop
type: Opaque
data:
  password: ${SECRET_DATA}
stringData:
  api-token: ${SECRETS[2]}
`,
  'deploy.yaml': `apiVersion: apps/v1
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
          image: registry.example.com/web:2.1
          env:
            - name: API_SECRET
              value: ${SECRETS[3]}
            - name: DB_PASSWORD
              valueFrom: {secretKeyRef: {name: app-secret, key: password}}
`,
  'kubeconfig.yaml': `apiVersion: v1
kind: Config
clusters:
  - name: prod
    cluster: {server: https://10.0.0.1:6443, insecure-skip-tls-verify: true}
users:
  - name: admin
    user:
      token: ${SECRETS[5]}
contexts:
  - name: prod
    context: {cluster: prod, user: admin}
current-context: prod
`,
};

function assertClean(what: string, output: string): void {
  for (const needle of NEEDLES) assert.ok(!output.includes(needle), `${what} contains a planted secret (${needle.slice(0, 6)}…)`);
}

let root: string;
let client: TestLspClient;
const logs: string[] = [];

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-secrets-'));
  for (const [name, text] of Object.entries(FILES)) fs.writeFileSync(path.join(root, name), text);
  client = new TestLspClient();
  client.settings = { trace: { server: 'verbose' } };
  for (const method of ['window/logMessage', 'window/showMessage', '$/logTrace', 'telemetry/event']) {
    client.connection.onNotification(method, (params: unknown) => {
      logs.push(JSON.stringify(params));
    });
  }
  await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'secrets' }] });
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

test('the planted files do produce credential findings (so silence below means redaction, not blindness)', () => {
  const run = runCli(['audit', '--format', 'json', '.'], { cwd: root });
  const rules = new Set((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((finding) => finding.ruleId));
  for (const rule of ['configmap-credentials', 'env-literal-credentials', 'secret-literal-data']) assert.ok(rules.has(rule), `${rule} fires: ${[...rules].join(', ')}`);
});

test('no CLI format, warning or scorecard shows a planted secret, in either language', () => {
  for (const lang of ['en', 'zh-cn']) {
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const run = runCli(['audit', '--format', format, '--lang', lang, '--show-suppressed', '.'], { cwd: root });
      assertClean(`CLI ${format} (${lang}) stdout`, run.stdout);
      assertClean(`CLI ${format} (${lang}) stderr`, run.stderr);
    }
  }
});

test('no diagnostic, related message, hover or code action title shows a planted secret', async () => {
  for (const [name, text] of Object.entries(FILES)) {
    const uri = pathToFileURL(path.join(root, name)).href;
    const diagnostics: Diagnostic[] = await client.open(uri, text);
    assertClean(`diagnostics of ${name}`, JSON.stringify(diagnostics));
    const lines = text.split('\n');
    const positions = [
      ...diagnostics.map((diagnostic) => diagnostic.range.start),
      ...lines.flatMap((line, index) => (NEEDLES.some((needle) => line.includes(needle)) ? [{ line: index, character: line.length - 3 }] : [])),
    ];
    for (const position of positions) {
      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
      assertClean(`hover in ${name}`, hover ? (hover.contents as MarkupContent).value : '');
    }
    for (const diagnostic of diagnostics) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      assertClean(`code action titles in ${name}`, actions.map((action) => action.title).join('\n'));
    }
  }
});

test('the audit result, its exports and the report view HTML show no planted secret; nor does the server log', async () => {
  const result = await client.connection.sendRequest('kubeChecklist/auditWorkspace', {});
  assertClean('audit result', JSON.stringify(result));
  for (const format of ['json', 'sarif', 'markdown']) {
    const exported = (await client.connection.sendRequest('kubeChecklist/exportAuditReport', { format })) as { content: string };
    assertClean(`export ${format}`, exported.content);
  }
  const report = require(path.join(__dirname, '..', 'client', 'report-html.js')) as { renderReportHtml(result: unknown, options: { nonce: string; strings: unknown }): string };
  assertClean('report view', report.renderReportHtml(result, { nonce: 'n0nce', strings: REPORT_STRINGS }));
  assertClean('server log notifications', logs.join('\n'));
  assertClean('server stderr', client.stderr);
});
