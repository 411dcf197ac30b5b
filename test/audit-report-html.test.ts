/**
 * The audit report view's HTML (client/src/report-html.ts, pure, loaded from the compiled client):
 * a strict Content-Security-Policy with no scripts and no remote content, every text escaped, the
 * checklist's sections and items with their statuses, findings as command links that open the file
 * at the range, guidance for manual items, export links for the formats the server offers.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CHECKLIST_ITEMS, CHECKLIST_SECTIONS } from '../server/src/core';
import { REPORT_STRINGS as STRINGS } from './support/report-strings';

interface ReportModule {
  renderReportHtml(result: unknown, options: { nonce: string; strings: Record<string, unknown> }): string;
  contentSecurityPolicy(nonce: string): string;
  commandUri(command: string, args?: readonly unknown[]): string;
  REPORT_COMMANDS: Record<string, string>;
  FINDINGS_PER_ITEM: number;
}

// The client is compiled beside the tests (out/client); this module imports no `vscode`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const report = require(path.join(__dirname, '..', 'client', 'report-html.js')) as ReportModule;


function sampleResult(findingCount = 2) {
  const findings = Array.from({ length: findingCount }, (_, id) => ({
    id,
    uri: `file:///w/deploy/web-${id}.yaml`,
    path: `deploy/web-${id}.yaml`,
    range: { start: { line: 12, character: 6 }, end: { line: 12, character: 13 } },
    severity: 'error',
    ruleId: 'psa-namespace-enforce-violation',
    message: `Namespace "shop" rejects <script>alert(${id})</script>`,
    checklist: ['pod-security/pss-enforced'],
    docsUrl: 'https://github.com/kube-checklist/kube-checklist/blob/main/docs/rules.md#psa-namespace-enforce-violation',
    resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
    related: [{ uri: 'file:///w/ns.yaml', range: { start: { line: 5, character: 4 }, end: { line: 5, character: 40 } }, message: 'label "here"' }],
  }));
  return {
    version: 1,
    locale: 'en',
    folders: [{ uri: 'file:///w', name: 'w & co' }],
    level: 'restricted',
    kubernetesVersion: 'latest',
    stats: {
      files: 10, manifests: 3, resources: 5, findings: findingCount, suppressed: 0,
      bySeverity: { error: findingCount, warning: 0, info: 0, hint: 0 }, read: 0,
      skipped: { tooLarge: 1, binary: 0, unreadable: 0 }, durationMs: 42,
    },
    findings,
    checklist: CHECKLIST_SECTIONS.map((section) => ({
      id: section.id,
      title: section.title.en,
      url: `https://kubernetes.io/docs/concepts/security/security-checklist/#${section.anchor}`,
      items: CHECKLIST_ITEMS.filter((item) => item.section === section.id).map((item) => ({
        id: item.id,
        summary: item.summary.en,
        check: item.check,
        status: item.id === 'pod-security/pss-enforced' ? 'fail' : item.check === 'manual' ? 'manual' : item.id === 'network/default-deny' ? 'not-applicable' : 'pass',
        findings: item.id === 'pod-security/pss-enforced' ? findingCount : 0,
        suppressed: 0,
        rules: ['some-rule'],
        findingIds: item.id === 'pod-security/pss-enforced' ? findings.map((finding) => finding.id) : [],
        guidance: `Guidance for ${item.id} <b>`,
        url: 'https://kubernetes.io/docs/concepts/security/security-checklist/',
      })),
    })),
    skippedFiles: [{ uri: 'file:///w/big.yaml', path: 'big.yaml', reason: 'too-large' }],
    ruleFailures: [],
    exportFormats: ['json', 'sarif', 'markdown'],
  };
}

test('a strict Content-Security-Policy: nothing but the nonced stylesheet, no scripts', () => {
  const html = report.renderReportHtml(sampleResult(), { nonce: 'abc123', strings: STRINGS });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
  assert.ok(csp, 'a CSP meta element');
  assert.match(csp, /^default-src 'none';/);
  assert.match(csp, /style-src 'nonce-abc123'/);
  assert.match(csp, /script-src 'none'/);
  assert.doesNotMatch(csp, /https?:|\*|unsafe/);
  assert.doesNotMatch(html, /<script/i, 'no script element (the finding text is escaped)');
  assert.match(html, /<style nonce="abc123">/);
  assert.doesNotMatch(html, /\son\w+=/i, 'no inline event handlers');
  assert.doesNotMatch(html, /<(img|iframe|link|object|embed|form)\b/i, 'no remote or active content');
  assert.match(html, /&lt;script&gt;alert\(0\)&lt;\/script&gt;/);
  assert.match(html, /w &amp; co/);
  assert.match(html, /Guidance for images\/scanning &lt;b&gt;/);
});

test('organized as the checklist: every section and every item once, with its status', () => {
  const html = report.renderReportHtml(sampleResult(), { nonce: 'n', strings: STRINGS });
  for (const section of CHECKLIST_SECTIONS) assert.equal(html.split(`<section id="${section.id}">`).length, 2, section.id);
  for (const item of CHECKLIST_ITEMS) assert.equal(html.split(`<code class="item-id">${item.id}</code>`).length, 2, item.id);
  assert.match(html, /<span class="badge fail">Failed<\/span> <span class="count">2<\/span>/);
  assert.match(html, /<span class="badge not-applicable">Not applicable<\/span>/);
  assert.match(html, /To verify:<\/strong> Guidance for images\/scanning/);
});

test('findings link to the file and range through a command URI; exports and re-run are command links', () => {
  const html = report.renderReportHtml(sampleResult(), { nonce: 'n', strings: STRINGS });
  const open = report.commandUri(report.REPORT_COMMANDS.openFinding, ['file:///w/deploy/web-0.yaml', { start: { line: 12, character: 6 }, end: { line: 12, character: 13 } }]);
  assert.ok(html.includes(`href="${open}"`), open);
  assert.match(open, /^command:kubeChecklist\.openAuditFinding\?%5B%22file/);
  assert.match(html, /<code>deploy\/web-0\.yaml:13:7<\/code>/, '1-based line:column in the link text');
  for (const format of ['json', 'sarif', 'markdown']) assert.ok(html.includes(report.commandUri(report.REPORT_COMMANDS.export, [format])), format);
  assert.ok(html.includes(`href="command:kubeChecklist.auditWorkspace"`));
  assert.match(html, /1 files were not checked/);
});

test('long finding lists are cut, pointing at the Problems panel', () => {
  const html = report.renderReportHtml(sampleResult(report.FINDINGS_PER_ITEM + 7), { nonce: 'n', strings: STRINGS });
  assert.equal(html.split('command:kubeChecklist.openAuditFinding').length - 1, report.FINDINGS_PER_ITEM);
  assert.match(html, /… and 7 more\. See Problems\./);
});

test('what was rendered (Kustomize overlays, Helm charts) and what could not be, with the reason, escaped', () => {
  const result = {
    ...sampleResult(),
    renders: [
      { directory: 'deploy/overlays/prod', tool: 'kustomize', status: 'rendered' },
      { directory: 'charts/web', tool: 'helm', status: 'failed', reason: 'template: <web>/deployment.yaml:3 bad' },
      { directory: '.', tool: 'helm', status: 'no-tool' },
    ],
  };
  const html = report.renderReportHtml(result, { nonce: 'n', strings: STRINGS });
  assert.match(html, /Rendering: 1 rendered, 2 not/);
  assert.match(html, /<code>deploy\/overlays\/prod<\/code> \(kustomize\) — rendered</);
  assert.match(html, /<code>charts\/web<\/code> \(helm\) — failed: template: &lt;web&gt;\/deployment\.yaml:3 bad/);
  assert.doesNotMatch(report.renderReportHtml(sampleResult(), { nonce: 'n', strings: STRINGS }), /Rendering:/, 'nothing when nothing was to render');
});

test('suppressions that no longer hold link to their place in the configuration; each baseline says what it held and what is gone', () => {
  const range = { start: { line: 4, character: 4 }, end: { line: 4, character: 26 } };
  const result = {
    ...sampleResult(),
    exceptions: {
      suppressions: [
        { uri: 'file:///ws/.kube-checklist.yaml', path: '.kube-checklist.yaml', range, index: 0, rule: 'pss-host-namespaces', problem: 'unused' },
        { uri: 'file:///ws/.kube-checklist.yaml', path: '.kube-checklist.yaml', range, index: 1, rule: '<img>', problem: 'expired', expires: '2020-01-01' },
      ],
      baselines: [{ path: 'baseline.json', entries: 19, held: 8, gone: 11 }],
    },
  };
  const html = report.renderReportHtml(result, { nonce: 'n', strings: STRINGS });
  assert.match(html, /<summary>2 suppressions no longer hold<\/summary>/);
  assert.match(html, /<code>\.kube-checklist\.yaml:5<\/code><\/a> — suppression 1 \(pss-host-namespaces\) matched nothing/);
  assert.match(html, /suppression 2 \(&lt;img&gt;\) expired on 2020-01-01/);
  const link = html.match(/href="(command:kubeChecklist\.openAuditFinding\?[^"]+)"[^>]*><code>\.kube-checklist/);
  assert.ok(link, 'the entry links to the configuration');
  assert.deepEqual(JSON.parse(decodeURIComponent(link[1].replace(/&quot;/g, '"').split('?')[1])), ['file:///ws/.kube-checklist.yaml', range]);
  assert.match(html, /Baseline baseline\.json: 19 entries, 8 held, 11 gone/);
  assert.doesNotMatch(report.renderReportHtml(sampleResult(), { nonce: 'n', strings: STRINGS }), /no longer hold|Baseline /, 'nothing without exceptions');
});

test('the policy row names each configuration file that applied and the policy it gives', () => {
  const result = { ...sampleResult(), configurations: [{ uri: 'file:///ws/team/.kube-checklist.yaml', path: 'team/.kube-checklist.yaml', level: 'baseline', kubernetesVersion: 'v1.30' }] };
  const html = report.renderReportHtml(result, { nonce: 'n', strings: STRINGS });
  assert.match(html, /<dt>Policy<\/dt><dd>[^<]*; configuration files: <code>team\/\.kube-checklist\.yaml<\/code>: baseline · v1\.30<\/dd>/);
});
