/**
 * Trust: the extension declares limited support for untrusted workspaces (a folder's own settings
 * cannot silence checks there), runs no program and opens no network connection, and its report
 * view loads nothing remote. The server (with a workspace audit) and the CLI run with a preload
 * that makes every network and child-process API throw and records any attempt: none may happen.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from './support/lsp-client';
import { repoPath } from './support/paths';
import { REPORT_STRINGS } from './support/report-strings';
import { runCli } from './support/run-cli';

const manifest = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: unknown; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
};

test('untrusted workspaces: limited support, and the settings that could hide findings are restricted', () => {
  const { supported, restrictedConfigurations = [] } = manifest.capabilities.untrustedWorkspaces;
  assert.equal(supported, 'limited');
  for (const setting of ['kubeChecklist.enable', 'kubeChecklist.rules', 'kubeChecklist.podSecurity.level', 'kubeChecklist.kubernetesVersion']) {
    assert.ok(restrictedConfigurations.includes(setting), setting);
  }
  for (const setting of restrictedConfigurations) assert.ok(setting in manifest.contributes.configuration.properties, `${setting} is a contributed setting`);
});

function withNetworkBlocked(): { env: NodeJS.ProcessEnv; attempts: () => string } {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-net-')), 'attempts.log');
  fs.writeFileSync(log, '');
  const preload = repoPath('test', 'support', 'no-network.cjs');
  return { env: { NODE_OPTIONS: `--require ${preload}`, NO_NETWORK_LOG: log }, attempts: () => fs.readFileSync(log, 'utf8') };
}

test('the CLI audits with the network and child processes blocked, and tries neither', () => {
  const { env, attempts } = withNetworkBlocked();
  const run = runCli(['audit', '--format', 'sarif', 'examples'], { cwd: repoPath(), env });
  assert.equal(run.status, 1, run.stderr);
  assert.equal(JSON.parse(run.stdout).version, '2.1.0');
  assert.equal(attempts(), '');
  // The preload is really in force: a program that does try is caught.
  const probe = runCli(['audit', 'examples'], { cwd: repoPath(), env: { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS} --require ${repoPath('test', 'support', 'try-network.cjs')}` } });
  assert.notEqual(probe.status, 0);
  assert.match(attempts(), /net\.connect/);
});

test('the server indexes, checks and audits a workspace with the network and child processes blocked, and tries neither', async () => {
  const { env, attempts } = withNetworkBlocked();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-trust-'));
  fs.cpSync(repoPath('examples'), root, { recursive: true });
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, NO_NETWORK_LOG: process.env.NO_NETWORK_LOG };
  Object.assign(process.env, env);
  const client = new TestLspClient();
  Object.assign(process.env, saved);
  for (const [key, value] of Object.entries(saved)) if (value === undefined) delete process.env[key];
  try {
    await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'examples' }] });
    const result = (await client.connection.sendRequest('kubeChecklist/auditWorkspace', {})) as { stats: { findings: number } };
    assert.ok(result.stats.findings > 0);
    const report = require(path.join(__dirname, '..', 'client', 'report-html.js')) as {
      renderReportHtml(result: unknown, options: { nonce: string; strings: unknown }): string;
      contentSecurityPolicy(nonce: string): string;
    };
    const csp = report.contentSecurityPolicy('n0nce');
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /https?:|\*/, 'no remote source is allowed');
    const html = report.renderReportHtml(result, { nonce: 'n0nce', strings: REPORT_STRINGS });
    assert.doesNotMatch(html, /<(?:script|img|link|iframe)[^>]+(?:src|href)=["']https?:/i, 'nothing remote is loaded');
  } finally {
    assert.equal(await client.shutdown(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  }
  assert.equal(attempts(), '', 'no network or process attempt');
});
