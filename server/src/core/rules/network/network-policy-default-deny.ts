/**
 * Every namespace that runs workloads has a default-deny NetworkPolicy (checklist network/default-deny):
 * podSelector {} (every Pod of the namespace), Ingress and Egress isolated, no rules. Two policies
 * that deny one direction each count too. The finding sits on the Namespace object when the
 * workspace holds it, else on the first workload of the namespace, with the workloads (and a
 * one-way deny policy) as related places.
 */
import { defineRule } from '../define-rule';
import { WORKLOAD_KINDS } from '../../model/pod-spec';
import type { Fix } from '../../edits/types';
import type { RelatedReport } from '../types';
import { deniesAll, isImplicitNamespace, judgedNamespaces, namespaceLabel, policiesIn, workloadList } from '../shared/network-policy-model';

const RELATED_LIMIT = 10;

export default defineRule({
  id: 'network-policy-default-deny',
  checklist: ['network/default-deny'],
  scope: 'workspace',
  inputKinds: WORKLOAD_KINDS,
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Namespace without a default-deny NetworkPolicy', 'zh-cn': '名字空间缺少默认拒绝的 NetworkPolicy' },
    summary: {
      en: 'Each namespace that runs workloads should have a NetworkPolicy that selects every Pod (podSelector {}), lists both Ingress and Egress in policyTypes and allows nothing.',
      'zh-cn': '每个运行工作负载的名字空间都应有一条 NetworkPolicy：选中所有 Pod（podSelector {}），policyTypes 同时列出 Ingress 和 Egress，并且不放行任何流量。',
    },
    why: {
      en: 'A Pod that no NetworkPolicy selects accepts connections from anywhere in the cluster and may connect anywhere. A default-deny policy turns this around: traffic flows only where another policy allows it, so a new workload starts isolated instead of open. Policies of one direction only count for that direction; two policies (one denying ingress, one denying egress) together count as a default deny. Only namespaces that hold workloads in the analyzed files are checked; a manifest without metadata.namespace counts as namespace "default" when its file names namespaces elsewhere or the workspace defines the Namespace "default", otherwise the manifests of one folder without a namespace form one implicit namespace (shown as `folder/*`), which is checked when the folder holds a NetworkPolicy too, and skipped when it holds none (Kustomize or Helm usually decide its namespace). Namespaces with Cilium, Calico or Antrea policies, and workspaces with cluster-wide policies of those engines or AdminNetworkPolicy, are not judged.',
      'zh-cn': '没有任何 NetworkPolicy 选中的 Pod 会接受来自集群内任何地方的连接，也可以连接到任何地方。默认拒绝策略把这一点反过来：只有其他策略明确放行的流量才能通过，新的工作负载一开始就是隔离的，而不是开放的。只覆盖一个方向的策略只对该方向有效；两条策略（一条拒绝入站、一条拒绝出站）合在一起也算默认拒绝。只检查在所分析文件中有工作负载的名字空间；没有 metadata.namespace 的清单，如果同一文件中别的资源写了名字空间，或者工作区定义了名为 "default" 的 Namespace，就算作 "default" 名字空间，否则同一文件夹中没有名字空间的清单构成一个隐含的名字空间（显示为 `文件夹/*`）：该文件夹中也有 NetworkPolicy 时对其进行检查，没有时跳过（其名字空间通常由 Kustomize 或 Helm 决定）。含有 Cilium、Calico 或 Antrea 策略的名字空间，以及含有这些引擎的集群级策略或 AdminNetworkPolicy 的工作区，不做判断。',
    },
    remediation: {
      en: 'Add to the namespace a NetworkPolicy with `podSelector: {}`, `policyTypes: [Ingress, Egress]` and no `ingress` or `egress` rules, then allow the traffic each workload needs (including DNS egress) with further policies.',
      'zh-cn': '在该名字空间中添加一条 NetworkPolicy：`podSelector: {}`、`policyTypes: [Ingress, Egress]`，不写 `ingress` 和 `egress` 规则；然后用其他策略放行每个工作负载确实需要的流量（包括 DNS 出站）。',
    },
    fixSafety: {
      en: 'Changes behaviour: once the policy exists, every connection that no other policy allows is dropped, DNS lookups included.',
      'zh-cn': '会改变行为：策略生效后，所有未被其他策略放行的连接都会被丢弃，包括 DNS 查询。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
      correct:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n        - name: web\n          image: registry.example.com/web:2.1',
    },
  },
  messages: {
    missing: {
      en: 'Namespace "{{namespace}}" has no default-deny NetworkPolicy; {{count}} workload(s) run there unisolated: {{workloads}}',
      'zh-cn': '名字空间 "{{namespace}}" 没有默认拒绝的 NetworkPolicy；其中 {{count}} 个工作负载未被隔离：{{workloads}}',
    },
    missingIngress: {
      en: 'Namespace "{{namespace}}" denies egress by default but not ingress: add a policy with podSelector {}, policyTypes [Ingress] and no ingress rules',
      'zh-cn': '名字空间 "{{namespace}}" 默认拒绝出站，但没有默认拒绝入站：请添加一条 podSelector {}、policyTypes [Ingress] 且没有 ingress 规则的策略',
    },
    missingEgress: {
      en: 'Namespace "{{namespace}}" denies ingress by default but not egress: add a policy with podSelector {}, policyTypes [Egress] and no egress rules',
      'zh-cn': '名字空间 "{{namespace}}" 默认拒绝入站，但没有默认拒绝出站：请添加一条 podSelector {}、policyTypes [Egress] 且没有 egress 规则的策略',
    },
    workload: {
      en: '{{kind}} "{{name}}" runs in namespace "{{namespace}}", which has no complete default-deny policy',
      'zh-cn': '{{kind}} "{{name}}" 运行在名字空间 "{{namespace}}" 中，该名字空间没有完整的默认拒绝策略',
    },
    oneWayPolicy: {
      en: 'This policy denies {{direction}} for every Pod of the namespace, but not the other direction',
      'zh-cn': '这条策略为名字空间内所有 Pod 拒绝了 {{direction}}，但没有拒绝另一个方向',
    },
  },
  checkWorkspace(context, index) {
    for (const [namespace, workloads] of judgedNamespaces(index)) {
      const label = namespaceLabel(namespace);
      const anchor = index.namespaceAnchor(namespace, workloads.map(({ resource }) => resource));
      if (!anchor || !context.wants(anchor.resource)) continue;
      const policies = policiesIn(index, namespace);
      const ingress = policies.find((policy) => deniesAll(policy, 'ingress'));
      const egress = policies.find((policy) => deniesAll(policy, 'egress'));
      if (ingress && egress) continue;
      const related: RelatedReport<'workload' | 'oneWayPolicy'>[] = workloads
        .filter(({ resource }) => resource !== anchor.resource)
        .slice(0, RELATED_LIMIT)
        .map(({ resource }) => ({ resource, path: ['metadata', 'name'], messageId: 'workload', data: { kind: resource.kind, name: resource.name ?? '', namespace: label } }));
      const oneWay = ingress ?? egress;
      if (oneWay) related.unshift({ resource: oneWay.resource, path: ['spec', 'podSelector'], target: 'key', messageId: 'oneWayPolicy', data: { direction: ingress ? 'Ingress' : 'Egress' } });
      const missing: PolicyDirection[] = [...(ingress ? [] : ['Ingress' as const]), ...(egress ? [] : ['Egress' as const])];
      context.report({
        resource: anchor.resource,
        path: anchor.path,
        messageId: !ingress && !egress ? 'missing' : !ingress ? 'missingIngress' : 'missingEgress',
        data: { namespace: label, count: workloads.length, workloads: workloadList(workloads) },
        related,
        fixes: [defaultDenyFix(namespace, missing)],
      });
    }
  },
});

type PolicyDirection = 'Ingress' | 'Egress';

/** A new file beside the finding's with the policy the namespace lacks (a suggestion: it drops traffic). */
function defaultDenyFix(namespace: string, directions: readonly PolicyDirection[]): Fix {
  const both = directions.length === 2;
  const suffix = both ? 'default-deny' : `default-deny-${directions[0].toLowerCase()}`;
  // The implicit namespace of a folder: a policy without metadata.namespace, applied with the folder.
  const implicit = isImplicitNamespace(namespace);
  const file = implicit ? `${suffix}.yaml` : `${namespace}-${suffix}.yaml`;
  const policy = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: (implicit ? { name: suffix } : { name: suffix, namespace }) as Record<string, string>,
    spec: { podSelector: {}, policyTypes: [...directions] },
  };
  return {
    tier: 'suggestion',
    title: both ? { id: 'newDefaultDeny', data: { namespace: namespaceLabel(namespace), file } } : { id: 'newDefaultDenyDirection', data: { namespace: namespaceLabel(namespace), file, direction: directions[0] } },
    ops: [],
    newFile: { name: file, documents: [policy] },
  };
}
