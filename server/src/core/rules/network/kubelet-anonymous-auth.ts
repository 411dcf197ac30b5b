/**
 * The kubelet API must not accept anonymous requests: KubeletConfiguration
 * `authentication.anonymous.enabled: true`, or the `--anonymous-auth` flag (true by default when
 * the kubelet has no config file).
 */
import { defineRule } from '../define-rule';
import { parseGoBool } from '../../model/control-plane';

import { checkKubeletSetting, KUBELET_REFERENCES, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authentication:', '  anonymous:'];

export default defineRule({
  id: 'kubelet-anonymous-auth',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Anonymous requests to the kubelet', 'zh-cn': 'kubelet 的匿名请求' },
    summary: {
      en: 'The kubelet must reject anonymous requests: authentication.anonymous.enabled false, or --anonymous-auth=false.',
      'zh-cn': 'kubelet 必须拒绝匿名请求：authentication.anonymous.enabled 为 false，或 --anonymous-auth=false。',
    },
    why: {
      en: 'The kubelet API on port 10250 runs commands in containers, reads their logs and lists every Pod of the node. An anonymous request there becomes system:anonymous; with the AlwaysAllow authorizer it can do all of that, and even with Webhook authorization one careless binding is enough.',
      'zh-cn': '10250 端口上的 kubelet API 可以在容器中执行命令、读取日志并列出节点上的所有 Pod。匿名请求会成为 system:anonymous；若使用 AlwaysAllow 鉴权，它可以做上述所有事情，即使使用 Webhook 鉴权，一条疏忽的授权绑定也足以让它得逞。',
    },
    remediation: {
      en: 'Set `authentication.anonymous.enabled: false` in the KubeletConfiguration (the file default), or `--anonymous-auth=false`, and keep webhook authentication enabled.',
      'zh-cn': '在 KubeletConfiguration 中设置 `authentication.anonymous.enabled: false`（配置文件的默认值），或设置 `--anonymous-auth=false`，并保持启用 webhook 认证。',
    },
    fixSafety: {
      en: 'Changes behaviour: monitoring that scrapes the kubelet without credentials must authenticate (e.g. with a service account token).',
      'zh-cn': '会改变行为：不带凭据抓取 kubelet 数据的监控需要进行认证（例如使用服务账号令牌）。',
    },
    references: KUBELET_REFERENCES,
    examples: { incorrect: [...CONFIG, '    enabled: true'].join('\n'), correct: [...CONFIG, '    enabled: false'].join('\n') },
  },
  messages: {
    config: {
      en: 'KubeletConfiguration sets {{field}}: {{value}}: the kubelet API accepts anonymous requests',
      'zh-cn': 'KubeletConfiguration 设置了 {{field}}: {{value}}：kubelet API 接受匿名请求',
    },
    flag: {
      en: '{{component}} in {{where}} sets --{{flag}}={{value}}: the kubelet API accepts anonymous requests',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --{{flag}}={{value}}：kubelet API 接受匿名请求',
    },
    missing: {
      en: '{{component}} in {{where}} runs without --{{flag}} and without --config: the flag defaults to {{value}}, so the kubelet API accepts anonymous requests',
      'zh-cn': '{{where}} 中的 {{component}} 既未设置 --{{flag}} 也未使用 --config：该参数默认为 {{value}}，kubelet API 因此接受匿名请求',
    },
  },
  check(context, resource) {
    checkKubeletSetting(context, resource, {
      configPath: ['authentication', 'anonymous', 'enabled'],
      flag: 'anonymous-auth',
      configInsecure: (value) => value === true,
      flagInsecure: (text) => parseGoBool(text) === true,
      flagDefault: 'true',
    });
  },
});
