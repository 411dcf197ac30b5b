/**
 * The kubelet's read-only port serves Pod specs and metrics over plain HTTP without any
 * authentication. KubeletConfiguration `readOnlyPort` defaults to 0 (off); the `--read-only-port`
 * flag defaults to 10255 when the kubelet has no config file.
 */

import { defineRule } from '../define-rule';
import { checkKubeletSetting, KUBELET_REFERENCES, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authorization:', '  mode: Webhook'];

export default defineRule({
  id: 'kubelet-read-only-port',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Kubelet read-only port', 'zh-cn': 'kubelet 只读端口' },
    summary: {
      en: 'The kubelet must not open its unauthenticated read-only port (readOnlyPort 0, --read-only-port=0).',
      'zh-cn': 'kubelet 不得开放未经认证的只读端口（readOnlyPort 为 0，--read-only-port=0）。',
    },
    why: {
      en: 'The read-only port (10255 by tradition) answers anyone who can reach the node, over plain HTTP: the full specs of every Pod on it (environment variables included), and metrics that map the cluster. It bypasses both authentication and authorization.',
      'zh-cn': '只读端口（惯例为 10255）通过明文 HTTP 回应任何能访问节点的人：节点上每个 Pod 的完整定义（包括环境变量）以及可以描绘集群的指标。它完全绕过认证和鉴权。',
    },
    remediation: {
      en: 'Set `readOnlyPort: 0` (or leave it out of the KubeletConfiguration), or `--read-only-port=0`; scrape metrics from the authenticated port 10250.',
      'zh-cn': '设置 `readOnlyPort: 0`（或在 KubeletConfiguration 中省略该字段），或设置 `--read-only-port=0`；改为从需要认证的 10250 端口抓取指标。',
    },
    fixSafety: {
      en: 'Changes behaviour: old monitoring agents that read port 10255 must move to 10250 with credentials.',
      'zh-cn': '会改变行为：读取 10255 端口的旧监控代理必须改为带凭据访问 10250 端口。',
    },
    references: KUBELET_REFERENCES,
    examples: { incorrect: [...CONFIG, 'readOnlyPort: 10255'].join('\n'), correct: [...CONFIG, 'readOnlyPort: 0'].join('\n') },
  },
  messages: {
    config: {
      en: 'KubeletConfiguration sets {{field}}: {{value}}: the kubelet serves Pod data without authentication on that port',
      'zh-cn': 'KubeletConfiguration 设置了 {{field}}: {{value}}：kubelet 在该端口上不经认证地提供 Pod 数据',
    },
    flag: {
      en: '{{component}} in {{where}} sets --{{flag}}={{value}}: the kubelet serves Pod data without authentication on that port',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --{{flag}}={{value}}：kubelet 在该端口上不经认证地提供 Pod 数据',
    },
    missing: {
      en: '{{component}} in {{where}} runs without --{{flag}} and without --config: the flag defaults to {{value}}, an unauthenticated port',
      'zh-cn': '{{where}} 中的 {{component}} 既未设置 --{{flag}} 也未使用 --config：该参数默认为 {{value}}，是一个不经认证的端口',
    },
  },
  check(context, resource) {
    checkKubeletSetting(context, resource, {
      configPath: ['readOnlyPort'],
      flag: 'read-only-port',
      configInsecure: (value) => typeof value === 'number' && value !== 0,
      flagInsecure: (text) => /^\d+$/.test(text.trim()) && Number(text.trim()) !== 0,
      flagDefault: '10255',
    });
  },
});
