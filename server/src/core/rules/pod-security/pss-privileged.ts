/**
 * PSS baseline `privileged`: no container (init, regular or ephemeral) may run privileged.
 */
import { defineRule } from '../define-rule';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-privileged',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'privileged', since: 0 },
  docs: {
    title: { en: 'Privileged containers', 'zh-cn': '特权容器' },
    summary: {
      en: 'Containers must not set securityContext.privileged to true.',
      'zh-cn': '容器不得把 securityContext.privileged 设为 true。',
    },
    why: {
      en: 'A privileged container sees every device of the node and bypasses most kernel isolation: escaping to the host is trivial. The baseline Pod Security Standard forbids it.',
      'zh-cn': '特权容器可以访问节点上的所有设备，绕过大部分内核隔离，逃逸到宿主机几乎没有门槛。Pod 安全标准的 baseline 级别禁止这样做。',
    },
    remediation: {
      en: 'Remove `privileged: true` or set it to false. Grant only the specific capabilities the program needs instead.',
      'zh-cn': '删除 `privileged: true` 或改为 false；确实需要某项权限时，只授予对应的单个 capability。',
    },
    fixSafety: {
      en: 'May change behaviour: programs that manage devices or the network of the node stop working.',
      'zh-cn': '可能改变行为：需要操作节点设备或网络的程序将无法工作。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'securityContext:\n  privileged: true',
      correct: 'securityContext:\n  privileged: false',
    },
  },
  messages: {
    privileged: {
      en: 'privileged: container "{{container}}" must not set securityContext.privileged=true',
      'zh-cn': 'privileged（特权）：容器 "{{container}}" 不得设置 securityContext.privileged=true',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      if (securityContextOf(view.container)?.privileged === true) {
        context.report({
          messageId: 'privileged',
          data: { container: view.name },
          path: [...view.path, 'securityContext', 'privileged'],
          target: 'value',
          fixes: [setFix('suggestion', [...view.path, 'securityContext', 'privileged'], false)],
        });
      }
    }
  },
});
