/**
 * Intermediate and leaf certificates embedded in manifests whose validity period (notAfter minus
 * notBefore) is longer than three years: more than 1096 days, three calendar years with their leap
 * day, the bound cluster-signing-duration-long uses too. Roots (self-signed CAs) are outside the
 * checklist item and are not reported; expired certificates are certificate-expired's. The period
 * is judged rather than the time left, so the result does not change as the certificate ages. The
 * places read are those of certificate-expired.
 */
import { defineRule } from '../define-rule';
import { CERTIFICATE_KINDS, certificatesInPem, embeddedPemFields, isRootCertificate, THREE_YEARS_MS } from '../../model/certificates';

import { CERTIFICATE_REFERENCES, certificateData } from '../shared/certificates';

export default defineRule({
  id: 'certificate-lifetime-long',
  checklist: ['authn-authz/cert-validity'],
  scope: { kinds: CERTIFICATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Certificate valid for more than three years', 'zh-cn': '证书有效期超过三年' },
    summary: {
      en: 'Intermediate and leaf certificates embedded in manifests must not be valid for more than three years.',
      'zh-cn': '清单中嵌入的中间证书和叶子证书的有效期不得超过三年。',
    },
    why: {
      en: 'Kubernetes and most TLS clients do not check revocation, so a leaked certificate or key stays usable until the certificate expires. A short lifetime bounds that window and forces the renewal automation that recovery from a compromise needs anyway.',
      'zh-cn': 'Kubernetes 和大多数 TLS 客户端不检查吊销状态，因此泄露的证书或私钥在证书过期前一直可用。较短的有效期可以限制这一窗口，并促使建立续期自动化，而从失陷中恢复本来就需要它。',
    },
    remediation: {
      en: 'Issue certificates for three years or less (one year or 90 days is common) and renew them automatically.',
      'zh-cn': '签发有效期不超过三年的证书（常见为一年或 90 天），并自动续期。',
    },
    fixSafety: {
      en: 'A shorter certificate works the same until it expires; renewal must be automated before it does.',
      'zh-cn': '有效期较短的证书在过期前的用法完全相同；必须在其过期之前实现自动续期。',
    },
    references: CERTIFICATE_REFERENCES,
    examples: {
      incorrect: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: web-tls',
        '  namespace: shop',
        'type: kubernetes.io/tls',
        'stringData:',
        '  # CN=web.example.com, valid 2020-01-01 to 2099-12-31',
        '  tls.crt: |',
        '    -----BEGIN CERTIFICATE-----',
        '    MIIBZTCCARegAwIBAgICEAIwBQYDK2VwMBoxGDAWBgNVBAMMD2ZpeHR1cmUtcm9v',
        '    dC1jYTAgFw0yMDAxMDEwMDAwMDBaGA8yMDk5MTIzMTIzNTk1OVowGjEYMBYGA1UE',
        '    AwwPd2ViLmV4YW1wbGUuY29tMCowBQYDK2VwAyEAKSi/JgWw9AlZ/+DlJxsfUu4D',
        '    KvzoniF8Cn9SVslj4KWjfzB9MAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQDAgeA',
        '    MB0GA1UdJQQWMBQGCCsGAQUFBwMCBggrBgEFBQcDATAdBgNVHQ4EFgQUPklPwSA6',
        '    T+XwMul3oDdMSWnodZ8wHwYDVR0jBBgwFoAUs53KUkQlYByrDI7Sl/nLhRwUu30w',
        '    BQYDK2VwA0EArj5z89rSpAotjppR5CKo8Y2amjXz9Mhseo7A++85DlFuIg6/xHRM',
        '    uZeVl2Id3Tnh2Y1D3STFY+Mub+3Cl7mRDw==',
        '    -----END CERTIFICATE-----',
        '  tls.key: ""',
      ].join('\n'),
      correct: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: web-tls',
        '  namespace: shop',
        'type: kubernetes.io/tls',
        'stringData:',
        '  # CN=web.example.com, valid 2026-01-01 to 2027-01-01',
        '  tls.crt: |',
        '    -----BEGIN CERTIFICATE-----',
        '    MIIBYzCCARWgAwIBAgICEAwwBQYDK2VwMBoxGDAWBgNVBAMMD2ZpeHR1cmUtcm9v',
        '    dC1jYTAeFw0yNjAxMDEwMDAwMDBaFw0yNzAxMDEwMDAwMDBaMBoxGDAWBgNVBAMM',
        '    D3dlYi5leGFtcGxlLmNvbTAqMAUGAytlcAMhANSpTMwb7D9a1mJ30XqZfwzPVSqE',
        '    xwD99zJzmBNP59Eco38wfTAMBgNVHRMBAf8EAjAAMA4GA1UdDwEB/wQEAwIHgDAd',
        '    BgNVHSUEFjAUBggrBgEFBQcDAgYIKwYBBQUHAwEwHQYDVR0OBBYEFHnN44p2jL2w',
        '    aRbWWHG9BvvSqowDMB8GA1UdIwQYMBaAFLOdylJEJWAcqwyO0pf5y4UcFLt9MAUG',
        '    AytlcANBALR7JwMJoRDMJYrmVnjE71YfILequ2DL+t7Alr2U5bKg2pV01ww5EJEi',
        '    r9Ov8qICc3Ej7R0MUQrj42E3MN0J5gw=',
        '    -----END CERTIFICATE-----',
        '  tls.key: ""',
      ].join('\n'),
    },
  },
  messages: {
    tooLong: {
      en: '{{field}} of {{kind}} "{{name}}" holds certificate "{{cn}}" valid for {{days}} days ({{from}} to {{to}}), more than three years',
      'zh-cn': '{{kind}} "{{name}}" 的 {{field}} 中的证书 "{{cn}}" 有效期为 {{days}} 天（{{from}} 至 {{to}}），超过三年',
    },
  },
  check(context, resource) {
    for (const field of embeddedPemFields(resource)) {
      const long = certificatesInPem(field.text).find(
        (certificate) => !isRootCertificate(certificate) && certificate.notAfter >= context.now && certificate.notAfter - certificate.notBefore > THREE_YEARS_MS,
      );
      if (long) context.report({ messageId: 'tooLong', data: certificateData(resource, field, long), path: field.path, target: 'key' });
    }
  },
});
