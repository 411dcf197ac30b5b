/**
 * Placement by sensitivity (checklist pod-placement/by-sensitivity). A workload the configuration
 * marks sensitive should be kept on nodes chosen for it, so that an escape from a less trusted
 * container on the same node cannot reach it. Counted as placement: nodeName, nodeSelector, required
 * node affinity, its RuntimeClass's nodeSelector, or the PodNodeSelector annotation of its
 * Namespace. Tolerations alone let the Pod onto tainted nodes without keeping it there, and get
 * their own message. DaemonSets run on every node they select by design and are left out.
 */
import { defineRule } from '../define-rule';
import { hasDedicatedTolerations, isPinnedToNodes, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'sensitive-node-placement',
  checklist: ['pod-placement/by-sensitivity'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Sensitive workload not placed on chosen nodes', 'zh-cn': '敏感工作负载未部署到指定节点' },
    summary: {
      en: 'Workloads marked sensitive set a nodeSelector or required node affinity that keeps them on dedicated nodes.',
      'zh-cn': '被标记为敏感的工作负载应设置 nodeSelector 或必需的节点亲和性，使其只运行在专用节点上。',
    },
    why: {
      en: 'A container that escapes to its node can read everything the node runs. Keeping sensitive workloads on their own nodes (and tainting those nodes so that nothing else lands there) means an escape from an ordinary workload does not reach them. Only workloads marked sensitive (kube-checklist.io/sensitive: "true" or the configured selectors) are checked.',
      'zh-cn': '逃逸到节点上的容器可以读取该节点上运行的一切。把敏感工作负载放在专用节点上（并给这些节点加污点，使其他负载不会被调度上去），普通工作负载的逃逸就无法波及它们。只检查被标记为敏感的工作负载（kube-checklist.io/sensitive: "true" 或配置的选择器）。',
    },
    remediation: {
      en: 'Label and taint dedicated nodes, then give the workload a nodeSelector (or requiredDuringSchedulingIgnoredDuringExecution node affinity) for that label and a toleration for that taint. A PodNodeSelector annotation on the Namespace also works.',
      'zh-cn': '为专用节点打标签并加污点，然后为工作负载设置匹配该标签的 nodeSelector（或 requiredDuringSchedulingIgnoredDuringExecution 节点亲和性），以及容忍该污点的 toleration。也可以在名字空间上使用 PodNodeSelector 注解。',
    },
    fixSafety: {
      en: 'Changes scheduling: Pods stay Pending when no node carries the selected label.',
      'zh-cn': '会改变调度：没有节点带有所选标签时，Pod 会一直处于 Pending 状态。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/',
      'https://kubernetes.io/docs/concepts/scheduling-eviction/taint-and-toleration/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-placement',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vault\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  containers:\n    - name: vault\n      image: registry.example.com/vault:1.17',
      correct:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vault\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  nodeSelector:\n    node-role.example.com/secrets: ""\n  tolerations:\n    - key: node-role.example.com/secrets\n      operator: Exists\n      effect: NoSchedule\n  containers:\n    - name: vault\n      image: registry.example.com/vault:1.17',
    },
  },
  messages: {
    notPlaced: {
      en: 'Sensitive workload without placement: no nodeSelector, required node affinity or namespace node selector keeps it off nodes shared with other workloads',
      'zh-cn': '敏感工作负载未指定部署位置：没有 nodeSelector、必需的节点亲和性或名字空间节点选择器使其避开与其他工作负载共享的节点',
    },
    tolerationsOnly: {
      en: 'Sensitive workload with tolerations only: they let it onto tainted dedicated nodes, but without a nodeSelector or required node affinity it can still run anywhere',
      'zh-cn': '敏感工作负载只设置了容忍度：容忍度允许它调度到带污点的专用节点，但没有 nodeSelector 或必需的节点亲和性时，它仍可能运行在任何节点上',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (resource.kind === 'DaemonSet' || !context.isSensitive(resource)) return;
    if (isPinnedToNodes(context, resource, template.spec)) return;
    if (hasDedicatedTolerations(template.spec)) {
      context.report({ messageId: 'tolerationsOnly', path: [...template.specPath, 'tolerations'], target: 'key' });
    } else {
      context.report({ messageId: 'notPlaced', path: [...template.specPath, 'nodeSelector'], target: 'key' });
    }
  },
});
