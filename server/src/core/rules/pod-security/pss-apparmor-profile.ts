/**
 * PSS baseline `appArmorProfile`: the AppArmor profile (field or beta annotation) must not be
 * Unconfined. PSA checks both forms at every version, because the check was never split by version.
 */
import { defineRule } from '../define-rule';
import { containersOf, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedType(profile: unknown): boolean {
  if (profile === undefined || profile === null) return true;
  const type = (profile as { type?: unknown }).type;
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function allowedAnnotation(value: unknown): boolean {
  return value === '' || value === 'runtime/default' || (typeof value === 'string' && value.startsWith('localhost/'));
}

export default defineRule({
  id: 'pss-apparmor-profile',
  checklist: ['pod-security/pss-enforced', 'pod-security/apparmor-selinux'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'appArmorProfile', since: 0 },
  docs: {
    title: { en: 'AppArmor profile', 'zh-cn': 'AppArmor 配置' },
    summary: {
      en: 'AppArmor must not be turned off: the profile type is RuntimeDefault or Localhost.',
      'zh-cn': '不得关闭 AppArmor：配置类型只能是 RuntimeDefault 或 Localhost。',
    },
    why: {
      en: "An Unconfined AppArmor profile removes the mandatory access control that the container runtime applies by default, on nodes that support it.",
      'zh-cn': '在支持 AppArmor 的节点上，Unconfined 会去掉容器运行时默认施加的强制访问控制。',
    },
    remediation: {
      en: 'Set securityContext.appArmorProfile.type to RuntimeDefault (or Localhost with a profile), or remove the Unconfined annotation.',
      'zh-cn': '把 securityContext.appArmorProfile.type 设为 RuntimeDefault（或 Localhost 并指定配置），或删除值为 unconfined 的注解。',
    },
    fixSafety: {
      en: 'Usually safe: the runtime default profile only blocks actions ordinary programs never make.',
      'zh-cn': '通常是安全的：运行时默认配置只会阻止普通程序不会用到的操作。',
    },
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/apparmor/'],
    examples: {
      incorrect: 'securityContext:\n  appArmorProfile:\n    type: Unconfined',
      correct: 'securityContext:\n  appArmorProfile:\n    type: RuntimeDefault',
    },
  },
  messages: {
    podType: {
      en: 'forbidden AppArmor profile: the Pod must not set AppArmor profile type to "{{value}}"',
      'zh-cn': 'forbidden AppArmor profile（禁止的 AppArmor 配置）：Pod 不得把 AppArmor 配置类型设为 "{{value}}"',
    },
    containerType: {
      en: 'forbidden AppArmor profile: container "{{container}}" must not set AppArmor profile type to "{{value}}"',
      'zh-cn': 'forbidden AppArmor profile（禁止的 AppArmor 配置）：容器 "{{container}}" 不得把 AppArmor 配置类型设为 "{{value}}"',
    },
    annotation: {
      en: 'forbidden AppArmor profile: annotation {{key}} must not be "{{value}}"',
      'zh-cn': 'forbidden AppArmor profile（禁止的 AppArmor 配置）：注解 {{key}} 的值不得为 "{{value}}"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const podProfile = podSecurityContextOf(template.spec)?.appArmorProfile;
    if (!allowedType(podProfile)) {
      context.report({
        messageId: 'podType',
        data: { value: String((podProfile as { type?: unknown }).type ?? '') },
        path: [...template.specPath, 'securityContext', 'appArmorProfile', 'type'],
        target: 'value',
        fixes: [setFix('suggestion', [...template.specPath, 'securityContext', 'appArmorProfile', 'type'], 'RuntimeDefault')],
      });
    }
    for (const view of containersOf(template)) {
      const profile = securityContextOf(view.container)?.appArmorProfile;
      if (allowedType(profile)) continue;
      context.report({
        messageId: 'containerType',
        data: { container: view.name, value: String((profile as { type?: unknown }).type ?? '') },
        path: [...view.path, 'securityContext', 'appArmorProfile', 'type'],
        target: 'value',
        fixes: [setFix('suggestion', [...view.path, 'securityContext', 'appArmorProfile', 'type'], 'RuntimeDefault')],
      });
    }
    const annotations = template.metadata.annotations;
    if (typeof annotations !== 'object' || annotations === null) return;
    for (const [key, value] of Object.entries(annotations)) {
      if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(value)) continue;
      context.report({
        messageId: 'annotation',
        data: { key, value: String(value) },
        path: [...template.metadataPath, 'annotations', key],
        target: 'value',
        fixes: [setFix('suggestion', [...template.metadataPath, 'annotations', key], 'runtime/default', key)],
      });
    }
  },
});
