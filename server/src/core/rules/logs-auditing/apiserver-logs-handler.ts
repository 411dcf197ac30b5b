/**
 * The /logs API of kube-apiserver serves the files under its /var/log. Until Kubernetes 1.30 it is
 * on unless `--enable-logs-handler=false`; from 1.31 (kubernetes/kubernetes#125787) the flag
 * defaults to false, so only an explicit true is a finding. Judged at the version the manifest
 * states (image tag, kubeadm kubernetesVersion), else the configured one.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentMinor, componentsNamed, CONTROL_PLANE_KINDS, flagOf } from '../../model/control-plane';

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export default defineRule({
  id: 'apiserver-logs-handler',
  checklist: ['logs-auditing/logs-api-disabled'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server /logs endpoint', 'zh-cn': 'API 服务器的 /logs 端点' },
    summary: {
      en: 'kube-apiserver must not serve /logs: --enable-logs-handler=false before Kubernetes 1.31 (where it is on by default), and never true.',
      'zh-cn': 'kube-apiserver 不得提供 /logs：在 Kubernetes 1.31 之前（默认开启）需设置 --enable-logs-handler=false，任何版本都不应设为 true。',
    },
    why: {
      en: 'The /logs endpoint hands out the files under /var/log of the API server\'s host or container over HTTP. Those logs can hold tokens, addresses and other details an attacker can use, and reading them needs only an RBAC grant on a non-resource URL that is easy to give away by accident.',
      'zh-cn': '/logs 端点通过 HTTP 提供 API 服务器所在主机或容器中 /var/log 下的文件。这些日志可能包含令牌、地址等可被攻击者利用的信息，而读取它们只需要一个针对非资源 URL 的 RBAC 授权，很容易被无意授予。',
    },
    remediation: {
      en: 'Before 1.31 add `--enable-logs-handler=false`; on any version remove `--enable-logs-handler=true`. Collect control-plane logs with a log agent instead.',
      'zh-cn': '1.31 之前请添加 `--enable-logs-handler=false`；任何版本都请删除 `--enable-logs-handler=true`。请改用日志代理收集控制平面日志。',
    },
    fixSafety: {
      en: 'Changes behaviour only for tools that read /logs through the API server.',
      'zh-cn': '只会影响通过 API 服务器读取 /logs 的工具。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#logs-and-auditing',
      'https://github.com/kubernetes/kubernetes/pull/125787',
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-apiserver/',
    ],
    examples: { incorrect: [...POD, '        - --enable-logs-handler=true'].join('\n'), correct: POD.join('\n') },
  },
  messages: {
    enabled: {
      en: '{{component}} in {{where}} sets --enable-logs-handler={{value}}: it serves its /var/log over the /logs API',
      'zh-cn': '{{where}} 中的 {{component}} 设置了 --enable-logs-handler={{value}}：它会通过 /logs API 提供 /var/log 中的文件',
    },
    defaultOn: {
      en: '{{component}} in {{where}} (Kubernetes 1.{{minor}}) serves its /var/log over the /logs API by default: set --enable-logs-handler=false',
      'zh-cn': '{{where}} 中的 {{component}}（Kubernetes 1.{{minor}}）默认通过 /logs API 提供 /var/log 中的文件：请设置 --enable-logs-handler=false',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const flag = flagOf(component, 'enable-logs-handler');
      if (flag?.unknown) continue;
      const minor = componentMinor(component, context.minorVersion);
      if (flag && booleanFlag(component, 'enable-logs-handler') === true) {
        context.report({ messageId: 'enabled', data: { ...componentData(component), value: flag.value }, path: flag.path, target: flag.target });
      } else if (!flag && minor < 31) {
        context.report({ messageId: 'defaultOn', data: { ...componentData(component), minor }, ...component.anchor });
      }
    }
  },
});
