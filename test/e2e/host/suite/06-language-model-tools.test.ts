/**
 * The language model tools as an agent calls them: through `vscode.lm.invokeTool`, inside the
 * editor, answered by the running language server. The check agrees with the file's diagnostics,
 * fixing a given text hands back the fixed text, and explain answers the rule's documentation.
 * Fixing a file is not invoked here: outside a chat, VS Code asks for its confirmation in a modal
 * dialog that this suite cannot answer (test/lsp-tools.test.ts covers the edit it applies).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
    - name: app # written by an agent
      image: nginx:1.27
      securityContext:
        privileged: true
`;

async function invoke(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content.map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : String((part as { value?: unknown }).value ?? ''))).join('');
}

describe('language model tools', () => {
  it('are contributed and registered', () => {
    const names = vscode.lm.tools.map((tool) => tool.name);
    for (const name of ['kube-checklist_check', 'kube-checklist_fix', 'kube-checklist_explain']) assert.ok(names.includes(name), names.join(', '));
  });

  it('check of a workspace file reports what its diagnostics show', async () => {
    const uri = workspaceFile('apps/cron/nightly.yaml');
    await vscode.workspace.openTextDocument(uri);
    const result = JSON.parse(await invoke('kube-checklist_check', { file: 'apps/cron/nightly.yaml' }));
    assert.equal(result.checked, true);
    const fromTool = [...new Set(result.findings.map((finding: { ruleId: string }) => finding.ruleId))].sort().join(',');
    assert.ok(fromTool.length > 0, 'the file has findings');
    // The diagnostics of the open document come from the same check (earlier ones may be the audit's).
    const rulesOf = (all: vscode.Diagnostic[]) => [...new Set(all.map(ruleOf))].sort().join(',');
    await waitForDiagnostics(uri, (all) => rulesOf(all) === fromTool, `the rules ${fromTool}`);
  });

  it('check and fix of a given text: the fixed text comes back, the workspace is untouched', async () => {
    const checked = JSON.parse(await invoke('kube-checklist_check', { text: POD }));
    assert.ok(checked.findings.some((finding: { ruleId: string }) => finding.ruleId === 'pss-privileged'));
    const fixed = JSON.parse(await invoke('kube-checklist_fix', { text: POD, ruleIds: ['pss-privileged'], includeSuggestions: true }));
    assert.equal(fixed.text, POD.replace('privileged: true', 'privileged: false'));
    assert.deepEqual(fixed.applied.map((applied: { ruleId: string }) => applied.ruleId), ['pss-privileged']);
  });

  it('explain answers the rule reference', async () => {
    const markdown = await invoke('kube-checklist_explain', { ruleId: 'pss-privileged' });
    assert.match(markdown, /^## pss-privileged/);
    assert.match(markdown, /How to fix/);
  });
});
