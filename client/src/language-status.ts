/**
 * The language status item shown for YAML files: which Pod Security level and Kubernetes version
 * the active file is checked against (read from the settings of its workspace folder), whether the
 * server is starting (busy) or stopped (error, with a restart action), and a link to the settings.
 * It reads settings and server status; it changes neither.
 */
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from './client-options';
import { Commands } from './commands';
import type { ServerController, ServerStatus } from './server-controller';

/** What the status shows for one document, read from the settings that apply to it. */
export interface EffectiveSettings {
  readonly enabled: boolean;
  readonly level: 'baseline' | 'restricted';
  readonly kubernetesVersion: string;
}

/** Reads the settings the server will use for `uri`, with the same fallbacks for wrong values. */
export function readEffectiveSettings(uri: vscode.Uri | undefined): EffectiveSettings {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
  const level = config.get<unknown>('podSecurity.level') === 'baseline' ? 'baseline' : 'restricted';
  const version = config.get<unknown>('kubernetesVersion');
  const kubernetesVersion = typeof version === 'string' && /^v?1\.\d{1,3}(?:\.\d+)?$/i.test(version.trim()) ? version.trim() : 'latest';
  return { enabled: config.get<unknown>('enable') !== false, level, kubernetesVersion };
}

/** Shows the checked level and version beside the language of YAML editors. */
export class LanguageStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly controller: ServerController,
    private readonly extensionId: string,
  ) {
    this.item = vscode.languages.createLanguageStatusItem('kubeChecklist.status', [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ]);
    this.item.name = vscode.l10n.t('Kubernetes Checklist');
    this.disposables = [
      this.item,
      controller.onDidChangeStatus(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) this.update();
      }),
    ];
    this.update();
  }

  /** Removes the item and its listeners. */
  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private update(): void {
    const status: ServerStatus = this.controller.status;
    const settings = readEffectiveSettings(vscode.window.activeTextEditor?.document.uri);
    const item = this.item;
    item.text = settings.enabled
      ? vscode.l10n.t('Kubernetes Checklist: {0} · {1}', settings.level, settings.kubernetesVersion)
      : vscode.l10n.t('Kubernetes Checklist: off');
    item.busy = status === 'starting';
    item.severity = status === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    if (status === 'stopped') {
      item.detail = vscode.l10n.t('Server stopped');
      item.command = { title: vscode.l10n.t('Restart'), command: Commands.restartServer };
      return;
    }
    item.detail = status === 'starting'
      ? vscode.l10n.t('Starting…')
      : settings.enabled
        ? vscode.l10n.t('Pod Security level · Kubernetes version')
        : vscode.l10n.t('Checks are turned off for this folder');
    item.command = {
      title: vscode.l10n.t('Open Settings'),
      command: 'workbench.action.openSettings',
      arguments: [`@ext:${this.extensionId}`],
    };
  }
}
