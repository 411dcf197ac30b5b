/**
 * kube-scheduler and kube-controller-manager serve health, metrics and debug endpoints on their
 * secure ports (10259, 10257). With --bind-address unset or 0.0.0.0 / :: those ports listen on every
 * address of a host-network control-plane node; kubeadm binds them to 127.0.0.1. Monitoring often
 * needs them reachable, so this is advice (info).
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, ControlPlaneComponent, flagLocation } from '../../model/control-plane';

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '[::]', '']);

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-scheduler', '  namespace: kube-system', 'spec:', '  hostNetwork: true', '  containers:',
  '    - name: kube-scheduler', '      image: registry.k8s.io/kube-scheduler:v1.31.0', '      command:', '        - kube-scheduler',
  '        - --kubeconfig=/etc/kubernetes/scheduler.conf',
];

export default defineRule({
  id: 'control-plane-bind-all-interfaces',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Scheduler or controller manager listening on every address', 'zh-cn': '调度器或控制器管理器监听所有地址' },
    summary: {
      en: 'kube-scheduler and kube-controller-manager should bind to 127.0.0.1 unless something outside the node must reach them.',
      'zh-cn': '除非节点外部确实需要访问，kube-scheduler 和 kube-controller-manager 应绑定到 127.0.0.1。',
    },
    why: {
      en: 'Their ports expose health checks, metrics and, with profiling on, debug data; some paths answer without credentials. Bound to every address of a control-plane node, they are one more control-plane service reachable from the network, and a target for probing and denial of service.',
      'zh-cn': '它们的端口提供健康检查、指标，在启用性能分析时还提供调试数据；部分路径无需凭据即可访问。绑定到控制平面节点的所有地址时，它们就成了又一个可从网络访问的控制平面服务，容易遭到探测和拒绝服务攻击。',
    },
    remediation: {
      en: 'Set `--bind-address=127.0.0.1` (kubeadm does); if Prometheus must scrape them, bind to the node\'s internal address and restrict access with firewall rules.',
      'zh-cn': '设置 `--bind-address=127.0.0.1`（kubeadm 默认如此）；如果 Prometheus 必须抓取它们，请绑定到节点的内部地址，并用防火墙规则限制访问。',
    },
    fixSafety: {
      en: 'Changes behaviour: monitoring that scrapes these components from another host loses access.',
      'zh-cn': '会改变行为：从其他主机抓取这些组件的监控将无法访问。',
    },
    references: [
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-scheduler/',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: { incorrect: POD.join('\n'), correct: [...POD, '        - --bind-address=127.0.0.1'].join('\n') },
  },
  messages: {
    unset: {
      en: '{{component}} in {{where}} runs without --bind-address: it listens on every address of the node',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --bind-address：它会监听节点的所有地址',
    },
    anyAddress: {
      en: '{{component}} in {{where}} sets --bind-address={{value}}: it listens on every address of the node',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --bind-address={{value}}：它会监听节点的所有地址',
    },
  },
  check(context, resource) {
    const components: ControlPlaneComponent[] = [...componentsNamed(resource, 'kube-scheduler'), ...componentsNamed(resource, 'kube-controller-manager')];
    for (const component of components) {
      const flag = component.flags.get('bind-address');
      if (flag?.unknown || (flag && !ANY_ADDRESS.has(flag.value.trim()))) continue;
      context.report({ messageId: flag ? 'anyAddress' : 'unset', data: { ...componentData(component), value: flag?.value ?? '' }, ...flagLocation(component, flag) });
    }
  },
});
