/**
 * The Chinese run (display language zh-cn): diagnostics, hover, quick-fix titles and the
 * extension's contributed names come in Simplified Chinese.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, findRule, openEditor, waitForDiagnostics, waitUntil, workspaceFile } from './helpers';

describe('zh-cn display language', () => {
  const deploy = workspaceFile('deploy.yaml');

  it('runs in zh-cn', () => {
    assert.equal(vscode.env.language, 'zh-cn');
  });

  it('speaks Chinese in diagnostics, hover and quick fixes', async () => {
    await openEditor('deploy.yaml');
    const diagnostics = await waitForDiagnostics(deploy, (all) => !!findRule(all, 'pss-privileged'), 'pss-privileged');
    const privileged = findRule(diagnostics, 'pss-privileged')!;
    assert.match(privileged.message, /特权/);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', deploy, privileged.range.start);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /\*\*特权容器\*\*/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', deploy, privileged.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title === '将 securityContext.privileged 设为 false'), actions.map((a) => a.title).join(' | '));
  });

  it('shows the extension and its settings under their Chinese names', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    // VS Code localizes the manifest on load; a localized title becomes { value, original }.
    type Title = string | { value: string; original: string };
    const manifest = extension.packageJSON as { displayName: string; contributes: { commands: { command: string; title: Title }[] } };
    assert.equal(manifest.displayName, 'Kubernetes 安全检查清单');
    const audit = manifest.contributes.commands.find((c) => c.command === 'kubeChecklist.auditWorkspace');
    const title = typeof audit?.title === 'string' ? audit.title : audit?.title.value;
    assert.equal(title, '审计工作区');
  });
});

describe('zh-cn audit report', () => {
  it('opens the report under its Chinese title (the extension\'s own l10n bundle)', async () => {
    const result = await vscode.commands.executeCommand<{ stats: { manifests: number } } | undefined>('kubeChecklist.auditWorkspace');
    assert.equal(result?.stats.manifests, 3);
    const labels = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.label);
    await waitUntil(() => (labels().includes('检查清单审计') ? true : undefined), vscode.window.tabGroups.onDidChangeTabs, `the report tab among ${labels().join(' | ')}`);
  });
});
