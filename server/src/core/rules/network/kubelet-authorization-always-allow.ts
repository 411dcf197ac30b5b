/**
 * The kubelet must authorize its API requests: KubeletConfiguration `authorization.mode:
 * AlwaysAllow`, or the `--authorization-mode` flag (AlwaysAllow by default when the kubelet has no
 * config file), lets every authenticated caller exec into any container of the node.
 */

import { defineRule } from '../define-rule';
import { checkKubeletSetting, KUBELET_REFERENCES, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authorization:'];

export default defineRule({
  id: 'kubelet-authorization-always-allow',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Kubelet authorizes every request', 'zh-cn': 'kubelet 放行所有请求' },
    summary: {
      en: 'The kubelet must use Webhook authorization, not AlwaysAllow.',
      'zh-cn': 'kubelet 必须使用 Webhook 鉴权，而不是 AlwaysAllow。',
    },
    why: {
      en: 'With AlwaysAllow, anyone the kubelet authenticates (and everyone, if anonymous auth is on) may run commands in every container of the node, read their logs and the node\'s metrics. Webhook mode asks the API server, so RBAC decides who may use nodes/proxy and the other kubelet subresources.',
      'zh-cn': '使用 AlwaysAllow 时，任何通过 kubelet 认证的人（若启用匿名认证则是所有人）都可以在节点上的每个容器中执行命令、读取日志和节点指标。Webhook 模式会询问 API 服务器，由 RBAC 决定谁可以使用 nodes/proxy 等 kubelet 子资源。',
    },
    remediation: {
      en: 'Set `authorization.mode: Webhook` in the KubeletConfiguration (the file default), or `--authorization-mode=Webhook`, with webhook authentication enabled.',
      'zh-cn': '在 KubeletConfiguration 中设置 `authorization.mode: Webhook`（配置文件的默认值），或设置 `--authorization-mode=Webhook`，并启用 webhook 认证。',
    },
    fixSafety: {
      en: 'Changes behaviour: callers of the kubelet API (the API server, monitoring) need RBAC rights on nodes subresources.',
      'zh-cn': '会改变行为：调用 kubelet API 的组件（API 服务器、监控）需要对 nodes 子资源拥有 RBAC 权限。',
    },
    references: KUBELET_REFERENCES,
    examples: { incorrect: [...CONFIG, '  mode: AlwaysAllow'].join('\n'), correct: [...CONFIG, '  mode: Webhook'].join('\n') },
  },
  messages: {
    config: {
      en: 'KubeletConfiguration sets {{field}}: {{value}}: the kubelet authorizes every request',
      'zh-cn': 'KubeletConfiguration 设置了 {{field}}: {{value}}：kubelet 放行所有请求',
    },
    flag: {
      en: '{{component}} in {{where}} sets --{{flag}}={{value}}: the kubelet authorizes every request',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --{{flag}}={{value}}：kubelet 放行所有请求',
    },
    missing: {
      en: '{{component}} in {{where}} runs without --{{flag}} and without --config: the flag defaults to {{value}}, so the kubelet authorizes every request',
      'zh-cn': '{{where}} 中的 {{component}} 既未设置 --{{flag}} 也未使用 --config：该参数默认为 {{value}}，kubelet 因此放行所有请求',
    },
  },
  check(context, resource) {
    checkKubeletSetting(context, resource, {
      configPath: ['authorization', 'mode'],
      flag: 'authorization-mode',
      configInsecure: (value) => value === 'AlwaysAllow',
      flagInsecure: (text) => text.trim() === 'AlwaysAllow',
      flagDefault: 'AlwaysAllow',
    });
  },
});
