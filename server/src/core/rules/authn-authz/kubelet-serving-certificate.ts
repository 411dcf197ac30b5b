/**
 * Kubelet certificates that are not rotated (checklist authn-authz/cert-validity): without
 * `serverTLSBootstrap: true` (flag --rotate-server-certificates) and without a serving certificate
 * of its own (tlsCertFile, --tls-cert-file), the kubelet serves a self-signed certificate that it
 * made at first start, that no CA vouches for and that nothing renews; `rotateCertificates: false`
 * (--rotate-certificates=false) keeps its client certificate until it expires. The
 * RotateKubeletServerCertificate feature gate turned off has the serving side's effect. A kubelet
 * without the flags is judged only when it reads no --config file.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, hasFlag, isConfigKind } from '../../model/control-plane';
import { recordAt, stringAt } from '../../model/values';
import { KUBELET_REFERENCES, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authentication:', '  x509:', '    clientCAFile: /etc/kubernetes/pki/ca.crt'];

export default defineRule({
  id: 'kubelet-serving-certificate',
  checklist: ['authn-authz/cert-validity'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Kubelet certificates not rotated', 'zh-cn': 'kubelet 证书未轮换' },
    summary: {
      en: 'The kubelet should get its serving certificate from the cluster CA and rotate it (serverTLSBootstrap: true), and keep client certificate rotation on.',
      'zh-cn': 'kubelet 应当从集群 CA 获取服务证书并自动轮换（serverTLSBootstrap: true），同时保持客户端证书轮换开启。',
    },
    why: {
      en: 'Without a serving certificate from the cluster CA, the kubelet makes a self-signed one at first start. Nobody can verify it, so the API server cannot check whom it talks to (--kubelet-certificate-authority), and nothing renews it. A client certificate that is not rotated is used until it expires, which pushes towards long lifetimes.',
      'zh-cn': '没有来自集群 CA 的服务证书时，kubelet 会在首次启动时生成一张自签名证书。没有人能验证它，因此 API 服务器无法确认通信对象（--kubelet-certificate-authority），也没有任何机制会更新它。不轮换的客户端证书会一直使用到过期，这会促使人们使用很长的有效期。',
    },
    remediation: {
      en: 'Set `serverTLSBootstrap: true` (or --rotate-server-certificates) and approve the kubelets\' serving CSRs (for example with a CSR approver), or give the kubelet a certificate with tlsCertFile/tlsPrivateKeyFile; leave rotateCertificates on.',
      'zh-cn': '设置 `serverTLSBootstrap: true`（或 --rotate-server-certificates），并批准 kubelet 服务证书的 CSR（例如使用 CSR 审批器），或者通过 tlsCertFile/tlsPrivateKeyFile 为 kubelet 提供证书；保持 rotateCertificates 开启。',
    },
    fixSafety: {
      en: 'Changes behaviour: until their CSRs are approved, kubelets serve no certificate and logs and exec fail on them.',
      'zh-cn': '会改变行为：在 CSR 获批之前，kubelet 没有服务证书，在这些节点上日志和 exec 会失败。',
    },
    references: [...KUBELET_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-tls-bootstrapping/#certificate-rotation'],
    examples: { incorrect: CONFIG.join('\n'), correct: [...CONFIG, 'serverTLSBootstrap: true', 'rotateCertificates: true'].join('\n') },
  },
  messages: {
    selfSigned: {
      en: 'The kubelet ({{where}}) serves a self-signed certificate that nothing rotates: no serverTLSBootstrap / --rotate-server-certificates and no certificate of its own',
      'zh-cn': 'kubelet（{{where}}）使用无人轮换的自签名服务证书：既没有 serverTLSBootstrap / --rotate-server-certificates，也没有自己的证书',
    },
    clientRotationOff: {
      en: 'The kubelet ({{where}}) turns client certificate rotation off: its certificate is used until it expires',
      'zh-cn': 'kubelet（{{where}}）关闭了客户端证书轮换：其证书会一直使用到过期',
    },
  },
  check(context, resource) {
    if (isConfigKind(resource, 'kubelet.config.k8s.io', 'KubeletConfiguration')) {
      const value = resource.value;
      const gateOff = recordAt(value, 'featureGates')?.RotateKubeletServerCertificate === false;
      if ((value.serverTLSBootstrap !== true || gateOff) && !stringAt(value, 'tlsCertFile')?.trim()) {
        const path = 'serverTLSBootstrap' in value ? ['serverTLSBootstrap'] : ['kind'];
        context.report({ messageId: 'selfSigned', data: { where: 'KubeletConfiguration' }, path, target: path[0] === 'kind' ? 'key' : 'value' });
      }
      if (value.rotateCertificates === false) context.report({ messageId: 'clientRotationOff', data: { where: 'KubeletConfiguration' }, path: ['rotateCertificates'], target: 'value' });
      return;
    }
    for (const component of componentsNamed(resource, 'kubelet')) {
      const data = { where: componentData(component).where };
      const rotation = component.flags.get('rotate-certificates');
      if (rotation && booleanFlag(component, 'rotate-certificates') === false) context.report({ messageId: 'clientRotationOff', data, path: rotation.path, target: rotation.target });
      if (component.configFile || hasFlag(component, 'tls-cert-file') || component.flags.get('rotate-server-certificates')?.unknown) continue;
      if (booleanFlag(component, 'rotate-server-certificates') !== true) context.report({ messageId: 'selfSigned', data, ...component.anchor });
    }
  },
});
