/**
 * Secrets never leak: credentials planted in ConfigMaps, literal env values, Secrets (data and
 * stringData), a kubeconfig, annotations, container command lines (flags, client password options,
 * scripts, URLs with tokens), cloud key files (a GCP service account, a Docker config, an Azure
 * connection string, an AWS secret key) and a JWT must appear in no output at all: diagnostics and their
 * related messages, hovers over every finding and over the secret values themselves, code action
 * titles, the audit result and its exports, the report view's HTML, the server's log and stderr,
 * and every CLI format (the CI formats gitlab, junit and github too) with its warnings, and
 * every MCP tool result.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionRequest, Diagnostic, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol';
import { AUDIT_FORMATS } from '../server/src/report/audit-format';
import { TestLspClient } from './support/lsp-client';
import { startMcp } from './support/mcp-client';
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
// Secrets in places that reach messages: URL userinfo with several `@`, query tokens, a probe host,
// and a quoted value the YAML parser rejects (its error message would quote what follows the escape).
const URL_SECRETS = ['Planted-Url', 'Pass-Part-b1b1', 'Pass-Tail-c2c2'];
const QUERY_SECRETS = ['Planted-Query-Token-d3d3', 'Planted-Query-Sig-e4e4', 'Planted-Query-Password-f5f5'];
const PROBE_SECRET = 'Planted-Probe-Host-Pass-a6a6';
// The parser's message echoes the characters after an invalid `\U` (8) or `\u` (4) escape.
const PARSE_SECRET = 'Zq9Parse7Secret-b7b7';
// The detectors of command lines, annotations and cloud key files.
const DOCKER_PASSWORD = 'Planted-Docker-Pw-8h8h';
const DETECTOR_SECRETS = [
  'Planted-Cmd-Flag-Pw-1a1a',
  'Planted-Mysql-Pw-2b2b',
  'Planted-Cmd-Token-3c3c',
  'Planted-Script-Pw-4d4d',
  'Planted-Bearer-5e5e5e',
  'glpat-PlantedGitlabTok6f6f',
  'eyJhbGciOiJIUzI1NiJ9.eyJQbGFudGVkIjoiand0In0.PlantedJwtSig7g7g',
  'PlantedGcpServiceAccountKeyMaterial0123456789abcdefghijklmnopqrstuvwxyzABCD',
  DOCKER_PASSWORD,
  Buffer.from(`robot:${DOCKER_PASSWORD}`).toString('base64'),
  'PlantedAzureStorageKey' + 'Q'.repeat(64) + '==',
  'Planted/AwsSecretKey+9i9iZZZZZZZZZZZZZZZZ',
  'Planted-Annotation-Pw-0j0j',
];
const NEEDLES = [...SECRETS, ...DETECTOR_SECRETS, SECRET_DATA, 'Planted-Secret-Data-Value-5e5e', PRIVATE_KEY_BODY, ...URL_SECRETS, ...QUERY_SECRETS, PROBE_SECRET, PARSE_SECRET.slice(0, 4)];

/** A Deployment whose probe sets `httpGet.host` (reported with its value) and whose env holds the same text. */
function probeDeployment(name: string, host: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: ${name}
          image: registry.example.com/${name}:1.0
          env:
            - name: SOURCE_URL
              value: ${host}
          livenessProbe:
            httpGet:
              host: ${host}
              port: 80
`;
}

/** Each new case alone: its file and the substrings that must never show. */
const CASES: Record<string, { files: string[]; needles: string[] }> = {
  'URL userinfo with several @': { files: ['urls.yaml'], needles: URL_SECRETS },
  'query tokens': { files: ['query.yaml'], needles: QUERY_SECRETS },
  'a probe httpGet.host': { files: ['probe-host.yaml'], needles: [PROBE_SECRET] },
  'a YAML parse error inside a quoted secret': { files: ['broken.yaml', 'broken-env.yaml'], needles: [PARSE_SECRET.slice(0, 4)] },
};

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
  'cmdline.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  namespace: shop
  annotations:
    example.com/session: ${DETECTOR_SECRETS[6]}
spec:
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker}
      annotations:
        example.com/admin-password: ${DETECTOR_SECRETS[12]}
    spec:
      containers:
        - name: worker
          image: registry.example.com/worker:1.0
          args:
            - --db-password=${DETECTOR_SECRETS[0]}
            - --api-token
            - ${DETECTOR_SECRETS[2]}
            - --repo=https://bot:${DETECTOR_SECRETS[5]}@gitlab.example.com/org/repo.git
          env:
            - name: AWS_SECRET_ACCESS_KEY
              value: ${DETECTOR_SECRETS[11]}
        - name: backup
          image: registry.example.com/backup:1.0
          command: ["mysqldump", "-u", "root", "-p${DETECTOR_SECRETS[1]}", "app"]
        - name: script
          image: registry.example.com/tools:1.0
          command:
            - sh
            - -c
            - |
              PGPASSWORD=${DETECTOR_SECRETS[3]} psql -h db -c 'select 1'
              curl -H "Authorization: Bearer ${DETECTOR_SECRETS[4]}" https://api.internal/
`,
  'cloud.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: cloud
  namespace: shop
data:
  service-account.json: |
    {"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${DETECTOR_SECRETS[7]}\\n-----END PRIVATE KEY-----\\n"}
  config.json: '{"auths": {"registry.example.com": {"auth": "${DETECTOR_SECRETS[9]}", "password": "${DETECTOR_SECRETS[8]}"}}}'
  AZURE_STORAGE_CONNECTION_STRING: DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${DETECTOR_SECRETS[10]};EndpointSuffix=core.windows.net
`,
  'urls.yaml': probeDeployment('fetcher', `"https://admin:${URL_SECRETS[0]}@${URL_SECRETS[1]}@${URL_SECRETS[2]}@files.example.com/data"`),
  'query.yaml': probeDeployment('signed', `"https://files.example.com/data?token=${QUERY_SECRETS[0]}&X-Amz-Signature=${QUERY_SECRETS[1]}&password=${QUERY_SECRETS[2]}#frag"`),
  'probe-host.yaml': probeDeployment('prober', `"admin:${PROBE_SECRET}@metadata.internal"`),
  'broken.yaml': `apiVersion: v1
kind: Secret
metadata:
  name: broken
  namespace: shop
stringData:
  password: "s3cr3t\\U${PARSE_SECRET}"
`,
  'broken-env.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: broken-env
  namespace: shop
spec:
  containers:
    - name: app
      image: registry.example.com/app:1.0
      env:
        - name: DB_PASSWORD
          value: "x\\u${PARSE_SECRET}"
`,
};

/** Every format of `--format`, the CI ones (gitlab, junit, github) included. */
const CLI_FORMATS: readonly string[] = AUDIT_FORMATS;

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
  for (const rule of ['configmap-credentials', 'env-literal-credentials', 'secret-literal-data', 'command-line-credentials', 'annotation-credentials']) assert.ok(rules.has(rule), `${rule} fires: ${[...rules].join(', ')}`);
});

test('every planted detector secret is found (command lines, annotations, cloud key files)', () => {
  const run = runCli(['audit', '--format', 'json', 'cmdline.yaml', 'cloud.yaml'], { cwd: root });
  const counts: Record<string, number> = {};
  for (const finding of (JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings) counts[finding.ruleId] = (counts[finding.ruleId] ?? 0) + 1;
  assert.deepEqual(
    { cmd: counts['command-line-credentials'], annotations: counts['annotation-credentials'], env: counts['env-literal-credentials'], configmap: counts['configmap-credentials'] },
    { cmd: 6, annotations: 2, env: 1, configmap: 3 },
  );
});

test('no CLI format, warning or scorecard shows a planted secret, in either language', () => {
  for (const lang of ['en', 'zh-cn']) {
    for (const format of CLI_FORMATS) {
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

for (const [name, { files, needles }] of Object.entries(CASES)) {
  test(`${name}: no CLI format, stderr or diagnostic shows the secret`, async () => {
    const check = (what: string, output: string): void => {
      for (const needle of needles) assert.ok(!output.includes(needle), `${what} contains ${needle}`);
    };
    for (const format of CLI_FORMATS) {
      const run = runCli(['audit', '--format', format, ...files], { cwd: root });
      check(`CLI ${format} stdout`, run.stdout);
      check(`CLI ${format} stderr`, run.stderr);
    }
    for (const file of files) {
      const uri = pathToFileURL(path.join(root, `again-${file}`)).href;
      const diagnostics: Diagnostic[] = await client.open(uri, FILES[file]);
      check(`diagnostics of ${file}`, JSON.stringify(diagnostics));
    }
    check('server stderr', client.stderr);
  });
}

test('no MCP tool result shows a planted secret (the fixed text aside, which is the user’s own)', async () => {
  for (const lang of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
    const { client: mcp } = await startMcp({ cwd: root, lang });
    try {
      const results: unknown[] = [await mcp.callTool({ name: 'audit_path', arguments: { path: '.' } })];
      for (const text of Object.values(FILES)) {
        results.push(await mcp.callTool({ name: 'check_manifest', arguments: { text } }));
        const fixed = (await mcp.callTool({ name: 'fix_manifest', arguments: { text, include: 'suggestions' } })) as { structuredContent?: { applied: unknown; remaining: unknown } };
        results.push(fixed.structuredContent?.applied, fixed.structuredContent?.remaining);
      }
      assertClean(`MCP results (${lang})`, JSON.stringify(results));
      assert.ok(JSON.stringify(results).includes('configmap-credentials'), 'the credential findings are there');
    } finally {
      await mcp.close();
    }
  }
});
