/**
 * Hover and quick fixes through the editor's own providers: the hover on a finding explains the
 * rule and its checklist item; the quick fix offered for it is applied as a workspace edit and
 * the diagnostic goes away while the others stay.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findRule, openEditor, waitForDiagnostics, workspaceFile } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

describe('hover and quick fixes', () => {
  const deploy = workspaceFile('deploy.yaml');

  it('explains the finding under the cursor', async () => {
    await openEditor('deploy.yaml');
    await waitForDiagnostics(deploy, (all) => !!findRule(all, 'pss-privileged'), 'pss-privileged');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', deploy, new vscode.Position(19, 26));
    const text = hoverText(hovers);
    assert.match(text, /Privileged containers/);
    assert.match(text, /`pss-privileged`/);
    assert.match(text, /restricted|baseline/);
  });

  it('explains a security-relevant key without a finding', async () => {
    // Line 8 is `spec:` of the Deployment; line 19 is `securityContext:`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', deploy, new vscode.Position(18, 14));
    assert.match(hoverText(hovers), /securityContext/);
  });

  it('offers "Set securityContext.privileged to false" and applying it clears only that diagnostic', async () => {
    const before = await waitForDiagnostics(deploy, (all) => !!findRule(all, 'pss-privileged'), 'pss-privileged');
    const privileged = findRule(before, 'pss-privileged')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', deploy, privileged.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    const fix = actions.find((action) => action.title === 'Set securityContext.privileged to false');
    assert.ok(fix?.edit, `the quick fix is offered among: ${titles.join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const document = await vscode.workspace.openTextDocument(deploy);
    assert.equal(document.lineAt(19).text, '            privileged: false');
    const after = await waitForDiagnostics(deploy, (all) => !findRule(all, 'pss-privileged') && all.length > 0, 'pss-privileged to go away');
    assert.ok(findRule(after, 'pss-run-as-non-root'), 'the other findings stay');
    await document.save();
  });
});
