/**
 * "Kubernetes Checklist: Preview Pod Security at Version…": two quick picks (the version the
 * cluster runs now, the version to preview), then the server's `kubeChecklist/previewPodSecurity`
 * request (the upgrade preview the CLI prints for `audit --upgrade-from … --upgrade-to …`), whose
 * Markdown opens in a Markdown preview. Nothing is computed here: the words and the verdicts are the
 * server's.
 */
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import {
  PREVIEW_POD_SECURITY_METHOD,
  PREVIEW_VERSIONS,
  type PreviewPodSecurityParams,
  type PreviewPodSecurityResult,
} from '../../server/src/protocol/upgrade-preview-types';

const PreviewPodSecurityRequest = new RequestType<PreviewPodSecurityParams, PreviewPodSecurityResult, void>(PREVIEW_POD_SECURITY_METHOD);

/** The versions, newest first, with the configured one (or latest) first in the list for "now". */
function versionItems(first: string | undefined): vscode.QuickPickItem[] {
  const ordered = first && PREVIEW_VERSIONS.includes(first) ? [first, ...PREVIEW_VERSIONS.filter((version) => version !== first)] : PREVIEW_VERSIONS;
  return ordered.map((label) => ({ label }));
}

export async function previewPodSecurity(client: LanguageClient | undefined, outputChannel: vscode.LogOutputChannel, preset?: { from?: unknown; to?: unknown }): Promise<PreviewPodSecurityResult | undefined> {
  if (!client) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The Kubernetes Checklist server is not running.'));
    return undefined;
  }
  const configured = vscode.workspace.getConfiguration('kubeChecklist').get<string>('kubernetesVersion');
  const normalized = configured && /^v?1\.\d+$/.test(configured) ? (configured.startsWith('v') ? configured : `v${configured}`) : undefined;
  const from = typeof preset?.from === 'string' ? preset.from : (await vscode.window.showQuickPick(versionItems(normalized), { placeHolder: vscode.l10n.t('Version the cluster runs now') }))?.label;
  if (!from) return undefined;
  const to = typeof preset?.to === 'string' ? preset.to : (await vscode.window.showQuickPick(versionItems(undefined), { placeHolder: vscode.l10n.t('Version to preview') }))?.label;
  if (!to) return undefined;
  try {
    const result = await client.sendRequest(PreviewPodSecurityRequest, { from, to });
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.markdown });
    await vscode.commands.executeCommand('markdown.showPreview', document.uri);
    void vscode.window.showInformationMessage(vscode.l10n.t('Pod Security preview: {0} resource(s) would start failing, {1} would start passing.', result.startsFailing, result.startsPassing));
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outputChannel.error(vscode.l10n.t('The Pod Security preview failed: {0}', reason));
    void vscode.window.showErrorMessage(vscode.l10n.t('The Pod Security preview failed: {0}', reason));
    return undefined;
  }
}
