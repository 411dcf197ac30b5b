/**
 * Activation and diagnostics: opening a manifest activates the extension, starts the server and
 * puts our diagnostics, with their rule ids, severities and exact ranges, on the file.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, findRule, openEditor, waitForDiagnostics, workspaceFile } from './helpers';

describe('activation and diagnostics', () => {
  const deploy = workspaceFile('deploy.yaml');

  it('activates on the first YAML document', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the host`);
    await openEditor('deploy.yaml');
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('flags the privileged container on the value `true`, as an error with its rule id', async () => {
    const diagnostics = await waitForDiagnostics(deploy, (all) => !!findRule(all, 'pss-privileged'), 'pss-privileged');
    const privileged = findRule(diagnostics, 'pss-privileged')!;
    // deploy.yaml line 20 is `            privileged: true`: the range is the value, columns 25-28.
    assert.deepEqual(
      [privileged.range.start.line, privileged.range.start.character, privileged.range.end.line, privileged.range.end.character],
      [19, 24, 19, 28],
    );
    assert.equal(privileged.severity, vscode.DiagnosticSeverity.Error);
    const document = await vscode.workspace.openTextDocument(deploy);
    assert.equal(document.getText(privileged.range), 'true');
    assert.match(privileged.message, /privileged/);
    const code = privileged.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /pss-privileged/);
  });

  it('reports the other checks of the file on their own lines', async () => {
    const diagnostics = await waitForDiagnostics(deploy, (all) => !!findRule(all, 'pss-run-as-non-root'), 'pss-run-as-non-root');
    const rules = new Set(diagnostics.map((d) => (d.code as { value: string }).value));
    for (const rule of ['pss-allow-privilege-escalation', 'pss-capabilities-restricted', 'pss-seccomp-restricted', 'container-memory-limit', 'image-without-digest']) {
      assert.ok(rules.has(rule), `${rule} among ${[...rules].join(', ')}`);
    }
    // Nothing is reported on the comment line or the apiVersion line.
    assert.ok(diagnostics.every((d) => d.range.start.line > 1));
    const image = findRule(diagnostics, 'image-without-digest')!;
    assert.equal(image.range.start.line, 17);
    assert.equal(image.severity, vscode.DiagnosticSeverity.Information);
  });
});
