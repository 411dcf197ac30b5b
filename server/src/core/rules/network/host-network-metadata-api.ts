/**
 * The manifest part of checklist item network/metadata-api-filtered: a Pod on the host network
 * sends its traffic from the node's own address, where NetworkPolicies do not apply, so nothing in
 * the cluster's policies can keep it from the cloud metadata API (169.254.169.254) and the node
 * credentials it serves. pss-host-namespaces reports the same field as a Pod Security violation;
 * this rule serves the other item, with its own advice (filter on the node or at the cloud).
 * Info by default for that reason.
 */
import { defineRule } from '../define-rule';
import { POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'host-network-metadata-api',
  checklist: ['network/metadata-api-filtered'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Host network reaches the metadata API', 'zh-cn': '主机网络可访问元数据 API' },
    summary: {
      en: 'Pods with hostNetwork: true reach the cloud metadata API whatever the NetworkPolicies say.',
      'zh-cn': '设置了 hostNetwork: true 的 Pod 不受 NetworkPolicy 约束，可以访问云元数据 API。',
    },
    why: {
      en: 'On most clouds 169.254.169.254 hands out the node\'s identity and credentials to whoever asks from the node. NetworkPolicies filter Pod traffic only; a Pod on the host network speaks with the node\'s address, so an egress policy that blocks the metadata API for ordinary Pods does nothing for it.',
      'zh-cn': '在大多数云上，169.254.169.254 会把节点的身份和凭据交给从该节点发起请求的任何人。NetworkPolicy 只过滤 Pod 流量；使用主机网络的 Pod 以节点地址通信，因此对普通 Pod 屏蔽元数据 API 的出站策略对它不起作用。',
    },
    remediation: {
      en: 'Remove hostNetwork unless the workload is a node agent that needs it. For those that do, filter the metadata API on the node (iptables rules, IMDSv2 with a hop limit of 1, GKE Workload Identity metadata server) and give the workload its own identity.',
      'zh-cn': '除非工作负载是确实需要主机网络的节点代理，否则删除 hostNetwork。对确实需要的，在节点上过滤元数据 API（iptables 规则、跳数限制为 1 的 IMDSv2、GKE Workload Identity 元数据服务器），并为工作负载配置独立的身份。',
    },
    fixSafety: {
      en: 'Removing hostNetwork changes behaviour: the Pod gets its own address, and ports it opened on the node disappear.',
      'zh-cn': '删除 hostNetwork 会改变行为：Pod 将获得自己的地址，它在节点上打开的端口将不复存在。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect: 'hostNetwork: true',
      correct: 'hostNetwork: false',
    },
  },
  messages: {
    hostNetwork: {
      en: 'hostNetwork: true bypasses NetworkPolicies, so this Pod can reach the cloud metadata API (169.254.169.254) unless the node filters it',
      'zh-cn': 'hostNetwork: true 会绕过 NetworkPolicy，除非节点上做了过滤，该 Pod 可以访问云元数据 API（169.254.169.254）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (template.spec.hostNetwork !== true) return;
    context.report({ messageId: 'hostNetwork', path: [...template.specPath, 'hostNetwork'], target: 'value' });
  },
});
