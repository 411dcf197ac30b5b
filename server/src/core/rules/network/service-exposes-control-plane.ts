/**
 * Services that publish a control-plane port outside the cluster: a NodePort or LoadBalancer
 * Service (or one with externalIPs) whose port, targetPort or nodePort is the API server's, the
 * kubelet's, etcd's, the controller manager's or the scheduler's, or that selects the static Pods
 * of those components. ClusterIP Services are in-cluster plumbing (metrics-server targets 10250,
 * aggregated API servers 6443) and are left alone.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';

import { isExposed, portsOf, serviceOf } from '../shared/services';

/**
 * Well-known ports (program names only: they appear untranslated in both languages). 10255 is the
 * kubelet's read-only port, 2380 etcd's peer port, 10251/10252 the insecure HTTP ports of the
 * scheduler and controller manager before 1.20.
 */
const CONTROL_PLANE_PORTS: ReadonlyMap<number, string> = new Map([
  [6443, 'kube-apiserver'],
  [10250, 'kubelet'],
  [10255, 'kubelet'],
  [2379, 'etcd'],
  [2380, 'etcd'],
  [10257, 'kube-controller-manager'],
  [10252, 'kube-controller-manager'],
  [10259, 'kube-scheduler'],
  [10251, 'kube-scheduler'],
]);

/** The `component` label kubeadm puts on control-plane static Pods. */
const CONTROL_PLANE_COMPONENTS = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);

export default defineRule({
  id: 'service-exposes-control-plane',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: ['Service'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Control-plane port exposed by a Service', 'zh-cn': 'Service 暴露了控制平面端口' },
    summary: {
      en: 'NodePort and LoadBalancer Services (and Services with externalIPs) should not publish the ports of the API server (6443), the kubelet (10250, 10255), etcd (2379, 2380), the controller manager (10257) or the scheduler (10259).',
      'zh-cn': 'NodePort 和 LoadBalancer 类型的 Service（以及设置了 externalIPs 的 Service）不应发布 API 服务器（6443）、kubelet（10250、10255）、etcd（2379、2380）、控制器管理器（10257）或调度器（10259）的端口。',
    },
    why: {
      en: 'These APIs control the whole cluster: the kubelet API runs commands in containers, etcd holds every Secret, and the API server is the front door. Reaching them from outside the cluster network turns any authentication weakness into a takeover. ClusterIP Services are not reported, since in-cluster components such as metrics-server use these ports legitimately.',
      'zh-cn': '这些 API 掌控整个集群：kubelet API 可以在容器中执行命令，etcd 保存所有 Secret，API 服务器是集群的大门。一旦能从集群网络之外访问它们，任何认证上的薄弱点都可能导致集群被接管。ClusterIP 类型的 Service 不会被报告，因为 metrics-server 等集群内组件会正当地使用这些端口。',
    },
    remediation: {
      en: 'Use a ClusterIP Service, or reach the API server through its own managed endpoint with firewall rules; keep the kubelet and etcd on private networks only.',
      'zh-cn': '改用 ClusterIP Service，或通过 API 服务器自身的受管端点并配合防火墙规则访问；kubelet 和 etcd 只应位于私有网络中。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients outside the cluster lose access through this Service.',
      'zh-cn': '会改变行为：集群外的客户端将无法再通过此 Service 访问。',
    },
    references: [
      'https://kubernetes.io/docs/reference/networking/ports-and-protocols/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: etcd\nspec:\n  type: NodePort\n  selector:\n    app: etcd\n  ports:\n    - port: 2379\n      targetPort: 2379',
      correct: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: etcd\nspec:\n  type: ClusterIP\n  selector:\n    app: etcd\n  ports:\n    - port: 2379\n      targetPort: 2379',
    },
  },
  messages: {
    port: {
      en: 'Service "{{name}}" ({{type}}) publishes port {{port}}, the {{component}} port, outside the cluster',
      'zh-cn': 'Service "{{name}}"（{{type}}）把 {{component}} 的端口 {{port}} 发布到了集群之外',
    },
    selector: {
      en: 'Service "{{name}}" ({{type}}) selects the {{component}} Pods and publishes them outside the cluster',
      'zh-cn': 'Service "{{name}}"（{{type}}）选中了 {{component}} 的 Pod 并把它们发布到了集群之外',
    },
  },
  check(context, resource) {
    const service = serviceOf(resource);
    if (!service || !isExposed(service)) return;
    const type = service.type === 'ClusterIP' ? 'externalIPs' : service.type;
    const selector = service.spec.selector;
    const component = isRecord(selector) ? selector.component : undefined;
    if (typeof component === 'string' && CONTROL_PLANE_COMPONENTS.has(component)) {
      context.report({ messageId: 'selector', data: { name: service.name, type, component }, path: ['spec', 'selector', 'component'] });
      return;
    }
    for (const { index, port } of portsOf(service)) {
      // One finding per port entry, on the field that names the component's port.
      const field = (['targetPort', 'port', 'nodePort'] as const).find((key) => typeof port[key] === 'number' && CONTROL_PLANE_PORTS.has(port[key] as number));
      if (!field) continue;
      const number = port[field] as number;
      context.report({
        messageId: 'port',
        data: { name: service.name, type, port: number, component: CONTROL_PLANE_PORTS.get(number)! },
        path: ['spec', 'ports', index, field],
      });
    }
  },
});
