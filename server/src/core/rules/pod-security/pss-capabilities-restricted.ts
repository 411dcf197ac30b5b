/**
 * PSS restricted `capabilities_restricted` (v1.22+): every container drops ALL capabilities and adds
 * back at most NET_BIND_SERVICE. From v1.25 Windows Pods are exempt. Replaces the baseline rule; an
 * added capability outside baseline's allow-list breaks baseline too (a missing drop ALL does not).
 */
import { defineRule } from '../define-rule';
import { BASELINE_CAPABILITIES, containersOf, exemptAsWindowsPod, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { removeItemFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-capabilities-restricted',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'capabilities_restricted', since: 22, overrides: 'pss-capabilities-baseline' },
  docs: {
    title: { en: 'Unrestricted capabilities', 'zh-cn': '未收紧的 capabilities' },
    summary: {
      en: 'Containers must drop ALL capabilities and may add back only NET_BIND_SERVICE.',
      'zh-cn': '容器必须 drop ALL，之后最多只能加回 NET_BIND_SERVICE。',
    },
    why: {
      en: 'Runtimes grant a default set of capabilities (CHOWN, SETUID, NET_RAW on some runtimes ...) that most programs never use; each is a tool for an attacker inside the container.',
      'zh-cn': '容器运行时默认会授予一组 capabilities（CHOWN、SETUID，某些运行时还有 NET_RAW 等），大多数程序从不使用，却都可能被容器内的攻击者利用。',
    },
    remediation: {
      en: 'Set securityContext.capabilities.drop to ["ALL"] and keep at most NET_BIND_SERVICE in capabilities.add.',
      'zh-cn': '把 securityContext.capabilities.drop 设为 ["ALL"]，capabilities.add 中最多保留 NET_BIND_SERVICE。',
    },
    fixSafety: {
      en: 'May change behaviour: programs that change file ownership or switch users at start-up need those capabilities.',
      'zh-cn': '可能改变行为：启动时需要修改文件属主或切换用户的程序依赖这些 capabilities。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'securityContext:\n  capabilities:\n    add: ["NET_ADMIN"]',
      correct: 'securityContext:\n  capabilities:\n    drop: ["ALL"]\n    add: ["NET_BIND_SERVICE"]',
    },
  },
  messages: {
    missingDropAll: {
      en: 'unrestricted capabilities: container "{{container}}" must set securityContext.capabilities.drop=["ALL"]',
      'zh-cn': 'unrestricted capabilities（未收紧的 capabilities）：容器 "{{container}}" 必须设置 securityContext.capabilities.drop=["ALL"]',
    },
    forbiddenAdd: {
      en: 'unrestricted capabilities: container "{{container}}" must not include "{{capability}}" in securityContext.capabilities.add',
      'zh-cn': 'unrestricted capabilities（未收紧的 capabilities）：容器 "{{container}}" 的 securityContext.capabilities.add 中不得包含 "{{capability}}"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsWindowsPod(context, template.spec)) return;
    for (const view of containersOf(template)) {
      const capabilities = securityContextOf(view.container)?.capabilities;
      const capabilitiesPath = [...view.path, 'securityContext', 'capabilities'];
      const drop = Array.isArray(capabilities?.drop) ? capabilities.drop : [];
      if (!drop.includes('ALL')) {
        context.report({
          messageId: 'missingDropAll',
          data: { container: view.name },
          path: [...capabilitiesPath, 'drop'],
          target: 'key',
          fixes: [{ tier: 'suggestion', title: { id: 'dropAll', data: { container: view.name } }, ops: [{ op: 'append', path: [...capabilitiesPath, 'drop'], value: 'ALL' }] }],
        });
      }
      const added = Array.isArray(capabilities?.add) ? capabilities.add : [];
      added.forEach((capability, index) => {
        if (capability === 'NET_BIND_SERVICE') return;
        context.report({
          messageId: 'forbiddenAdd',
          data: { container: view.name, capability: String(capability) },
          path: [...capabilitiesPath, 'add', index],
          target: 'value',
          fixes: typeof capability === 'string' ? [removeItemFix('suggestion', [...capabilitiesPath, 'add', index], capability)] : [],
          breaksBaseline: !(typeof capability === 'string' && BASELINE_CAPABILITIES.has(capability)),
        });
      });
    }
  },
});
