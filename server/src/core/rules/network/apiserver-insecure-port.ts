/**
 * The API server's insecure port: before Kubernetes 1.20 kube-apiserver served the whole API
 * without authentication or authorization on --insecure-port (default 8080) at
 * --insecure-bind-address (default 127.0.0.1) unless the port was 0. 1.20 stopped insecure
 * serving (the port may only be 0), and 1.24 removed the flags (and their aliases --port,
 * --address): naming them then stops kube-apiserver from starting. Judged at the version the
 * manifest states (image tag, kubeadm kubernetesVersion), else the configured one.
 */
import { defineRule } from '../define-rule';
import { componentData, componentMinor, componentsNamed, CONTROL_PLANE_KINDS, Flag, flagLocation, isLoopbackHost } from '../../model/control-plane';

const POD = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.18.20', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export default defineRule({
  id: 'apiserver-insecure-port',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Insecure API server port', 'zh-cn': 'API 服务器的不安全端口' },
    summary: {
      en: 'Before Kubernetes 1.20, kube-apiserver must run with --insecure-port=0; from 1.24 the insecure flags no longer exist.',
      'zh-cn': '在 Kubernetes 1.20 之前，kube-apiserver 必须以 --insecure-port=0 运行；从 1.24 起这些不安全参数已不存在。',
    },
    why: {
      en: 'The insecure port serves the whole API over plain HTTP with no authentication and no authorization: whoever reaches it is cluster administrator. Its default was 8080 on 127.0.0.1, reachable by every host-network Pod of the node, and --insecure-bind-address exposed it further. From 1.24 the flags are gone and kube-apiserver refuses to start when they are given.',
      'zh-cn': '不安全端口通过明文 HTTP 提供完整的 API，不做认证也不做鉴权：能访问它的人就是集群管理员。其默认值为 127.0.0.1 上的 8080，节点上所有使用主机网络的 Pod 都能访问，--insecure-bind-address 会进一步扩大暴露面。从 1.24 起这些参数已被移除，指定它们会导致 kube-apiserver 无法启动。',
    },
    remediation: {
      en: 'Before 1.20 set `--insecure-port=0`; from 1.24 delete --insecure-port, --insecure-bind-address, --port and --address. Use the secure port with credentials for health checks and local clients.',
      'zh-cn': '1.20 之前请设置 `--insecure-port=0`；从 1.24 起请删除 --insecure-port、--insecure-bind-address、--port 和 --address。健康检查和本地客户端请使用带凭据的安全端口。',
    },
    fixSafety: {
      en: 'Changes behaviour: local clients and probes that used http://127.0.0.1:8080 must move to the secure port with credentials.',
      'zh-cn': '会改变行为：使用 http://127.0.0.1:8080 的本地客户端和探针必须改用带凭据的安全端口。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/controlling-access/',
      'https://github.com/kubernetes/kubernetes/blob/master/CHANGELOG/CHANGELOG-1.20.md',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
    examples: { incorrect: POD.join('\n'), correct: [...POD, '        - --insecure-port=0'].join('\n') },
  },
  messages: {
    insecureExposed: {
      en: '{{component}} in {{where}} serves the API without authentication or authorization on {{address}}:{{port}}',
      'zh-cn': '{{where}} 中的 {{component}} 在 {{address}}:{{port}} 上不经认证和鉴权地提供 API',
    },
    insecureLocal: {
      en: '{{component}} in {{where}} serves the API without authentication or authorization on {{address}}:{{port}}, reachable by every host-network process of the node: set --insecure-port=0',
      'zh-cn': '{{where}} 中的 {{component}} 在 {{address}}:{{port}} 上不经认证和鉴权地提供 API，节点上所有使用主机网络的进程都能访问：请设置 --insecure-port=0',
    },
    removedFlag: {
      en: '--{{flag}} was removed in Kubernetes 1.24: {{component}} in {{where}} refuses to start with it',
      'zh-cn': '--{{flag}} 已在 Kubernetes 1.24 中移除：{{where}} 中的 {{component}} 带着它将无法启动',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const minor = componentMinor(component, context.minorVersion);
      const flags = ['insecure-port', 'port', 'insecure-bind-address', 'address'];
      if (minor >= 24) {
        for (const name of flags) {
          const flag = component.flags.get(name);
          if (flag && !flag.implicit) context.report({ messageId: 'removedFlag', data: { ...componentData(component), flag: name }, ...flag.nameAt });
        }
        continue;
      }
      if (minor >= 20) continue;
      // The newer name wins over its deprecated alias when both are given.
      const portFlag: Flag | undefined = component.flags.get('insecure-port') ?? component.flags.get('port');
      const addressFlag: Flag | undefined = component.flags.get('insecure-bind-address') ?? component.flags.get('address');
      if (portFlag?.unknown || addressFlag?.unknown) continue;
      const port = portFlag ? portFlag.value.trim() : '8080';
      if (port === '0' || !/^\d+$/.test(port)) continue;
      const address = addressFlag ? addressFlag.value.trim() : '127.0.0.1';
      const local = isLoopbackHost(address);
      const where = flagLocation(component, !local && addressFlag ? addressFlag : portFlag);
      context.report({ messageId: local ? 'insecureLocal' : 'insecureExposed', data: { ...componentData(component), address, port }, ...where });
    }
  },
});
