/**
 * kube-apiserver must talk to etcd with TLS both ways: a client certificate (--etcd-certfile and
 * --etcd-keyfile) that etcd's --client-cert-auth checks, and a CA (--etcd-cafile) to verify etcd.
 * Judged even when etcd listens on loopback only: any process of the host, any hostNetwork Pod,
 * reaches 127.0.0.1. kubeadm sets all three; a kubeadm ClusterConfiguration is never reported.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, hasFlag } from '../../model/control-plane';
import { APISERVER_POD } from '../shared/apiserver-pod';
import { ETCD_REFERENCES } from '../shared/etcd';

const TLS = ['        - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt', '        - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt', '        - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key'];

export default defineRule({
  id: 'apiserver-etcd-client-tls',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server to etcd without TLS credentials', 'zh-cn': 'API 服务器访问 etcd 时没有 TLS 凭据' },
    summary: {
      en: 'kube-apiserver must pass --etcd-certfile, --etcd-keyfile and --etcd-cafile, also when etcd runs on the same host.',
      'zh-cn': 'kube-apiserver 必须设置 --etcd-certfile、--etcd-keyfile 和 --etcd-cafile，etcd 运行在同一主机上时也一样。',
    },
    why: {
      en: 'etcd holds every Secret of the cluster. Without a client certificate etcd cannot require one (--client-cert-auth), so anything that reaches its port reads and writes the whole state; without the CA the API server cannot tell the real etcd from an impostor. Loopback is no boundary: every process of the node and every hostNetwork Pod reaches 127.0.0.1.',
      'zh-cn': 'etcd 保存着集群的所有 Secret。没有客户端证书，etcd 就无法要求客户端出示证书（--client-cert-auth），任何能访问其端口的程序都能读写整个集群状态；没有 CA，API 服务器就无法分辨真正的 etcd 和冒充者。回环地址并不是边界：节点上的每个进程和每个使用 hostNetwork 的 Pod 都能访问 127.0.0.1。',
    },
    remediation: {
      en: 'Give the API server a client certificate signed by the etcd CA (--etcd-certfile, --etcd-keyfile), the CA (--etcd-cafile), and run etcd with --client-cert-auth=true.',
      'zh-cn': '为 API 服务器配置由 etcd CA 签发的客户端证书（--etcd-certfile、--etcd-keyfile）以及该 CA（--etcd-cafile），并以 --client-cert-auth=true 运行 etcd。',
    },
    fixSafety: {
      en: 'Changes behaviour: etcd must serve TLS with a certificate of that CA, or the API server cannot start.',
      'zh-cn': '会改变行为：etcd 必须使用该 CA 签发的证书提供 TLS 服务，否则 API 服务器无法启动。',
    },
    references: ETCD_REFERENCES,
    examples: { incorrect: APISERVER_POD.join('\n'), correct: [...APISERVER_POD, ...TLS].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} talks to etcd without {{flags}}: etcd cannot authenticate it, or it cannot verify etcd',
      'zh-cn': '{{where}} 中的 {{component}} 访问 etcd 时未设置 {{flags}}：etcd 无法认证它，或者它无法验证 etcd',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const missing = ['etcd-certfile', 'etcd-keyfile', 'etcd-cafile'].filter((name) => !hasFlag(component, name));
      if (missing.length === 0) continue;
      const servers = component.flags.get('etcd-servers');
      const at = servers && !servers.implicit ? { path: servers.path, target: servers.target } : component.anchor;
      context.report({ messageId: 'missing', data: { ...componentData(component), flags: missing.map((name) => `--${name}`).join(', ') }, ...at });
    }
  },
});
