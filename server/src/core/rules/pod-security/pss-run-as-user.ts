/**
 * PSS restricted `runAsUser` (v1.23+): neither the Pod nor a container may set runAsUser to 0.
 * From v1.35 Pods in a user namespace (`hostUsers: false`) are exempt. The suggestion removes the
 * field, so the image's user applies (runAsNonRoot then decides whether root may start).
 */
import { defineRule } from '../define-rule';
import { removeFix } from '../../edits/fix-builders';
import { containersOf, exemptAsUserNamespacePod, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';

export default defineRule({
  id: 'pss-run-as-user',
  checklist: ['pod-security/pss-enforced', 'images/non-root'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'runAsUser', since: 23 },
  docs: {
    title: { en: 'Root user ID', 'zh-cn': 'root 用户 ID' },
    summary: {
      en: 'securityContext.runAsUser must not be 0.',
      'zh-cn': 'securityContext.runAsUser 不得为 0。',
    },
    why: {
      en: 'UID 0 is root. Setting it explicitly overrides a non-root USER of the image.',
      'zh-cn': 'UID 0 就是 root。显式设置它会覆盖镜像中声明的非 root 用户。',
    },
    remediation: {
      en: 'Use a non-zero UID (for example 10001) or remove runAsUser to keep the image user.',
      'zh-cn': '改用非 0 的 UID（例如 10001），或删除 runAsUser 以沿用镜像中的用户。',
    },
    fixSafety: {
      en: 'May change behaviour: files owned by root inside the image become read-only to the program.',
      'zh-cn': '可能改变行为：镜像中属于 root 的文件对程序来说将变为只读。',
    },
    references: PSS_REFERENCES,
    examples: { incorrect: 'securityContext:\n  runAsUser: 0', correct: 'securityContext:\n  runAsUser: 10001' },
  },
  messages: {
    pod: {
      en: 'runAsUser=0: the Pod must not set securityContext.runAsUser=0',
      'zh-cn': 'runAsUser=0：Pod 不得设置 securityContext.runAsUser=0',
    },
    container: {
      en: 'runAsUser=0: container "{{container}}" must not set securityContext.runAsUser=0',
      'zh-cn': 'runAsUser=0：容器 "{{container}}" 不得设置 securityContext.runAsUser=0',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsUserNamespacePod(context, template.spec)) return;
    if (podSecurityContextOf(template.spec)?.runAsUser === 0) {
      const path = [...template.specPath, 'securityContext', 'runAsUser'];
      context.report({ messageId: 'pod', path, target: 'value', fixes: [removeFix('suggestion', path)] });
    }
    for (const view of containersOf(template)) {
      if (securityContextOf(view.container)?.runAsUser !== 0) continue;
      const path = [...view.path, 'securityContext', 'runAsUser'];
      context.report({ messageId: 'container', data: { container: view.name }, path, target: 'value', fixes: [removeFix('suggestion', path)] });
    }
  },
});
