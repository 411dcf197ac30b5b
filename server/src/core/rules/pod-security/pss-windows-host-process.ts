/**
 * PSS baseline `windowsHostProcess`: Windows HostProcess containers run as a process of the node.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

function hostProcessOn(windowsOptions: unknown): boolean {
  return isRecord(windowsOptions) && windowsOptions.hostProcess === true;
}

export default defineRule({
  id: 'pss-windows-host-process',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'windowsHostProcess', since: 0 },
  docs: {
    title: { en: 'Windows HostProcess containers', 'zh-cn': 'Windows HostProcess 容器' },
    summary: {
      en: 'Pods must not set windowsOptions.hostProcess to true.',
      'zh-cn': 'Pod 不得把 windowsOptions.hostProcess 设为 true。',
    },
    why: {
      en: 'A HostProcess container runs directly on the Windows node with host access, the Windows counterpart of a privileged container.',
      'zh-cn': 'HostProcess 容器直接在 Windows 节点上运行并拥有宿主机访问权限，相当于 Windows 上的特权容器。',
    },
    remediation: {
      en: 'Remove hostProcess or set it to false.',
      'zh-cn': '删除 hostProcess 或改为 false。',
    },
    fixSafety: {
      en: 'Changes behaviour: node-management agents stop working.',
      'zh-cn': '会改变行为：管理节点的代理程序将无法工作。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'securityContext:\n  windowsOptions:\n    hostProcess: true',
      correct: 'securityContext:\n  windowsOptions:\n    hostProcess: false',
    },
  },
  messages: {
    pod: {
      en: 'hostProcess: the Pod must not set securityContext.windowsOptions.hostProcess=true',
      'zh-cn': 'hostProcess（宿主机进程）：Pod 不得设置 securityContext.windowsOptions.hostProcess=true',
    },
    container: {
      en: 'hostProcess: container "{{container}}" must not set securityContext.windowsOptions.hostProcess=true',
      'zh-cn': 'hostProcess（宿主机进程）：容器 "{{container}}" 不得设置 securityContext.windowsOptions.hostProcess=true',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (hostProcessOn(podSecurityContextOf(template.spec)?.windowsOptions)) {
      const path = [...template.specPath, 'securityContext', 'windowsOptions', 'hostProcess'];
      context.report({ messageId: 'pod', path, target: 'value', fixes: [setFix('suggestion', path, false)] });
    }
    for (const view of containersOf(template)) {
      if (!hostProcessOn(securityContextOf(view.container)?.windowsOptions)) continue;
      context.report({
        messageId: 'container',
        data: { container: view.name },
        path: [...view.path, 'securityContext', 'windowsOptions', 'hostProcess'],
        target: 'value',
        fixes: [setFix('suggestion', [...view.path, 'securityContext', 'windowsOptions', 'hostProcess'], false)],
      });
    }
  },
});
