/**
 * Services with `spec.externalIPs`: every node answers for those addresses, and whoever may create
 * Services can claim any address, including one of another tenant (CVE-2020-8554).
 */
import { defineRule } from '../define-rule';
import { removeItemFix } from '../../edits/fix-builders';

import { externalIpsOf, serviceOf } from '../shared/services';

export default defineRule({
  id: 'service-external-ips',
  checklist: ['network/restrict-loadbalancer-externalip'],
  scope: { kinds: ['Service'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Service external IPs', 'zh-cn': 'Service 外部 IP' },
    summary: {
      en: 'Services should not set spec.externalIPs; the checklist asks to restrict their use.',
      'zh-cn': 'Service 不应设置 spec.externalIPs；安全检查清单要求限制其使用。',
    },
    why: {
      en: 'kube-proxy on every node intercepts traffic to an external IP and sends it to the Service, and the API server does not check who owns the address. Anyone allowed to create or patch Services can take over traffic meant for another address, inside or outside the cluster (CVE-2020-8554). The DenyServiceExternalIPs admission plugin, or a policy that allows only approved addresses, closes the hole.',
      'zh-cn': '每个节点上的 kube-proxy 都会拦截发往外部 IP 的流量并转给该 Service，而 API 服务器不会校验这个地址归谁所有。任何能创建或修改 Service 的人都能劫持发往集群内外其他地址的流量（CVE-2020-8554）。启用 DenyServiceExternalIPs 准入插件，或用策略只允许经批准的地址，即可堵住这个漏洞。',
    },
    remediation: {
      en: 'Remove spec.externalIPs and expose the Service through a LoadBalancer, an Ingress or a Gateway; enable DenyServiceExternalIPs on the API server, or allow only approved addresses with an admission policy.',
      'zh-cn': '删除 spec.externalIPs，改用 LoadBalancer、Ingress 或 Gateway 暴露 Service；在 API 服务器上启用 DenyServiceExternalIPs，或用准入策略只允许经批准的地址。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients that connect to the external IP lose access until another way in exists.',
      'zh-cn': '会改变行为：在提供其他访问方式之前，连接该外部 IP 的客户端将无法访问。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/service/#external-ips',
      'https://github.com/kubernetes/kubernetes/issues/97076',
      'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/#denyserviceexternalips',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n  externalIPs:\n    - 198.51.100.7',
      correct: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80',
    },
  },
  messages: {
    externalIp: {
      en: 'Service "{{name}}" claims the external IP {{ip}}: restrict externalIPs (CVE-2020-8554)',
      'zh-cn': 'Service "{{name}}" 声明了外部 IP {{ip}}：应限制 externalIPs 的使用（CVE-2020-8554）',
    },
  },
  check(context, resource) {
    const service = serviceOf(resource);
    if (!service) return;
    externalIpsOf(service).forEach((ip, index) => {
      if (typeof ip !== 'string' || ip.trim() === '') return;
      const path = ['spec', 'externalIPs', index];
      context.report({ messageId: 'externalIp', data: { name: service.name, ip: ip.trim() }, path, fixes: [removeItemFix('suggestion', path, ip)] });
    });
  },
});
