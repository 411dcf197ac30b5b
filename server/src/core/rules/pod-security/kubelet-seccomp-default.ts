/**
 * Nodes should apply the container runtime's default seccomp profile to every container that does
 * not ask for another: KubeletConfiguration `seccompDefault: true` or `--seccomp-default`. Beta and
 * on by default from Kubernetes 1.25 (GA in 1.27), so judged from 1.25 on.
 */
import { defineRule } from '../define-rule';
import { parseGoBool } from '../../model/control-plane';
import { checkKubeletSetting, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authorization:', '  mode: Webhook'];

export default defineRule({
  id: 'kubelet-seccomp-default',
  checklist: ['pod-security/seccomp'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Default seccomp profile on the node', 'zh-cn': '节点上的默认 seccomp 配置' },
    summary: {
      en: 'The kubelet should run with seccompDefault: true (or --seccomp-default), so containers get the RuntimeDefault profile unless they choose one.',
      'zh-cn': 'kubelet 应以 seccompDefault: true（或 --seccomp-default）运行，使未指定配置的容器获得 RuntimeDefault 配置。',
    },
    why: {
      en: 'Without it, every container that sets no seccompProfile runs Unconfined, with the whole system call surface of the kernel available. The runtime default profile blocks the calls most container escapes rely on, and very few workloads need them.',
      'zh-cn': '不启用时，每个未设置 seccompProfile 的容器都以 Unconfined 运行，可以使用内核的全部系统调用。运行时默认配置会拦截大多数容器逃逸所依赖的系统调用，而几乎没有工作负载需要它们。',
    },
    remediation: {
      en: 'Set `seccompDefault: true` in the KubeletConfiguration (or `--seccomp-default`), after testing workloads with the RuntimeDefault profile.',
      'zh-cn': '在用 RuntimeDefault 配置测试过工作负载后，在 KubeletConfiguration 中设置 `seccompDefault: true`（或 `--seccomp-default`）。',
    },
    fixSafety: {
      en: 'May change behaviour: a workload that needs a blocked system call fails until it sets its own profile (Unconfined or Localhost).',
      'zh-cn': '可能改变行为：需要被拦截的系统调用的工作负载会失败，直到它自行设置配置（Unconfined 或 Localhost）。',
    },
    references: [
      'https://kubernetes.io/docs/tutorials/security/seccomp/#enable-the-use-of-runtimedefault-as-the-default-seccomp-profile-for-all-workloads',
      'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: { incorrect: CONFIG.join('\n'), correct: [...CONFIG, 'seccompDefault: true'].join('\n') },
  },
  messages: {
    config: {
      en: 'KubeletConfiguration sets {{field}}: {{value}}: containers without a seccompProfile run Unconfined',
      'zh-cn': 'KubeletConfiguration 设置了 {{field}}: {{value}}：未设置 seccompProfile 的容器将以 Unconfined 运行',
    },
    unset: {
      en: 'KubeletConfiguration does not set seccompDefault: true: containers without a seccompProfile run Unconfined',
      'zh-cn': 'KubeletConfiguration 未设置 seccompDefault: true：未设置 seccompProfile 的容器将以 Unconfined 运行',
    },
    flag: {
      en: '{{component}} in {{where}} sets --{{flag}}={{value}}: containers without a seccompProfile run Unconfined',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --{{flag}}={{value}}：未设置 seccompProfile 的容器将以 Unconfined 运行',
    },
    missing: {
      en: '{{component}} in {{where}} runs without --{{flag}} and without --config: containers without a seccompProfile run Unconfined',
      'zh-cn': '{{where}} 中的 {{component}} 既未设置 --{{flag}} 也未使用 --config：未设置 seccompProfile 的容器将以 Unconfined 运行',
    },
  },
  check(context, resource) {
    if (context.minorVersion < 25) return;
    if (resource.kind === 'KubeletConfiguration' && resource.apiVersion.startsWith('kubelet.config.k8s.io/') && !('seccompDefault' in resource.value)) {
      // The file default is false; the finding sits on the kind, as the field has no place yet.
      context.report({ messageId: 'unset', path: ['kind'], target: 'value' });
      return;
    }
    checkKubeletSetting(context, resource, {
      configPath: ['seccompDefault'],
      flag: 'seccomp-default',
      configInsecure: (value) => value !== true,
      flagInsecure: (text) => parseGoBool(text) !== true,
      flagDefault: 'false',
    });
  },
});
