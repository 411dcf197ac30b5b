/**
 * Fix-all on save: with `editor.codeActionsOnSave` asking for `source.fixAll.kubeChecklist`,
 * saving applies the safe fixes (the seccomp profile) and leaves the ones that need a human
 * (privileged, privilege escalation) to the user.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findRule, openEditor, setSetting, waitForDiagnostics, workspaceFile } from './helpers';

describe('fix all on save', () => {
  const file = workspaceFile('fix-on-save.yaml');

  after(async () => {
    await setSetting('editor.codeActionsOnSave', undefined);
  });

  it('applies the safe fixes when the file is saved', async () => {
    await setSetting('editor.codeActionsOnSave', { 'source.fixAll.kubeChecklist': 'explicit' });
    const editor = await openEditor('fix-on-save.yaml');
    await waitForDiagnostics(file, (all) => !!findRule(all, 'pss-seccomp-restricted'), 'pss-seccomp-restricted');
    // An edit makes the save a real one (an unchanged file is not saved, so nothing would run).
    await editor.edit((builder) => builder.insert(new vscode.Position(1, 0), '# edited by the test\n'));
    assert.equal(await editor.document.save(), true);
    const text = editor.document.getText();
    assert.match(text, /seccompProfile:\n\s+type: RuntimeDefault/);
    assert.match(text, /privileged: true/, 'a fix that needs a human is not applied on save');
    assert.match(text, /allowPrivilegeEscalation: true/);
    assert.equal(editor.document.isDirty, false, 'the fixes are part of what was saved');
    const after = await waitForDiagnostics(file, (all) => !findRule(all, 'pss-seccomp-restricted') && !!findRule(all, 'pss-privileged'), 'the seccomp finding to go away');
    assert.ok(findRule(after, 'pss-allow-privilege-escalation'));
  });
});
