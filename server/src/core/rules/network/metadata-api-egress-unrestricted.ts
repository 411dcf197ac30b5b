/**
 * Namespaces whose workloads may reach the cloud metadata API because nothing restricts their
 * egress (checklist network/metadata-api-filtered): no NetworkPolicy selecting their Pods isolates
 * Egress. One finding per namespace, on its Namespace object or first such workload, with the
 * workloads as related places. Egress rules that admit the metadata address are the business of
 * network-policy-metadata-egress; host-network Pods that of host-network-metadata-api.
 */
import { defineRule } from '../define-rule';
import { WORKLOAD_KINDS } from '../../model/pod-spec';
import type { RelatedReport } from '../types';
import { METADATA_ADDRESSES } from '../shared/metadata-egress';
import { judgedNamespaces, namespaceLabel, policiesIn, selects, workloadList } from '../shared/network-policy-model';

const RELATED_LIMIT = 10;

export default defineRule({
  id: 'metadata-api-egress-unrestricted',
  checklist: ['network/metadata-api-filtered'],
  scope: 'workspace',
  inputKinds: WORKLOAD_KINDS,
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Unrestricted egress reaches the cloud metadata API', 'zh-cn': '不受限制的出站流量可访问云元数据 API' },
    summary: {
      en: 'Workloads whose egress no NetworkPolicy restricts can reach the cloud metadata API at 169.254.169.254; restrict their egress, or block the address on the nodes.',
      'zh-cn': '出站流量没有被任何 NetworkPolicy 限制的工作负载可以访问 169.254.169.254 上的云元数据 API；请限制其出站流量，或在节点上屏蔽该地址。',
    },
    why: {
      en: 'On cloud VMs, the metadata API hands the node\'s credentials and bootstrap data to any local process that asks. A Pod whose egress is not isolated by any NetworkPolicy can ask too, and act with the node\'s cloud identity. Blocking may also happen outside the files (IMDSv2 with a hop limit of 1, GKE Workload Identity, a node firewall), which no manifest shows: this is why the rule reports at the information level. Workloads without a known namespace, host-network Pods and namespaces governed by policies of other engines are skipped.',
      'zh-cn': '在云虚拟机上，元数据 API 会把节点的凭据和引导数据交给任何发起请求的本地进程。出站流量没有被任何 NetworkPolicy 隔离的 Pod 同样可以请求，并以节点的云身份行事。屏蔽也可能发生在文件之外（跳数限制为 1 的 IMDSv2、GKE Workload Identity、节点防火墙），这些清单中看不到，因此本规则只报告为信息级别。名字空间未知的工作负载、使用主机网络的 Pod 以及由其他引擎策略管理的名字空间会被跳过。',
    },
    remediation: {
      en: 'Isolate egress with a NetworkPolicy that selects the workloads (a default-deny policy does it for the whole namespace), and allow only the destinations they need; an ipBlock for the Internet excepts 169.254.169.254/32. Block the address on the nodes as well.',
      'zh-cn': '用选中这些工作负载的 NetworkPolicy 隔离出站流量（默认拒绝策略可覆盖整个名字空间），只放行它们需要的目标；面向互联网的 ipBlock 要用 except 排除 169.254.169.254/32。同时在节点上屏蔽该地址。',
    },
    fixSafety: {
      en: 'Changes behaviour: isolating egress drops every connection no policy allows; workloads that use the node\'s metadata credentials lose them.',
      'zh-cn': '会改变行为：隔离出站后，所有未被策略放行的连接都会被丢弃；依赖节点元数据凭据的工作负载将无法获取凭据。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html',
    ],
    examples: {
      incorrect:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
      correct:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-egress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 0.0.0.0/0\n            except: [169.254.169.254/32]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
    },
  },
  messages: {
    unrestricted: {
      en: 'In namespace "{{namespace}}", no NetworkPolicy restricts the egress of {{count}} workload(s), which can reach the cloud metadata API {{address}}: {{workloads}}',
      'zh-cn': '在名字空间 "{{namespace}}" 中，有 {{count}} 个工作负载的出站流量没有被任何 NetworkPolicy 限制，可以访问云元数据 API {{address}}：{{workloads}}',
    },
    workload: {
      en: 'The egress of {{kind}} "{{name}}" is not restricted',
      'zh-cn': '{{kind}} "{{name}}" 的出站流量不受限制',
    },
  },
  checkWorkspace(context, index) {
    for (const [namespace, workloads] of judgedNamespaces(index)) {
      const label = namespaceLabel(namespace);
      const policies = policiesIn(index, namespace).filter((policy) => policy.egress);
      const open = workloads.filter((workload) => !policies.some((policy) => selects(policy, workload)));
      if (open.length === 0) continue;
      const anchor = index.namespaceAnchor(namespace, open.map(({ resource }) => resource));
      if (!anchor || !context.wants(anchor.resource)) continue;
      const related: RelatedReport<'workload'>[] = open
        .filter(({ resource }) => resource !== anchor.resource)
        .slice(0, RELATED_LIMIT)
        .map(({ resource }) => ({ resource, path: ['metadata', 'name'], messageId: 'workload', data: { kind: resource.kind, name: resource.name ?? '' } }));
      context.report({
        resource: anchor.resource,
        path: anchor.path,
        messageId: 'unrestricted',
        data: { namespace: label, count: open.length, workloads: workloadList(open), address: METADATA_ADDRESSES[0].text },
        related,
      });
    }
  },
});
