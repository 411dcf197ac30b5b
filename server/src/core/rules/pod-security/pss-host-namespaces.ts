/**
 * PSS baseline `hostNamespaces`: the Pod must not share the node's network, PID or IPC namespace.
 */
import { defineRule } from '../define-rule';
import { POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES } from '../shared/pss';
import { removeFix } from '../../edits/fix-builders';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export default defineRule({
  id: 'pss-host-namespaces',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'hostNamespaces', since: 0 },
  docs: {
    title: { en: 'Host namespaces', 'zh-cn': '宿主机命名空间' },
    summary: {
      en: 'Pods must not set hostNetwork, hostPID or hostIPC to true.',
      'zh-cn': 'Pod 不得把 hostNetwork、hostPID 或 hostIPC 设为 true。',
    },
    why: {
      en: "Sharing the node's namespaces lets the Pod see and talk to every process, socket and shared memory segment of the node, including the kubelet and the cloud metadata API.",
      'zh-cn': '共享节点的命名空间后，Pod 能看到并访问节点上的所有进程、网络端口和共享内存，包括 kubelet 和云厂商的元数据接口。',
    },
    remediation: {
      en: 'Remove the field or set it to false. Expose ports through a Service instead of the host network.',
      'zh-cn': '删除该字段或改为 false；需要对外提供端口时请使用 Service，而不是宿主机网络。',
    },
    fixSafety: {
      en: 'May change behaviour: node agents (CNI, monitoring) that need the host namespaces stop working.',
      'zh-cn': '可能改变行为：依赖宿主机命名空间的节点代理（CNI、监控等）将无法工作。',
    },
    references: PSS_REFERENCES,
    examples: { incorrect: 'spec:\n  hostNetwork: true', correct: 'spec:\n  hostNetwork: false' },
  },
  messages: {
    hostNamespace: {
      en: 'host namespaces: the Pod must not set {{field}}=true',
      'zh-cn': 'host namespaces（宿主机命名空间）：Pod 不得设置 {{field}}=true',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const field of HOST_NAMESPACE_FIELDS) {
      if (template.spec[field] === true) {
        context.report({
          messageId: 'hostNamespace',
          data: { field },
          path: [...template.specPath, field],
          target: 'value',
          fixes: [removeFix('suggestion', [...template.specPath, field])],
        });
      }
    }
  },
});
