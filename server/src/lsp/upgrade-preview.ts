/**
 * `kubeChecklist/previewPodSecurity` (see protocol/upgrade-preview-types.ts): the workspace's files
 * are brought up to date as the audit does, then the host's upgrade preview (the one the CLI runs for
 * `audit --upgrade-from … --upgrade-to …`) runs over every folder, at the level the settings and the
 * folder's `.kube-checklist.yaml` give, and its Markdown goes back to the client to show.
 */
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { Locale, parseKubernetesVersion } from '../core';
import { previewFiles } from '../host/upgrade-preview';
import { formatUpgradeMarkdown } from '../report/upgrade-report';
import { PREVIEW_POD_SECURITY_METHOD, type PreviewPodSecurityParams, type PreviewPodSecurityResult } from '../protocol/upgrade-preview-types';
import { ConfigLookup, withConfig } from './config-lookup';
import type { ServerSettings } from './settings';
import { workspaceMessage } from './workspace-messages';
import type { WorkspaceService } from './workspace-service';

export const PreviewPodSecurityRequest = new RequestType<PreviewPodSecurityParams, PreviewPodSecurityResult, void>(PREVIEW_POD_SECURITY_METHOD);

export interface PreviewDependencies {
  readonly workspace: WorkspaceService;
  readonly configs: ConfigLookup;
  clientSettingsFor(uri: string): Promise<ServerSettings>;
  locale(): Locale;
}

export async function previewPodSecurity(deps: PreviewDependencies, params: unknown, cancelled: () => boolean): Promise<PreviewPodSecurityResult> {
  const locale = deps.locale();
  const { from, to } = checkPreviewParams(params, locale);
  const folders = [...deps.workspace.folders.values()];
  for (const folder of folders) {
    await deps.workspace.refresh(folder, cancelled);
    folder.ready = true;
  }
  const files = folders.flatMap((folder) => deps.workspace.indexFor(folder, true)?.index.files ?? []);
  const first = folders[0];
  const settings = first ? withConfig(await deps.clientSettingsFor(first.uri), deps.configs.configFor(`${first.uri}/.kube-checklist.yaml`)?.file.config) : undefined;
  const report = previewFiles(files, { level: settings?.options.level ?? 'restricted', from, to }, locale);
  return {
    markdown: formatUpgradeMarkdown(report, locale),
    startsFailing: report.changes.filter((change) => change.direction === 'starts-failing').length,
    startsPassing: report.changes.filter((change) => change.direction === 'starts-passing').length,
  };
}

function checkPreviewParams(params: unknown, locale: Locale): { from: number; to: number } {
  const record = typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  const minor = (field: 'from' | 'to') => {
    const value = record[field];
    const parsed = typeof value === 'string' && value.trim() ? parseKubernetesVersion(value) : undefined;
    if (parsed === undefined) throw new ResponseError(ErrorCodes.InvalidParams, workspaceMessage('invalidParams', locale, { field, method: PREVIEW_POD_SECURITY_METHOD }));
    return parsed;
  };
  return { from: minor('from'), to: minor('to') };
}
