/**
 * Every workload is selected by NetworkPolicies that isolate both Ingress and Egress (checklist
 * network/policies-all-workloads). A policy selects the Pods of its namespace whose labels match
 * its podSelector (matchLabels and matchExpressions); its policyTypes are defaulted as the API
 * server does. In a namespace without any NetworkPolicy the finding is made once, on the
 * namespace (its Namespace object, else its first workload); otherwise on each workload left open.
 */
import { defineRule } from '../define-rule';
import { WORKLOAD_KINDS } from '../../model/pod-spec';
import type { RelatedReport } from '../types';
import { judgedNamespaces, namespaceLabel, policiesIn, selects, workloadList } from '../shared/network-policy-model';

const RELATED_LIMIT = 10;

export default defineRule({
  id: 'network-policy-workload-coverage',
  checklist: ['network/policies-all-workloads'],
  scope: 'workspace',
  inputKinds: WORKLOAD_KINDS,
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Workload without ingress and egress network policies', 'zh-cn': '工作负载缺少入站和出站网络策略' },
    summary: {
      en: 'The Pods of every workload should be selected by NetworkPolicies of their namespace that isolate both Ingress and Egress.',
      'zh-cn': '每个工作负载的 Pod 都应被其名字空间中同时隔离入站（Ingress）和出站（Egress）的 NetworkPolicy 选中。',
    },
    why: {
      en: 'A Pod is isolated in a direction only when some policy selecting it lists that direction; until then all traffic in that direction is allowed. A policy selects Pods by their labels (the Pod template labels of a Deployment, StatefulSet, Job ...), with matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist). When policyTypes is omitted the API server assumes Ingress, and Egress only when the policy has egress rules, so a policy with ingress rules alone leaves egress open. Pods on the host network are not covered by NetworkPolicy and are skipped; so are workloads without a known namespace (see network-policy-default-deny) and namespaces governed by policies of other engines.',
      'zh-cn': '只有当某条选中该 Pod 的策略列出了某个方向时，Pod 才会在该方向上被隔离；在此之前该方向的所有流量都是放行的。策略按 Pod 的标签选择 Pod（Deployment、StatefulSet、Job 等用的是 Pod 模板的标签），支持 matchLabels 和 matchExpressions（In、NotIn、Exists、DoesNotExist）。省略 policyTypes 时，API 服务器默认为 Ingress，只有策略含有 egress 规则时才加上 Egress，因此只写了 ingress 规则的策略不会限制出站。使用主机网络的 Pod 不受 NetworkPolicy 约束，因此跳过；名字空间未知的工作负载（见 network-policy-default-deny）和由其他引擎策略管理的名字空间也跳过。',
    },
    remediation: {
      en: 'Make sure some NetworkPolicy selecting the workload lists Ingress and some lists Egress in policyTypes; a default-deny policy (podSelector {}, both types) covers every workload of its namespace.',
      'zh-cn': '确保选中该工作负载的策略中，有的在 policyTypes 中列出 Ingress，有的列出 Egress；一条默认拒绝策略（podSelector {}，两个方向）即可覆盖其名字空间中的所有工作负载。',
    },
    fixSafety: {
      en: 'Changes behaviour: an isolating policy drops all traffic of that direction that no policy allows.',
      'zh-cn': '会改变行为：隔离策略会丢弃该方向上所有未被任何策略放行的流量。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web-ingress\n  namespace: shop\nspec:\n  podSelector:\n    matchLabels: {app: web}\n  ingress:\n    - ports: [{port: 8080}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
      correct:
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  podSelector:\n    matchExpressions:\n      - {key: app, operator: In, values: [web]}\n  policyTypes: [Ingress, Egress]\n  ingress:\n    - ports: [{port: 8080}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
    },
  },
  messages: {
    noPolicies: {
      en: 'Namespace "{{namespace}}" has no NetworkPolicy, so none of its {{count}} workload(s) is isolated: {{workloads}}',
      'zh-cn': '名字空间 "{{namespace}}" 没有任何 NetworkPolicy，其中 {{count}} 个工作负载都未被隔离：{{workloads}}',
    },
    notSelected: {
      en: 'No NetworkPolicy of namespace "{{namespace}}" selects the Pods of {{kind}} "{{name}}": their ingress and egress are open',
      'zh-cn': '名字空间 "{{namespace}}" 中没有 NetworkPolicy 选中 {{kind}} "{{name}}" 的 Pod：其入站和出站都是开放的',
    },
    noIngress: {
      en: 'The NetworkPolicies selecting {{kind}} "{{name}}" isolate egress only: its ingress is open',
      'zh-cn': '选中 {{kind}} "{{name}}" 的 NetworkPolicy 只隔离了出站：其入站是开放的',
    },
    noEgress: {
      en: 'The NetworkPolicies selecting {{kind}} "{{name}}" isolate ingress only: its egress is open (without egress rules, policyTypes defaults to Ingress)',
      'zh-cn': '选中 {{kind}} "{{name}}" 的 NetworkPolicy 只隔离了入站：其出站是开放的（没有 egress 规则时，policyTypes 默认只有 Ingress）',
    },
    workload: {
      en: '{{kind}} "{{name}}" is not isolated by any NetworkPolicy',
      'zh-cn': '{{kind}} "{{name}}" 没有被任何 NetworkPolicy 隔离',
    },
    selectingPolicy: {
      en: 'NetworkPolicy "{{policy}}" selects these Pods for {{directions}} only',
      'zh-cn': 'NetworkPolicy "{{policy}}" 只在 {{directions}} 方向上选中了这些 Pod',
    },
  },
  checkWorkspace(context, index) {
    for (const [namespace, workloads] of judgedNamespaces(index)) {
      const label = namespaceLabel(namespace);
      const policies = policiesIn(index, namespace);
      if (policies.length === 0) {
        const anchor = index.namespaceAnchor(namespace, workloads.map(({ resource }) => resource));
        if (!anchor || !context.wants(anchor.resource)) continue;
        const related: RelatedReport<'workload'>[] = workloads
          .filter(({ resource }) => resource !== anchor.resource)
          .slice(0, RELATED_LIMIT)
          .map(({ resource }) => ({ resource, path: ['metadata', 'name'], messageId: 'workload', data: { kind: resource.kind, name: resource.name ?? '' } }));
        context.report({ resource: anchor.resource, path: anchor.path, messageId: 'noPolicies', data: { namespace: label, count: workloads.length, workloads: workloadList(workloads) }, related });
        continue;
      }
      for (const workload of workloads) {
        if (!context.wants(workload.resource)) continue;
        const selecting = policies.filter((policy) => selects(policy, workload));
        const ingress = selecting.some((policy) => policy.ingress);
        const egress = selecting.some((policy) => policy.egress);
        if (ingress && egress) continue;
        const { resource } = workload;
        const related: RelatedReport<'selectingPolicy'>[] = selecting.map((policy) => ({
          resource: policy.resource,
          path: ['spec', 'podSelector'],
          target: 'key',
          messageId: 'selectingPolicy',
          data: { policy: policy.resource.name ?? '', directions: [policy.ingress ? 'Ingress' : '', policy.egress ? 'Egress' : ''].filter(Boolean).join(', ') },
        }));
        context.report({
          resource,
          path: [...workload.template.metadataPath, 'labels'],
          target: 'key',
          messageId: !ingress && !egress ? 'notSelected' : !ingress ? 'noIngress' : 'noEgress',
          data: { namespace: label, kind: resource.kind, name: resource.name ?? '' },
          related,
        });
      }
    }
  },
});
