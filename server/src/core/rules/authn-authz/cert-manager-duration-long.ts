/**
 * cert-manager Certificates that ask for more than three years: spec.duration, a Go duration
 * (26280h, 8760h0m0s), longer than 1096 days (the bound of the other certificate rules). No
 * duration means cert-manager's default of 90 days. A CA certificate (spec.isCA) issued by a
 * selfSigned Issuer or ClusterIssuer is a root, outside the checklist item; when the issuer is not
 * among the analyzed resources a CA certificate might be a root, and is not reported either.
 */
import { defineRule } from '../define-rule';
import { relatedOfKind } from '../shared/related-kinds';
import { THREE_YEARS_MS } from '../../model/certificates';
import { parseGoDuration } from '../../model/control-plane';
import { apiGroupOf } from '../../model/rbac';
import type { Resource } from '../../model/resource';
import { booleanAt, recordAt, stringAt } from '../../model/values';
import type { RuleContext } from '../types';
import { CERTIFICATE_REFERENCES, DAY_MS } from '../shared/certificates';

const CERT_MANAGER_GROUPS = new Set(['cert-manager.io', 'certmanager.k8s.io']);

/** Whether the Certificate's issuer is a selfSigned one, or undefined when it is not in sight. */
function selfSignedIssuer(context: RuleContext, certificate: Resource): boolean | undefined {
  const issuerRef = recordAt(recordAt(certificate.value, 'spec'), 'issuerRef');
  const name = stringAt(issuerRef, 'name');
  const kind = stringAt(issuerRef, 'kind') ?? 'Issuer';
  if (name === undefined) return undefined;
  const issuer = relatedOfKind(context.related, kind).find(
    (other) =>
      other.name === name &&
      CERT_MANAGER_GROUPS.has(apiGroupOf(other.apiVersion)) &&
      (kind === 'ClusterIssuer' || other.namespace === certificate.namespace),
  );
  return issuer ? recordAt(recordAt(issuer.value, 'spec'), 'selfSigned') !== undefined : undefined;
}

export default defineRule({
  id: 'cert-manager-duration-long',
  checklist: ['authn-authz/cert-validity'],
  scope: { kinds: ['Certificate'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'cert-manager Certificate longer than three years', 'zh-cn': 'cert-manager 证书有效期超过三年' },
    summary: {
      en: 'A cert-manager Certificate must not request a duration of more than three years (26280h).',
      'zh-cn': 'cert-manager 的 Certificate 申请的有效期不得超过三年（26280h）。',
    },
    why: {
      en: 'A leaked certificate and key work until the certificate expires, because Kubernetes and most clients do not check revocation. cert-manager renews certificates on its own, so there is no operational reason for long lifetimes.',
      'zh-cn': '由于 Kubernetes 和大多数客户端不检查吊销状态，泄露的证书和私钥在证书过期前一直可用。cert-manager 会自动续期证书，因此没有必要使用很长的有效期。',
    },
    remediation: {
      en: 'Set spec.duration to three years or less, or remove it to get the 90-day default; cert-manager renews before expiry.',
      'zh-cn': '把 spec.duration 设为不超过三年，或删除它以使用默认的 90 天；cert-manager 会在过期前续期。',
    },
    fixSafety: {
      en: 'The next issued certificate is shorter; cert-manager renews it automatically, and consumers must reload renewed certificates.',
      'zh-cn': '下一次签发的证书有效期会变短；cert-manager 会自动续期，使用方需要能重新加载续期后的证书。',
    },
    references: [...CERTIFICATE_REFERENCES, 'https://cert-manager.io/docs/usage/certificate/'],
    examples: {
      incorrect:
        'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  secretName: web-tls\n  dnsNames: ["web.example.com"]\n  duration: 87600h # ten years\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer',
      correct:
        'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  secretName: web-tls\n  dnsNames: ["web.example.com"]\n  duration: 2160h # 90 days\n  renewBefore: 360h\n  issuerRef:\n    name: letsencrypt\n    kind: ClusterIssuer',
    },
  },
  messages: {
    durationLong: {
      en: 'Certificate "{{name}}" asks for spec.duration {{value}} (about {{days}} days), more than three years',
      'zh-cn': 'Certificate "{{name}}" 申请的 spec.duration 为 {{value}}（约 {{days}} 天），超过三年',
    },
  },
  check(context, resource) {
    if (!CERT_MANAGER_GROUPS.has(apiGroupOf(resource.apiVersion))) return;
    const spec = recordAt(resource.value, 'spec');
    const value = stringAt(spec, 'duration');
    const duration = value === undefined ? undefined : parseGoDuration(value);
    if (value === undefined || duration === undefined || duration <= THREE_YEARS_MS) return;
    if (booleanAt(spec, 'isCA') === true && selfSignedIssuer(context, resource) !== false) return;
    context.report({ messageId: 'durationLong', data: { name: resource.name ?? '-', value, days: Math.round(duration / DAY_MS) }, path: ['spec', 'duration'] });
  },
});
