/**
 * "Kubernetes Checklist: Audit Workspace": the command returns the audit of every manifest of the
 * workspace, and files nobody opened get their Problems entries.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findRule, ourDiagnostics, waitForDiagnostics, workspaceFile } from './helpers';

interface AuditSummary {
  stats: { manifests: number; resources: number; findings: number };
}

describe('audit workspace', () => {
  const unopened = workspaceFile('apps/cron/nightly.yaml');

  it('audits every manifest and fills the Problems panel for unopened files', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()), 'nightly.yaml is not open');
    assert.equal(ourDiagnostics(unopened).length, 0, 'no entries before the audit');
    const result = await vscode.commands.executeCommand<AuditSummary | undefined>('kubeChecklist.auditWorkspace');
    assert.ok(result, 'the audit returns its result');
    assert.equal(result.stats.manifests, 3);
    assert.equal(result.stats.resources, 3);
    assert.ok(result.stats.findings > 10, `findings: ${result.stats.findings}`);
    const diagnostics = await waitForDiagnostics(unopened, (all) => !!findRule(all, 'pss-host-namespaces'), 'the audit entries of nightly.yaml');
    const hostPid = findRule(diagnostics, 'pss-host-namespaces')!;
    assert.equal(hostPid.range.start.line, 13, 'on `hostPID: true`');
    assert.equal(hostPid.severity, vscode.DiagnosticSeverity.Error);
  });
});
