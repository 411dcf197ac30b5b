/**
 * The language status item shown for YAML files: which Pod Security level and Kubernetes version
 * the active file is checked against and the `.kube-checklist.yaml` in effect (asked of the server,
 * `kubeChecklist/effectiveConfig`, so it shows what the checks use; the settings alone until the
 * server answers), whether the server is starting (busy) or stopped (error, with a restart action),
 * and a link to the configuration file in effect, else to the settings. It changes nothing.
 */
import * as vscode from 'vscode';
import { EffectiveConfig, EffectiveConfigRequest } from './audit-protocol';
import { SETTINGS_SECTION } from './client-options';
import { Commands } from './commands';
import type { ServerController, ServerStatus } from './server-controller';

/** What the status shows for one document, read from the settings that apply to it. */
export interface EffectiveSettings {
  readonly enabled: boolean;
  readonly level: 'baseline' | 'restricted';
  readonly kubernetesVersion: string;
  /** The configuration file in effect, as the server reports it. */
  readonly config?: EffectiveConfig['config'];
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
  /** Counts updates, so an answer that arrives after a newer update is dropped. */
  private generation = 0;

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
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/[\\/]\.kube-checklist\.ya?ml$/.test(document.uri.path)) this.update();
      }),
    ];
    this.update();
  }

  /** Removes the item and its listeners. */
  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private update(): void {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const generation = ++this.generation;
    this.show(readEffectiveSettings(uri));
    const client = this.controller.languageClient;
    if (!uri || !client || this.controller.status !== 'running') return;
    client.sendRequest(EffectiveConfigRequest, { uri: uri.toString() }).then(
      (effective) => {
        if (generation === this.generation) this.show(effective);
      },
      () => undefined, // an older server without the request: the settings stay shown
    );
  }

  private show(settings: EffectiveSettings): void {
    const status: ServerStatus = this.controller.status;
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
    const configName = settings.config ? vscode.workspace.asRelativePath(vscode.Uri.parse(settings.config.uri)) : undefined;
    item.detail = status === 'starting'
      ? vscode.l10n.t('Starting…')
      : settings.config?.problems
        ? vscode.l10n.t('{0} has problems and is not applied', configName!)
        : !settings.enabled
          ? vscode.l10n.t('Checks are turned off for this folder')
          : configName
            ? vscode.l10n.t('Pod Security level · Kubernetes version, from {0} over the settings', configName)
            : vscode.l10n.t('Pod Security level · Kubernetes version');
    item.command = settings.config
      ? { title: vscode.l10n.t('Open {0}', configName!), command: 'vscode.open', arguments: [vscode.Uri.parse(settings.config.uri)] }
      : { title: vscode.l10n.t('Open Settings'), command: 'workbench.action.openSettings', arguments: [`@ext:${this.extensionId}`] };
  }
}
