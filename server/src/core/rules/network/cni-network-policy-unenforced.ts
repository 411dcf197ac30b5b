/**
 * The CNI plugin installed by the workspace enforces NetworkPolicy (checklist
 * network/cni-network-policy). The CNI is read from its agent DaemonSets (Calico, Cilium, Antrea,
 * Weave Net, kube-router and Canal enforce policies; flannel alone does not) and from a kind cluster
 * configuration (kindnet unless `networking.disableDefaultCNI`). With only non-enforcing plugins,
 * the finding sits on the agent's image, and every NetworkPolicy gets a warning: it is not enforced.
 * With no CNI in the files the item is not applicable (the scorecard's `evidence: 'cni'`).
 */
import { defineRule } from '../define-rule';
import { CniEvidence, cniOf } from '../../model/cni';
import type { Resource } from '../../model/resource';

export default defineRule({
  id: 'cni-network-policy-unenforced',
  checklist: ['network/cni-network-policy'],
  scope: 'workspace',
  inputKinds: ['DaemonSet', 'Cluster'],
  evidence: 'cni',
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'CNI plugin does not enforce NetworkPolicy', 'zh-cn': 'CNI 插件不执行 NetworkPolicy' },
    summary: {
      en: 'The CNI installed by the manifests of the workspace should enforce NetworkPolicy: Calico, Cilium, Antrea, Weave Net, kube-router and Canal do; flannel alone and kindnet do not.',
      'zh-cn': '工作区清单所安装的 CNI 应当执行 NetworkPolicy：Calico、Cilium、Antrea、Weave Net、kube-router 和 Canal 会执行；单独的 flannel 和 kindnet 不会。',
    },
    why: {
      en: 'The API server accepts NetworkPolicy objects whatever the network plugin is, but only the plugin applies them. With a plugin that only routes packets, every policy is silently ignored: the namespaces look isolated on paper and are open in fact. The plugin is recognised by the container images of its agent DaemonSet (a Helm-rendered Cilium counts), and a kind cluster configuration runs kindnet unless networking.disableDefaultCNI is set. When the files hold no CNI at all, the item stays not applicable: the cluster may get its network from a managed service.',
      'zh-cn': '无论使用哪种网络插件，API 服务器都会接受 NetworkPolicy 对象，但真正执行它们的是插件。如果插件只负责转发数据包，所有策略都会被悄悄忽略：名字空间看上去是隔离的，实际上却是开放的。插件通过其代理 DaemonSet 的容器镜像识别（Helm 渲染出的 Cilium 也算）；kind 集群配置在未设置 networking.disableDefaultCNI 时使用 kindnet。文件中完全没有 CNI 时，此项保持“不适用”：集群的网络可能由托管服务提供。',
    },
    remediation: {
      en: 'Install a plugin that enforces NetworkPolicy (Calico, Cilium, Antrea ...), or run Canal (Calico policy on top of flannel); for kind, set networking.disableDefaultCNI: true and install one of them.',
      'zh-cn': '安装能执行 NetworkPolicy 的插件（Calico、Cilium、Antrea 等），或使用 Canal（在 flannel 之上叠加 Calico 策略）；对于 kind，设置 networking.disableDefaultCNI: true 并安装其中一种插件。',
    },
    fixSafety: {
      en: 'No automatic fix: replacing the network plugin of a cluster interrupts its traffic.',
      'zh-cn': '没有自动修复：更换集群的网络插件会中断其流量。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#prerequisites',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: kube-flannel-ds\n  namespace: kube-flannel\nspec:\n  selector:\n    matchLabels: {app: flannel}\n  template:\n    metadata:\n      labels: {app: flannel}\n    spec:\n      containers:\n        - name: kube-flannel\n          image: docker.io/flannel/flannel:v0.25.1',
      correct:
        'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: cilium\n  namespace: kube-system\nspec:\n  selector:\n    matchLabels: {k8s-app: cilium}\n  template:\n    metadata:\n      labels: {k8s-app: cilium}\n    spec:\n      containers:\n        - name: cilium-agent\n          image: quay.io/cilium/cilium:v1.16.1',
    },
  },
  messages: {
    notEnforcing: {
      en: 'The CNI installed here ({{plugin}}) does not enforce NetworkPolicy, and no plugin that does is installed',
      'zh-cn': '此处安装的 CNI（{{plugin}}）不执行 NetworkPolicy，且没有安装能执行它的插件',
    },
    policyNotEnforced: {
      en: 'NetworkPolicy "{{name}}" is not enforced: the only CNI in the workspace ({{plugin}}) ignores network policies',
      'zh-cn': 'NetworkPolicy "{{name}}" 不会生效：工作区中唯一的 CNI（{{plugin}}）忽略网络策略',
    },
    cni: {
      en: 'The CNI that ignores the policy ({{plugin}})',
      'zh-cn': '忽略该策略的 CNI（{{plugin}}）',
    },
  },
  checkWorkspace(context, index) {
    const installed: { resource: Resource; cni: CniEvidence }[] = [];
    for (const resource of index.resources) {
      const cni = cniOf(resource);
      if (cni) installed.push({ resource, cni });
    }
    // Any enforcing plugin settles the item; none at all leaves it not applicable.
    if (installed.length === 0 || installed.some(({ cni }) => cni.enforces)) return;
    const first = installed[0];
    const plugin = first.cni.plugin;
    for (const { resource, cni } of installed) {
      context.report({ resource, path: cni.path, target: cni.target, messageId: 'notEnforcing', data: { plugin: cni.plugin } });
    }
    for (const policy of index.resources) {
      if (policy.kind !== 'NetworkPolicy' || !policy.apiVersion.startsWith('networking.k8s.io/')) continue;
      context.report({
        resource: policy,
        path: ['metadata', 'name'],
        messageId: 'policyNotEnforced',
        data: { name: policy.name ?? '', plugin },
        related: [{ resource: first.resource, path: first.cni.path, target: first.cni.target, messageId: 'cni', data: { plugin } }],
      });
    }
  },
});
