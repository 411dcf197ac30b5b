/**
 * kube-apiserver talks to every kubelet (logs, exec, port-forward, metrics proxy): it must
 * authenticate with a client certificate (--kubelet-client-certificate, --kubelet-client-key) and
 * verify the kubelet's serving certificate (--kubelet-certificate-authority). kubeadm sets the
 * client certificate but not the CA (kubelets serve self-signed certificates unless
 * serverTLSBootstrap is on), so a kubeadm configuration is reported for the CA only.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, hasFlag } from '../../model/control-plane';
import { APISERVER_POD, APISERVER_REFERENCES } from '../shared/apiserver-pod';

const TLS = ['        - --kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt', '        - --kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key', '        - --kubelet-certificate-authority=/etc/kubernetes/pki/kubelet-ca.crt'];

export default defineRule({
  id: 'apiserver-kubelet-client-tls',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'API server to kubelets without TLS credentials', 'zh-cn': 'API 服务器访问 kubelet 时没有 TLS 凭据' },
    summary: {
      en: 'kube-apiserver should authenticate to kubelets with a client certificate and verify their serving certificates (--kubelet-certificate-authority).',
      'zh-cn': 'kube-apiserver 应当用客户端证书向 kubelet 认证自己，并验证 kubelet 的服务证书（--kubelet-certificate-authority）。',
    },
    why: {
      en: 'Through the kubelet API the API server streams logs and runs exec and port-forward sessions. Without a client certificate, a kubelet that requires authentication refuses it, which pushes operators to open the kubelet to anonymous requests; without the kubelet CA, anyone who can answer for a node address receives those sessions, tokens and commands included.',
      'zh-cn': 'API 服务器通过 kubelet API 传输日志、运行 exec 和 port-forward 会话。没有客户端证书，要求认证的 kubelet 会拒绝它，运维人员因而倾向于让 kubelet 接受匿名请求；没有 kubelet 的 CA，任何能冒充节点地址的人都能收到这些会话，包括其中的令牌和命令。',
    },
    remediation: {
      en: 'Pass --kubelet-client-certificate and --kubelet-client-key; turn on serverTLSBootstrap on the kubelets (approve their serving CSRs) and pass that CA with --kubelet-certificate-authority.',
      'zh-cn': '设置 --kubelet-client-certificate 和 --kubelet-client-key；在 kubelet 上开启 serverTLSBootstrap（并批准其服务证书的 CSR），再通过 --kubelet-certificate-authority 传入对应的 CA。',
    },
    fixSafety: {
      en: 'Changes behaviour: with the CA set, logs and exec fail on every node whose kubelet still serves a self-signed certificate.',
      'zh-cn': '会改变行为：设置 CA 后，凡是 kubelet 仍使用自签名证书的节点，日志和 exec 都会失败。',
    },
    references: [...APISERVER_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/'],
    examples: { incorrect: APISERVER_POD.join('\n'), correct: [...APISERVER_POD, ...TLS].join('\n') },
  },
  messages: {
    noClientCertificate: {
      en: '{{component}} in {{where}} has no {{flags}}: it cannot authenticate to kubelets that require it',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 {{flags}}：它无法向要求认证的 kubelet 证明身份',
    },
    noCertificateAuthority: {
      en: '{{component}} in {{where}} runs without --kubelet-certificate-authority: it does not verify whom it sends logs, exec and port-forward sessions to',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --kubelet-certificate-authority：它不验证日志、exec 和 port-forward 会话的接收方',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const missing = ['kubelet-client-certificate', 'kubelet-client-key'].filter((name) => !hasFlag(component, name));
      if (missing.length > 0) context.report({ messageId: 'noClientCertificate', data: { ...componentData(component), flags: missing.map((name) => `--${name}`).join(', ') }, ...component.anchor });
      if (!hasFlag(component, 'kubelet-certificate-authority')) context.report({ messageId: 'noCertificateAuthority', data: componentData(component), ...component.anchor });
    }
  },
});
