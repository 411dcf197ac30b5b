/**
 * "Kubernetes Checklist: Preview Pod Security at Version…": with the two versions given (as the
 * quick picks would), the command asks the server and opens its Markdown report.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

interface PreviewResult {
  markdown: string;
  startsFailing: number;
  startsPassing: number;
}

describe('preview Pod Security at a version', () => {
  it('opens the upgrade report the server writes', async () => {
    const result = await vscode.commands.executeCommand<PreviewResult | undefined>('kubeChecklist.previewPodSecurity', { from: 'v1.0', to: 'v1.37' });
    assert.ok(result, 'the command returns the preview');
    assert.match(result.markdown, /^# Pod Security (baseline|restricted): upgrade from v1\.0 to v1\.37$/m);
    assert.equal(typeof result.startsFailing, 'number');
    assert.ok(
      vscode.workspace.textDocuments.some((document) => document.languageId === 'markdown' && document.getText() === result.markdown),
      'the report is open as a Markdown document',
    );
  });
});
