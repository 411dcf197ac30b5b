/**
 * Where a PodSecurity admission configuration lives: inline in an AdmissionConfiguration
 * (apiserver.config.k8s.io/*, or apiserver.k8s.io/v1alpha1) as the `configuration` of the plugin
 * named PodSecurity, or as a file of its own (kind PodSecurityConfiguration,
 * pod-security.admission.config.k8s.io/v1alpha1, v1beta1, v1). A plugin entry that points to a file
 * with `path` says nothing here; that file is checked when it is in the workspace.
 */
import type { Resource } from '../../model/resource';
import { arrayAt, isRecord, PropertyPath, stringAt } from '../../model/values';

export const POD_SECURITY_CONFIG_KINDS: readonly string[] = ['AdmissionConfiguration', 'PodSecurityConfiguration'];

export interface PodSecurityConfigView {
  readonly path: PropertyPath;
  readonly config: Record<string, unknown>;
}

export function podSecurityConfigs(resource: Resource): PodSecurityConfigView[] {
  if (resource.kind === 'PodSecurityConfiguration' && resource.apiVersion.startsWith('pod-security.admission.config.k8s.io/')) {
    return [{ path: [], config: resource.value as Record<string, unknown> }];
  }
  if (resource.kind !== 'AdmissionConfiguration' || !/^apiserver\.(config\.)?k8s\.io\//.test(resource.apiVersion)) return [];
  const views: PodSecurityConfigView[] = [];
  arrayAt(resource.value, 'plugins').forEach((plugin, index) => {
    if (stringAt(plugin, 'name') !== 'PodSecurity' || !isRecord(plugin) || !isRecord(plugin.configuration)) return;
    views.push({ path: ['plugins', index, 'configuration'], config: plugin.configuration });
  });
  return views;
}

export const POD_SECURITY_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-admission-controller/',
  'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#admission-controllers',
];

export const ADMISSION_CONFIG = (lines: readonly string[]): string =>
  [
    'apiVersion: apiserver.config.k8s.io/v1', 'kind: AdmissionConfiguration', 'plugins:', '  - name: PodSecurity', '    configuration:',
    '      apiVersion: pod-security.admission.config.k8s.io/v1', '      kind: PodSecurityConfiguration', ...lines,
  ].join('\n');
