/**
 * PSS baseline `seccompProfile_baseline`: seccomp must not be explicitly Unconfined. Before v1.19 the
 * policy reads the alpha annotations; from v1.19 the securityContext fields. At restricted v1.19+
 * `pss-seccomp-restricted` replaces it.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function unconfinedType(profile: unknown): boolean {
  return isRecord(profile) && profile.type === 'Unconfined';
}

export default defineRule({
  id: 'pss-seccomp-baseline',
  checklist: ['pod-security/pss-enforced', 'pod-security/seccomp'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'seccompProfile_baseline', since: 0 },
  docs: {
    title: { en: 'Unconfined seccomp', 'zh-cn': '关闭 seccomp' },
    summary: {
      en: 'The seccomp profile must not be Unconfined.',
      'zh-cn': 'seccomp 配置不得为 Unconfined。',
    },
    why: {
      en: 'Seccomp filters the system calls a container may make. Unconfined opens the whole kernel interface, including calls used in container escapes.',
      'zh-cn': 'seccomp 限制容器可以发起的系统调用。Unconfined 会开放全部内核接口，包括容器逃逸常用的系统调用。',
    },
    remediation: {
      en: 'Set seccompProfile.type to RuntimeDefault (or Localhost with a profile), or remove the unconfined annotation.',
      'zh-cn': '把 seccompProfile.type 设为 RuntimeDefault（或 Localhost 并指定配置），或删除值为 unconfined 的注解。',
    },
    fixSafety: {
      en: 'Usually safe: the runtime default profile blocks only rarely used system calls.',
      'zh-cn': '通常是安全的：运行时默认配置只会阻止很少用到的系统调用。',
    },
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
    examples: {
      incorrect: 'securityContext:\n  seccompProfile:\n    type: Unconfined',
      correct: 'securityContext:\n  seccompProfile:\n    type: RuntimeDefault',
    },
  },
  messages: {
    podType: {
      en: 'seccompProfile: the Pod must not set securityContext.seccompProfile.type to "Unconfined"',
      'zh-cn': 'seccompProfile（seccomp 配置）：Pod 不得把 securityContext.seccompProfile.type 设为 "Unconfined"',
    },
    containerType: {
      en: 'seccompProfile: container "{{container}}" must not set securityContext.seccompProfile.type to "Unconfined"',
      'zh-cn': 'seccompProfile（seccomp 配置）：容器 "{{container}}" 不得把 securityContext.seccompProfile.type 设为 "Unconfined"',
    },
    annotation: {
      en: 'seccompProfile: annotation {{key}} must not be "unconfined"',
      'zh-cn': 'seccompProfile（seccomp 配置）：注解 {{key}} 的值不得为 "unconfined"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (context.minorVersion < 19) {
      const annotations = isRecord(template.metadata.annotations) ? template.metadata.annotations : {};
      const keys = [POD_ANNOTATION, ...containersOf(template).map((view) => CONTAINER_ANNOTATION_PREFIX + view.name)];
      for (const key of new Set(keys)) {
        if (annotations[key] !== 'unconfined') continue;
        const path = [...template.metadataPath, 'annotations', key];
        context.report({ messageId: 'annotation', data: { key }, path, target: 'value', fixes: [setFix('suggestion', path, 'runtime/default', key)] });
      }
      return;
    }
    if (unconfinedType(podSecurityContextOf(template.spec)?.seccompProfile)) {
      const path = [...template.specPath, 'securityContext', 'seccompProfile', 'type'];
      context.report({ messageId: 'podType', path, target: 'value', fixes: [setFix('suggestion', path, 'RuntimeDefault')] });
    }
    for (const view of containersOf(template)) {
      if (!unconfinedType(securityContextOf(view.container)?.seccompProfile)) continue;
      context.report({
        messageId: 'containerType',
        data: { container: view.name },
        path: [...view.path, 'securityContext', 'seccompProfile', 'type'],
        target: 'value',
        fixes: [setFix('suggestion', [...view.path, 'securityContext', 'seccompProfile', 'type'], 'RuntimeDefault')],
      });
    }
  },
});
