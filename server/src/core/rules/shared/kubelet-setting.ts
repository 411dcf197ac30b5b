/**
 * Shared check of one kubelet setting that exists both as a KubeletConfiguration field and as a
 * command-line flag (anonymous auth, authorization mode, read-only port, seccomp default). The two
 * have different defaults: the config file (kubelet.config.k8s.io/v1beta1) defaults to the secure
 * value, the bare flag to the insecure one, and a flag given explicitly overrides the file. So a
 * kubelet that runs without the flag is only judged when it also runs without `--config`.
 */
import { componentData, componentsNamed, isConfigKind } from '../../model/control-plane';
import type { Resource } from '../../model/resource';
import { isRecord, PropertyPath } from '../../model/values';
import type { RuleContext } from '../types';

export interface KubeletSetting {
  /** Path of the field in a KubeletConfiguration. */
  readonly configPath: PropertyPath;
  readonly flag: string;
  /** The field's value is insecure (absent fields are never insecure: the file default is safe). */
  readonly configInsecure: (value: unknown) => boolean;
  /** The flag's text is insecure. */
  readonly flagInsecure: (text: string) => boolean;
  /** The flag's value when neither the flag nor a config file is given. */
  readonly flagDefault: string;
}

/** Message ids every user of this helper defines: `config`, `flag`, `missing`. */
export function checkKubeletSetting(context: RuleContext, resource: Resource, setting: KubeletSetting): void {
  if (isConfigKind(resource, 'kubelet.config.k8s.io', 'KubeletConfiguration')) {
    let value: unknown = resource.value;
    for (const key of setting.configPath) value = isRecord(value) ? value[key as string] : undefined;
    if (value === undefined || value === null || !setting.configInsecure(value)) return;
    context.report({ messageId: 'config', data: { field: setting.configPath.join('.'), value: String(value) }, path: setting.configPath, target: 'value' });
    return;
  }
  for (const component of componentsNamed(resource, 'kubelet')) {
    const flag = component.flags.get(setting.flag);
    if (flag?.unknown) continue;
    if (flag) {
      if (setting.flagInsecure(flag.value)) {
        context.report({ messageId: 'flag', data: { ...componentData(component), flag: setting.flag, value: flag.value }, path: flag.path, target: flag.target });
      }
    } else if (!component.configFile && setting.flagInsecure(setting.flagDefault)) {
      context.report({ messageId: 'missing', data: { ...componentData(component), flag: setting.flag, value: setting.flagDefault }, ...component.anchor });
    }
  }
}

export const KUBELET_SCOPE: readonly string[] = ['DaemonSet', 'Deployment', 'InitConfiguration', 'JoinConfiguration', 'KubeletConfiguration', 'Pod', 'StatefulSet'];

export const KUBELET_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/',
  'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
];
