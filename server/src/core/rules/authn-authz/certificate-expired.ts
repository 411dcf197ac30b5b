/**
 * Certificates embedded in manifests that have already expired (judged at context.now): Secret and
 * ConfigMap entries, kubeconfig certificate-authority-data and client-certificate-data, webhook
 * configuration, APIService and CRD conversion caBundles. A self-signed root that has expired in a
 * bundle that still holds a valid certificate is left alone: trust bundles carry old roots during a
 * rotation and they do no harm there. One finding per field, naming the certificate by its common
 * name and dates.
 */
import { defineRule } from '../define-rule';
import { CERTIFICATE_KINDS, certificatesInPem, embeddedPemFields, isRootCertificate } from '../../model/certificates';

import { CERTIFICATE_REFERENCES, certificateData } from '../shared/certificates';

export default defineRule({
  id: 'certificate-expired',
  checklist: ['authn-authz/cert-validity'],
  scope: { kinds: CERTIFICATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Expired certificate', 'zh-cn': '证书已过期' },
    summary: {
      en: 'Certificates embedded in Secrets, ConfigMaps, kubeconfig files and caBundle fields must not be expired.',
      'zh-cn': '嵌入在 Secret、ConfigMap、kubeconfig 文件和 caBundle 字段中的证书不得过期。',
    },
    why: {
      en: 'An expired certificate breaks TLS for whatever relies on it: webhooks fail (and with failurePolicy Ignore, policies are silently skipped), API services become unavailable, clients stop connecting. It also shows that rotation is not in place, which the checklist expects for every certificate.',
      'zh-cn': '过期的证书会使依赖它的 TLS 连接失败：Webhook 调用失败（若 failurePolicy 为 Ignore，策略会被悄悄跳过），API 服务不可用，客户端无法连接。这还说明证书轮换没有到位，而安全检查清单要求每个证书都能轮换。',
    },
    remediation: {
      en: 'Issue a new certificate and automate its renewal (cert-manager, kubeadm certs renew, kubelet certificate rotation).',
      'zh-cn': '签发新证书并将续期自动化（cert-manager、kubeadm certs renew、kubelet 证书轮换）。',
    },
    fixSafety: {
      en: 'Replacing an expired certificate restores connections; make sure clients trust the CA of the new one.',
      'zh-cn': '替换过期证书可以恢复连接；请确认客户端信任新证书的 CA。',
    },
    references: CERTIFICATE_REFERENCES,
    examples: {
      incorrect: [
        'apiVersion: admissionregistration.k8s.io/v1',
        'kind: ValidatingWebhookConfiguration',
        'metadata:',
        '  name: policy',
        'webhooks:',
        '  - name: policy.example.com',
        '    admissionReviewVersions: ["v1"]',
        '    sideEffects: None',
        '    clientConfig:',
        '      service:',
        '        name: policy',
        '        namespace: policy',
        '      # CN=old-webhook-ca, valid 2001-01-01 to 2011-01-01',
        '      caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJJekNCMXFBREFnRUNBZ0lRRFRBRkJnTXJaWEF3R1RFWE1CVUdBMVVFQXd3T2IyeGtMWGRsWW1odmIyc3QKWTJFd0hoY05NREV3TVRBeE1EQXdNREF3V2hjTk1URXdNVEF4TURBd01EQXdXakFaTVJjd0ZRWURWUVFEREE1dgpiR1F0ZDJWaWFHOXZheTFqWVRBcU1BVUdBeXRsY0FNaEFHelpiYUZkTXZFMS9qVW9IUW5LcldvQkY5eXJNb0V4Cm4yWEhYWUFSQUdoOW8wSXdRREFQQmdOVkhSTUJBZjhFQlRBREFRSC9NQTRHQTFVZER3RUIvd1FFQXdJQkJqQWQKQmdOVkhRNEVGZ1FVdVBSeDRjT1JZRTU3SkV6WUJJVTB6Wit2Ui9Jd0JRWURLMlZ3QTBFQTQ1bnNreWF5VVZTSApJWSt3bHJmVDhHWFM3WWp0Sjl2UkxSMGpPb2l0WUJ5dkgzMXZFayttaFJnbTVTM1pVTUdkdkdZKy9rWDlFZjQrCjl5eVlueGdtRFE9PQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
      ].join('\n'),
      correct: [
        'apiVersion: admissionregistration.k8s.io/v1',
        'kind: ValidatingWebhookConfiguration',
        'metadata:',
        '  name: policy',
        'webhooks:',
        '  - name: policy.example.com',
        '    admissionReviewVersions: ["v1"]',
        '    sideEffects: None',
        '    clientConfig:',
        '      service:',
        '        name: policy',
        '        namespace: policy',
        '      # CN=fixture-root-ca, valid 2000-01-01 to 2099-12-31 (a root CA)',
        '      caBundle: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJKekNCMnFBREFnRUNBZ0lRQURBRkJnTXJaWEF3R2pFWU1CWUdBMVVFQXd3UFptbDRkSFZ5WlMxeWIyOTAKTFdOaE1DQVhEVEF3TURFd01UQXdNREF3TUZvWUR6SXdPVGt4TWpNeE1qTTFPVFU1V2pBYU1SZ3dGZ1lEVlFRRApEQTltYVhoMGRYSmxMWEp2YjNRdFkyRXdLakFGQmdNclpYQURJUUF5aWR1WHRZdTJTV00rdFVvL1pldDFXaWZjCmtJaFIrL0FCYjBBN05WaWFCS05DTUVBd0R3WURWUjBUQVFIL0JBVXdBd0VCL3pBT0JnTlZIUThCQWY4RUJBTUMKQVFZd0hRWURWUjBPQkJZRUZMT2R5bEpFSldBY3F3eU8wcGY1eTRVY0ZMdDlNQVVHQXl0bGNBTkJBRTdhb0lTSQp5N3VlU1Nodks2dzhLN2FraXNEczVMeURscWV2VTJNLzJEbnorOHU0TEV4eThLVHBXRmllS3NNVlcvQXhNUVNaCmxjSDhnN084WkpYdklRVT0KLS0tLS1FTkQgQ0VSVElGSUNBVEUtLS0tLQo=',
      ].join('\n'),
    },
  },
  messages: {
    expired: {
      en: '{{field}} of {{kind}} "{{name}}" holds certificate "{{cn}}" that expired on {{to}} (valid from {{from}})',
      'zh-cn': '{{kind}} "{{name}}" 的 {{field}} 中的证书 "{{cn}}" 已于 {{to}} 过期（生效日期 {{from}}）',
    },
  },
  check(context, resource) {
    for (const field of embeddedPemFields(resource)) {
      const certificates = certificatesInPem(field.text);
      const anyValid = certificates.some((certificate) => certificate.notAfter >= context.now);
      const expired = certificates.find((certificate) => certificate.notAfter < context.now && !(anyValid && isRootCertificate(certificate)));
      if (!expired) continue;
      context.report({ messageId: 'expired', data: certificateData(resource, field, expired), path: field.path, target: 'key' });
    }
  },
});
