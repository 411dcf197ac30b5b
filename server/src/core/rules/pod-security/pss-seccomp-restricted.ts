/**
 * PSS restricted `seccompProfile_restricted` (v1.19+): the Pod, or else every container, must set a
 * seccomp profile of type RuntimeDefault or Localhost, and nothing may set another type. From v1.25
 * Windows Pods are exempt. Replaces `pss-seccomp-baseline`; an explicit Unconfined breaks baseline too.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, exemptAsWindowsPod, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

function validType(profile: Record<string, unknown>): boolean {
  return profile.type === 'RuntimeDefault' || profile.type === 'Localhost';
}

export default defineRule({
  id: 'pss-seccomp-restricted',
  checklist: ['pod-security/pss-enforced', 'pod-security/seccomp'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'seccompProfile_restricted', since: 19, overrides: 'pss-seccomp-baseline' },
  docs: {
    title: { en: 'Seccomp profile required', 'zh-cn': '必须设置 seccomp 配置' },
    summary: {
      en: 'The Pod or every container must set seccompProfile.type to RuntimeDefault or Localhost.',
      'zh-cn': 'Pod 或每个容器都必须把 seccompProfile.type 设为 RuntimeDefault 或 Localhost。',
    },
    why: {
      en: 'Without a profile most runtimes run containers Unconfined: every system call of the kernel is reachable, including those used in container escapes.',
      'zh-cn': '不设置配置时，大多数运行时以 Unconfined 方式运行容器：内核的所有系统调用都可以调用，包括容器逃逸常用的那些。',
    },
    remediation: {
      en: 'Add `seccompProfile: {type: RuntimeDefault}` to spec.securityContext.',
      'zh-cn': '在 spec.securityContext 中加上 `seccompProfile: {type: RuntimeDefault}`。',
    },
    fixSafety: {
      en: 'Usually safe: the runtime default profile blocks only rarely used system calls.',
      'zh-cn': '通常是安全的：运行时默认配置只会阻止很少用到的系统调用。',
    },
    references: [...PSS_REFERENCES, 'https://kubernetes.io/docs/tutorials/security/seccomp/'],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: app:1.0',
      correct: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: app:1.0',
    },
  },
  messages: {
    podType: {
      en: 'seccompProfile: the Pod must not set securityContext.seccompProfile.type to "{{value}}"',
      'zh-cn': 'seccompProfile（seccomp 配置）：Pod 不得把 securityContext.seccompProfile.type 设为 "{{value}}"',
    },
    containerType: {
      en: 'seccompProfile: container "{{container}}" must not set securityContext.seccompProfile.type to "{{value}}"',
      'zh-cn': 'seccompProfile（seccomp 配置）：容器 "{{container}}" 不得把 securityContext.seccompProfile.type 设为 "{{value}}"',
    },
    missing: {
      en: 'seccompProfile: the Pod or container "{{container}}" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      'zh-cn': 'seccompProfile（seccomp 配置）：Pod 或容器 "{{container}}" 必须把 securityContext.seccompProfile.type 设为 "RuntimeDefault" 或 "Localhost"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsWindowsPod(context, template.spec)) return;
    const podProfile = podSecurityContextOf(template.spec)?.seccompProfile;
    let podSet = false;
    if (isRecord(podProfile)) {
      if (validType(podProfile)) podSet = true;
      else {
        const path = [...template.specPath, 'securityContext', 'seccompProfile', 'type'];
        context.report({ messageId: 'podType', data: { value: String(podProfile.type ?? '') }, path, target: 'value', fixes: [setFix('suggestion', path, 'RuntimeDefault')], breaksBaseline: podProfile.type === 'Unconfined' });
      }
    }
    const containers = containersOf(template);
    const noContainerProfile = containers.every((view) => !isRecord(securityContextOf(view.container)?.seccompProfile));
    const podTypePath = [...template.specPath, 'securityContext', 'seccompProfile', 'type'];
    for (const view of containers) {
      const profile = securityContextOf(view.container)?.seccompProfile;
      const path = [...view.path, 'securityContext', 'seccompProfile', 'type'];
      if (isRecord(profile)) {
        if (!validType(profile)) {
          context.report({ messageId: 'containerType', data: { container: view.name, value: String(profile.type ?? '') }, path, target: 'value', fixes: [setFix('suggestion', path, 'RuntimeDefault')], breaksBaseline: profile.type === 'Unconfined' });
        }
      } else if (!podSet) {
        // Pod level when no container sets a profile (one line fixes them all), else this container.
        const fixPath = noContainerProfile && !isRecord(podProfile) && template.podFields ? podTypePath : path;
        context.report({ messageId: 'missing', data: { container: view.name }, path, target: 'value', fixes: [setFix('fix', fixPath, 'RuntimeDefault')] });
      }
    }
  },
});
