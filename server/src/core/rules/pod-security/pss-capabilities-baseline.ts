/**
 * PSS baseline `capabilities_baseline`: containers may add only the capabilities a container
 * runtime grants by default. At restricted v1.22+ `pss-capabilities-restricted` replaces it.
 */
import { defineRule } from '../define-rule';
import { BASELINE_CAPABILITIES, containersOf, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { removeItemFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-capabilities-baseline',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'capabilities_baseline', since: 0 },
  docs: {
    title: { en: 'Non-default capabilities', 'zh-cn': '非默认 capabilities' },
    summary: {
      en: 'Containers must not add Linux capabilities beyond the runtime defaults.',
      'zh-cn': '容器不得添加容器运行时默认集合以外的 Linux capabilities。',
    },
    why: {
      en: 'Capabilities such as SYS_ADMIN, NET_ADMIN, NET_RAW or SYS_PTRACE give a container pieces of root power over the kernel and the network of the node.',
      'zh-cn': 'SYS_ADMIN、NET_ADMIN、NET_RAW、SYS_PTRACE 等 capabilities 相当于把内核和节点网络的一部分 root 权力交给了容器。',
    },
    remediation: {
      en: 'Remove the capability from securityContext.capabilities.add. Allowed: AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT.',
      'zh-cn': '从 securityContext.capabilities.add 中删除该项。允许的有：AUDIT_WRITE、CHOWN、DAC_OVERRIDE、FOWNER、FSETID、KILL、MKNOD、NET_BIND_SERVICE、SETFCAP、SETGID、SETPCAP、SETUID、SYS_CHROOT。',
    },
    fixSafety: {
      en: 'May change behaviour: the program loses the operation the capability allowed.',
      'zh-cn': '可能改变行为：程序将无法再执行该 capability 所允许的操作。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'securityContext:\n  capabilities:\n    add: ["NET_ADMIN"]',
      correct: 'securityContext:\n  capabilities:\n    add: ["NET_BIND_SERVICE"]',
    },
  },
  messages: {
    forbiddenCapability: {
      en: 'non-default capabilities: container "{{container}}" must not include "{{capability}}" in securityContext.capabilities.add',
      'zh-cn': 'non-default capabilities（非默认 capabilities）：容器 "{{container}}" 的 securityContext.capabilities.add 中不得包含 "{{capability}}"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const added = securityContextOf(view.container)?.capabilities?.add;
      if (!Array.isArray(added)) continue;
      added.forEach((capability, index) => {
        if (typeof capability === 'string' && BASELINE_CAPABILITIES.has(capability)) return;
        context.report({
          messageId: 'forbiddenCapability',
          data: { container: view.name, capability: String(capability) },
          path: [...view.path, 'securityContext', 'capabilities', 'add', index],
          target: 'value',
          fixes: typeof capability === 'string' ? [removeItemFix('suggestion', [...view.path, 'securityContext', 'capabilities', 'add', index], capability)] : [],
        });
      });
    }
  },
});
