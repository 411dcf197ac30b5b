/**
 * LoadBalancer Services that any address can reach: no `spec.loadBalancerSourceRanges` (nor the
 * older source-ranges annotation), or a range that is the whole Internet. Load balancers that a
 * cloud annotation makes internal are not public and are skipped.
 */
import { defineRule } from '../define-rule';
import { isWholeFamily } from '../../model/cidr';
import { arrayAt } from '../../model/values';

import { isInternalLoadBalancer, serviceOf, SOURCE_RANGES_ANNOTATION, sourceRangesAnnotation } from '../shared/services';

export default defineRule({
  id: 'service-load-balancer-source-ranges',
  checklist: ['network/restrict-loadbalancer-externalip'],
  scope: { kinds: ['Service'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Public load balancer without source ranges', 'zh-cn': '未限制来源地址的公网负载均衡器' },
    summary: {
      en: 'A Service of type LoadBalancer should list the client networks allowed to reach it in spec.loadBalancerSourceRanges, unless it is an internal load balancer.',
      'zh-cn': 'LoadBalancer 类型的 Service 应在 spec.loadBalancerSourceRanges 中列出允许访问的客户端网段，内部负载均衡器除外。',
    },
    why: {
      en: 'Without source ranges the cloud load balancer accepts connections from every address on the Internet, so the workload behind it is public. Internal load balancers are recognised by the annotations of AWS (aws-load-balancer-internal, aws-load-balancer-scheme: internal, and the AWS Load Balancer Controller default), Google Cloud (networking.gke.io/load-balancer-type and cloud.google.com/load-balancer-type: Internal), Azure (azure-load-balancer-internal), Oracle Cloud, OpenStack, Alibaba Cloud (intranet) and IBM Cloud (private).',
      'zh-cn': '不设置来源地址范围时，云负载均衡器接受来自互联网任意地址的连接，其后的工作负载即对公网开放。以下注解会被识别为内部负载均衡器：AWS（aws-load-balancer-internal、aws-load-balancer-scheme: internal 以及 AWS Load Balancer Controller 的默认值）、Google Cloud（networking.gke.io/load-balancer-type 与 cloud.google.com/load-balancer-type 为 Internal）、Azure（azure-load-balancer-internal）、Oracle Cloud、OpenStack、阿里云（intranet）和 IBM Cloud（private）。',
    },
    remediation: {
      en: 'Set spec.loadBalancerSourceRanges to the networks that need access, make the load balancer internal with your cloud\'s annotation, or use a ClusterIP Service behind an Ingress or Gateway.',
      'zh-cn': '把 spec.loadBalancerSourceRanges 设为确实需要访问的网段，或用云厂商的注解把负载均衡器设为内部，或改用 ClusterIP Service 并通过 Ingress 或 Gateway 暴露。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients outside the listed ranges can no longer connect.',
      'zh-cn': '会改变行为：不在所列网段内的客户端将无法连接。',
    },
    references: [
      'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 443',
      correct:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: LoadBalancer\n  loadBalancerSourceRanges:\n    - 203.0.113.0/24\n  selector:\n    app: web\n  ports:\n    - port: 443',
    },
  },
  messages: {
    missing: {
      en: 'Service "{{name}}" is a LoadBalancer without loadBalancerSourceRanges: every address on the Internet can reach it',
      'zh-cn': 'Service "{{name}}" 是未设置 loadBalancerSourceRanges 的 LoadBalancer：互联网上的任意地址都能访问它',
    },
    openRange: {
      en: 'Service "{{name}}" allows {{range}} as a load balancer source range: every address can reach it',
      'zh-cn': 'Service "{{name}}" 的负载均衡器来源范围包含 {{range}}：任意地址都能访问它',
    },
  },
  check(context, resource) {
    const service = serviceOf(resource);
    if (!service || service.type !== 'LoadBalancer' || isInternalLoadBalancer(service)) return;
    const ranges = arrayAt(service.spec, 'loadBalancerSourceRanges');
    if (ranges.length > 0) {
      // The field wins over the annotation when both are set.
      ranges.forEach((range, index) => {
        if (isWholeFamily(range)) {
          context.report({ messageId: 'openRange', data: { name: service.name, range: String(range) }, path: ['spec', 'loadBalancerSourceRanges', index] });
        }
      });
      return;
    }
    const annotated = sourceRangesAnnotation(service);
    if (annotated) {
      const open = annotated.split(',').map((range) => range.trim()).find((range) => isWholeFamily(range));
      if (open) {
        context.report({ messageId: 'openRange', data: { name: service.name, range: open }, path: ['metadata', 'annotations', SOURCE_RANGES_ANNOTATION] });
      }
      return;
    }
    context.report({ messageId: 'missing', data: { name: service.name }, path: ['spec', 'type'] });
  },
});
