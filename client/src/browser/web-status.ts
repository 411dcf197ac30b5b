/**
 * The one place the web extension says what it cannot do: a language status item beside YAML
 * editors telling that Kustomize overlays and Helm charts are not rendered in the browser (that
 * needs the kubectl and helm binaries), so their rendered resources are not checked there.
 */
import * as vscode from 'vscode';

export function webLimitationStatus(): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('kubeChecklist.web', [{ language: 'yaml' }]);
  item.name = vscode.l10n.t('Kubernetes Checklist in the browser');
  item.text = vscode.l10n.t('Browser: no Kustomize or Helm rendering');
  item.detail = vscode.l10n.t('Rendering Kustomize overlays and Helm charts needs the kubectl and helm programs, which a browser cannot run. Manifests are checked as written.');
  item.severity = vscode.LanguageStatusSeverity.Information;
  return item;
}
