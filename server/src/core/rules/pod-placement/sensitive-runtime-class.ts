/**
 * Isolation or sandboxing of sensitive workloads (checklist pod-placement/isolated-or-sandboxed).
 * The item is met by either of two means, so the rule is quiet when the workload is kept on chosen
 * nodes (see isPinnedToNodes) and otherwise asks for a runtimeClassName. When the named
 * RuntimeClass is analyzed too and its handler is the ordinary runc or crun (no sandbox), that is
 * reported instead. Info by default: sandboxed runtimes need node support and cost performance.
 */
import { defineRule } from '../define-rule';
import { isPinnedToNodes, POD_TEMPLATE_KINDS, podTemplateOf, runtimeClassOf } from '../shared/workloads';

const PLAIN_HANDLERS = new Set(['runc', 'crun']);

export default defineRule({
  id: 'sensitive-runtime-class',
  checklist: ['pod-placement/isolated-or-sandboxed'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Sensitive workload neither isolated nor sandboxed', 'zh-cn': '敏感工作负载既未隔离也未沙箱化' },
    summary: {
      en: 'Workloads marked sensitive run on dedicated nodes or with a sandboxed RuntimeClass (gVisor, Kata Containers...).',
      'zh-cn': '被标记为敏感的工作负载应运行在专用节点上，或使用沙箱化的 RuntimeClass（gVisor、Kata Containers 等）。',
    },
    why: {
      en: 'Ordinary containers share the node kernel, so one kernel bug is enough to break out. A sandboxed runtime puts another kernel or a virtual machine between the workload and the node; dedicated nodes keep it away from less trusted workloads. The checklist asks for one or the other on sensitive applications.',
      'zh-cn': '普通容器共享节点内核，一个内核漏洞就足以逃逸。沙箱化运行时在工作负载与节点之间多加一层内核或虚拟机；专用节点则让它远离不太可信的工作负载。安全检查清单要求敏感应用二者取其一。',
    },
    remediation: {
      en: 'Set spec.runtimeClassName to a RuntimeClass whose handler is a sandbox (for example gVisor runsc or Kata), or keep the workload on dedicated nodes with a nodeSelector or required node affinity.',
      'zh-cn': '把 spec.runtimeClassName 设为处理器（handler）是沙箱的 RuntimeClass（例如 gVisor 的 runsc 或 Kata），或用 nodeSelector、必需的节点亲和性把工作负载固定在专用节点上。',
    },
    fixSafety: {
      en: 'Changes behaviour: sandboxed runtimes support fewer kernel features and cost performance, and Pods stay Pending on clusters without the runtime.',
      'zh-cn': '会改变行为：沙箱化运行时支持的内核功能较少且有性能开销，集群中没有该运行时的话 Pod 会一直处于 Pending 状态。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/containers/runtime-class/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-placement',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vault\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  containers:\n    - name: vault\n      image: registry.example.com/vault:1.17',
      correct:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: vault\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  runtimeClassName: gvisor\n  containers:\n    - name: vault\n      image: registry.example.com/vault:1.17',
    },
  },
  messages: {
    noRuntimeClass: {
      en: 'Sensitive workload neither sandboxed nor isolated: it sets no runtimeClassName and nothing keeps it on dedicated nodes',
      'zh-cn': '敏感工作负载既未沙箱化也未隔离：没有设置 runtimeClassName，也没有任何设置把它固定在专用节点上',
    },
    plainHandler: {
      en: 'RuntimeClass "{{runtimeClass}}" uses handler "{{handler}}", which is not a sandbox, and nothing keeps this sensitive workload on dedicated nodes',
      'zh-cn': 'RuntimeClass "{{runtimeClass}}" 使用的处理器 "{{handler}}" 不是沙箱，也没有任何设置把这个敏感工作负载固定在专用节点上',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (!context.isSensitive(resource) || isPinnedToNodes(context, resource, template.spec)) return;
    const name = template.spec.runtimeClassName;
    if (typeof name !== 'string' || name === '') {
      context.report({ messageId: 'noRuntimeClass', path: [...template.specPath, 'runtimeClassName'], target: 'key' });
      return;
    }
    const handler = runtimeClassOf(context, template.spec)?.value.handler;
    if (typeof handler === 'string' && PLAIN_HANDLERS.has(handler)) {
      context.report({ messageId: 'plainHandler', data: { runtimeClass: name, handler }, path: [...template.specPath, 'runtimeClassName'], target: 'value' });
    }
  },
});
