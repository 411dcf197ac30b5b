/**
 * Leaf certificates issued by the cluster must not live longer than three years: the signing
 * duration of kube-controller-manager (`--cluster-signing-duration`, formerly
 * `--experimental-cluster-signing-duration`) and kubeadm's `certificateValidityPeriod` (v1beta4).
 * The root CA's own lifetime (`caCertificateValidityPeriod`) is not a leaf and is left alone.
 */
import { defineRule } from '../define-rule';
import { componentsNamed, CONTROL_PLANE_KINDS, parseGoDuration } from '../../model/control-plane';
import { stringAt } from '../../model/values';

/** Three calendar years, leap day included: 1096 days. */
const THREE_YEARS_MS = 1096 * 24 * 3_600_000;
const SIGNING_FLAGS = ['cluster-signing-duration', 'experimental-cluster-signing-duration'];

export default defineRule({
  id: 'cluster-signing-duration-long',
  checklist: ['authn-authz/cert-validity'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Certificate lifetime longer than three years', 'zh-cn': '证书有效期超过三年' },
    summary: {
      en: 'kube-controller-manager --cluster-signing-duration and kubeadm certificateValidityPeriod must not exceed three years.',
      'zh-cn': 'kube-controller-manager 的 --cluster-signing-duration 和 kubeadm 的 certificateValidityPeriod 不得超过三年。',
    },
    why: {
      en: 'Kubernetes cannot revoke a client certificate: a stolen one works until it expires. The signing duration sets the lifetime of every certificate the cluster signs through the CSR API (kubelet client and serving certificates, user certificates), so a long one keeps leaked credentials valid for years.',
      'zh-cn': 'Kubernetes 无法吊销客户端证书：被盗的证书在过期前一直有效。签名时长决定了集群通过 CSR API 签发的所有证书（kubelet 客户端与服务证书、用户证书）的有效期，时长过长会让泄露的凭据多年有效。',
    },
    remediation: {
      en: 'Use a duration of three years or less (the default 8760h, one year, is fine) and let certificates rotate.',
      'zh-cn': '使用不超过三年的时长（默认的 8760h 即一年是合适的），并让证书自动轮换。',
    },
    fixSafety: {
      en: 'Only certificates signed afterwards are affected; clients that cannot rotate need renewing sooner.',
      'zh-cn': '只影响此后签发的证书；无法自动轮换的客户端需要更早续期。',
    },
    references: [
      'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
    ],
    examples: {
      incorrect: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-controller-manager', '  namespace: kube-system', 'spec:', '  containers:',
        '    - name: kube-controller-manager', '      image: registry.k8s.io/kube-controller-manager:v1.31.0', '      command:',
        '        - kube-controller-manager', '        - --use-service-account-credentials=true', '        - --cluster-signing-duration=87600h',
      ].join('\n'),
      correct: [
        'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-controller-manager', '  namespace: kube-system', 'spec:', '  containers:',
        '    - name: kube-controller-manager', '      image: registry.k8s.io/kube-controller-manager:v1.31.0', '      command:',
        '        - kube-controller-manager', '        - --use-service-account-credentials=true', '        - --cluster-signing-duration=8760h',
      ].join('\n'),
    },
  },
  messages: {
    signingDuration: {
      en: '{{component}} in {{where}} signs certificates for --{{flag}}={{value}} (about {{days}} days), more than three years',
      'zh-cn': '{{where}} 中的 {{component}} 以 --{{flag}}={{value}}（约 {{days}} 天）签发证书，超过三年',
    },
    validityPeriod: {
      en: 'kubeadm certificateValidityPeriod {{value}} (about {{days}} days) is more than three years',
      'zh-cn': 'kubeadm 的 certificateValidityPeriod 为 {{value}}（约 {{days}} 天），超过三年',
    },
  },
  check(context, resource) {
    const days = (ms: number) => Math.round(ms / 86_400_000);
    for (const component of componentsNamed(resource, 'kube-controller-manager')) {
      for (const name of SIGNING_FLAGS) {
        const flag = component.flags.get(name);
        const duration = flag && !flag.unknown ? parseGoDuration(flag.value) : undefined;
        if (!flag || duration === undefined || duration <= THREE_YEARS_MS) continue;
        context.report({
          messageId: 'signingDuration',
          data: { component: component.name, where: component.where, flag: name, value: flag.value, days: days(duration) },
          path: flag.path,
          target: flag.target,
        });
      }
    }
    if (resource.kind === 'ClusterConfiguration' && resource.apiVersion.startsWith('kubeadm.k8s.io/')) {
      const text = stringAt(resource.value, 'certificateValidityPeriod');
      const duration = text === undefined ? undefined : parseGoDuration(text);
      if (text !== undefined && duration !== undefined && duration > THREE_YEARS_MS) {
        context.report({ messageId: 'validityPeriod', data: { value: text, days: days(duration) }, path: ['certificateValidityPeriod'], target: 'value' });
      }
    }
  },
});
