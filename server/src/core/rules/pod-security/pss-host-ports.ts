/**
 * PSS baseline `hostPorts`: containers must not bind ports of the node.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES } from '../shared/pss';
import { removeFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-host-ports',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'hostPorts', since: 0 },
  docs: {
    title: { en: 'Host ports', 'zh-cn': '宿主机端口' },
    summary: { en: 'Containers must not set ports[].hostPort.', 'zh-cn': '容器不得设置 ports[].hostPort。' },
    why: {
      en: "A hostPort opens the port on the node's own address, outside NetworkPolicy and Service control, and pins the Pod to nodes where the port is free.",
      'zh-cn': 'hostPort 会在节点自己的地址上开放端口，不受 NetworkPolicy 和 Service 的管控，还会把 Pod 限制在该端口空闲的节点上。',
    },
    remediation: {
      en: 'Remove hostPort (or set it to 0) and publish the port with a Service.',
      'zh-cn': '删除 hostPort（或设为 0），通过 Service 暴露端口。',
    },
    fixSafety: {
      en: "Changes behaviour: clients that connect to the node's address on that port lose access.",
      'zh-cn': '会改变行为：直接连接节点地址上该端口的客户端将无法访问。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'ports:\n  - containerPort: 8080\n    hostPort: 8080',
      correct: 'ports:\n  - containerPort: 8080',
    },
  },
  messages: {
    hostPort: {
      en: 'hostPort: container "{{container}}" must not use hostPort {{port}}',
      'zh-cn': 'hostPort（宿主机端口）：容器 "{{container}}" 不得使用 hostPort {{port}}',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const ports = Array.isArray(view.container.ports) ? view.container.ports : [];
      ports.forEach((port, index) => {
        if (!isRecord(port) || typeof port.hostPort !== 'number' || port.hostPort === 0) return;
        context.report({
          messageId: 'hostPort',
          data: { container: view.name, port: port.hostPort },
          path: [...view.path, 'ports', index, 'hostPort'],
          target: 'value',
          fixes: [removeFix('suggestion', [...view.path, 'ports', index, 'hostPort'])],
        });
      });
    }
  },
});
