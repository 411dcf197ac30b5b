/**
 * PSS restricted `allowPrivilegeEscalation` (v1.8+): every container must explicitly set
 * allowPrivilegeEscalation to false. From v1.25 Windows Pods are exempt.
 */
import { defineRule } from '../define-rule';
import { containersOf, exemptAsWindowsPod, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-allow-privilege-escalation',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'allowPrivilegeEscalation', since: 8 },
  docs: {
    title: { en: 'Privilege escalation', 'zh-cn': '权限提升' },
    summary: {
      en: 'Every container must set securityContext.allowPrivilegeEscalation to false.',
      'zh-cn': '每个容器都必须把 securityContext.allowPrivilegeEscalation 设为 false。',
    },
    why: {
      en: "Unless it is false, a process can gain more privileges than its parent through setuid binaries or file capabilities (the kernel's no_new_privs flag stays off).",
      'zh-cn': '如果不设为 false，进程可以通过 setuid 程序或文件 capabilities 获得比父进程更多的权限（内核的 no_new_privs 标志不会开启）。',
    },
    remediation: {
      en: 'Add `allowPrivilegeEscalation: false` to the securityContext of each container.',
      'zh-cn': '在每个容器的 securityContext 中加上 `allowPrivilegeEscalation: false`。',
    },
    fixSafety: {
      en: 'Usually safe; programs that rely on setuid binaries (sudo, ping on old images) stop working.',
      'zh-cn': '通常是安全的；依赖 setuid 程序（sudo、旧镜像中的 ping 等）的功能会失效。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'containers:\n  - name: app\n    image: app:1.0',
      correct: 'containers:\n  - name: app\n    image: app:1.0\n    securityContext:\n      allowPrivilegeEscalation: false',
    },
  },
  messages: {
    missing: {
      en: 'allowPrivilegeEscalation != false: container "{{container}}" must set securityContext.allowPrivilegeEscalation=false',
      'zh-cn': 'allowPrivilegeEscalation != false：容器 "{{container}}" 必须设置 securityContext.allowPrivilegeEscalation=false',
    },
    enabled: {
      en: 'allowPrivilegeEscalation != false: container "{{container}}" sets securityContext.allowPrivilegeEscalation=true',
      'zh-cn': 'allowPrivilegeEscalation != false：容器 "{{container}}" 设置了 securityContext.allowPrivilegeEscalation=true，必须为 false',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsWindowsPod(context, template.spec)) return;
    for (const view of containersOf(template)) {
      const value = securityContextOf(view.container)?.allowPrivilegeEscalation;
      if (value === false) continue;
      context.report({
        messageId: value === true ? 'enabled' : 'missing',
        data: { container: view.name },
        path: [...view.path, 'securityContext', 'allowPrivilegeEscalation'],
        target: 'value',
        // Adding the missing `false` is the safe, expected fix; turning off an explicit `true` may not be.
        fixes: [setFix(value === true ? 'suggestion' : 'fix', [...view.path, 'securityContext', 'allowPrivilegeEscalation'], false)],
      });
    }
  },
});
