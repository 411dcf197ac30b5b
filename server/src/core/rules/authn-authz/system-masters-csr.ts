/**
 * CertificateSigningRequests whose PKCS#10 request (spec.request, base64 PEM) asks for the
 * organization system:masters: once approved and signed, the certificate bypasses authorization and
 * cannot be revoked. The subject is read from the request's DER (every O value of every RDN, exact
 * match, as the API server's CertificateSubjectRestriction compares it). That admission plugin
 * rejects such requests only for the kubernetes.io/kube-apiserver-client signer; other signers,
 * and clusters without the plugin, let them through, so every signer is reported.
 */
import { defineRule } from '../define-rule';
import { attributeValues, certificateRequestSubjects, decodeBase64, OID_ORGANIZATION } from '../../model/certificates';
import { stringAt, recordAt } from '../../model/values';

import { RBAC_REFERENCES } from '../shared/rbac';
import { SYSTEM_MASTERS } from './system-masters-group-binding';

export default defineRule({
  id: 'system-masters-csr',
  checklist: ['authn-authz/system-masters'],
  scope: { kinds: ['CertificateSigningRequest'] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Certificate request for system:masters', 'zh-cn': '申请 system:masters 证书' },
    summary: {
      en: 'A CertificateSigningRequest must not ask for the organization (group) system:masters.',
      'zh-cn': 'CertificateSigningRequest 不得申请组织（组）system:masters。',
    },
    why: {
      en: 'The O field of a client certificate becomes the user\'s groups. A certificate in system:masters skips authorization altogether, stays valid until it expires, and cannot be revoked, which is why the checklist keeps this group to bootstrapping.',
      'zh-cn': '客户端证书的 O 字段会成为用户所属的组。属于 system:masters 的证书会完全跳过鉴权，在过期前一直有效且无法吊销，这正是安全检查清单要求该组只用于集群引导的原因。',
    },
    remediation: {
      en: 'Request the certificate for a group that RBAC controls (for example kubeadm:cluster-admins or a team group) and bind the role that group needs.',
      'zh-cn': '为受 RBAC 控制的组（例如 kubeadm:cluster-admins 或团队组）申请证书，并为该组绑定所需的角色。',
    },
    fixSafety: {
      en: 'The new certificate has only the permissions bound to its group.',
      'zh-cn': '新证书只拥有绑定给其所属组的权限。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/certificate-signing-requests/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
      RBAC_REFERENCES[0],
    ],
    examples: {
      incorrect: [
        'apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest', 'metadata:', '  name: alice-admin', 'spec:',
        '  signerName: kubernetes.io/kube-apiserver-client', '  usages: ["client auth"]',
        '  # openssl req -new -subj "/O=system:masters/CN=alice" ...',
        '  request: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlHb01Gd0NBUUF3S1RFWE1CVUdBMVVFQ2d3T2MzbHpkR1Z0T20xaGMzUmxjbk14RGpBTUJnTlZCQU1NQldGcwphV05sTUNvd0JRWURLMlZ3QXlFQTFvMnR4b2tCR2pTeTNKOHdkbFdYVmRqSWF5UVdnWGtvdzE3SUFnd3BLZ21nCkFEQUZCZ01yWlhBRFFRQjlPT1ZwL2hiS1NUcTZHK0w2cFVOeWxZU2JGZTBRN2Z5YThMczh2ODJUOFhLV0xNbm0Kbkx4ZlVUODRGNnMzN21ha1psWVZNZlRLNzh5TVZNN3FBUWtPCi0tLS0tRU5EIENFUlRJRklDQVRFIFJFUVVFU1QtLS0tLQo=',
      ].join('\n'),
      correct: [
        'apiVersion: certificates.k8s.io/v1', 'kind: CertificateSigningRequest', 'metadata:', '  name: alice', 'spec:',
        '  signerName: kubernetes.io/kube-apiserver-client', '  usages: ["client auth"]',
        '  # openssl req -new -subj "/O=ops-admins/CN=alice" ...',
        '  request: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURSBSRVFVRVNULS0tLS0KTUlHa01GZ0NBUUF3SlRFVE1CRUdBMVVFQ2d3S2IzQnpMV0ZrYldsdWN6RU9NQXdHQTFVRUF3d0ZZV3hwWTJVdwpLakFGQmdNclpYQURJUURXamEzR2lRRWFOTExjbnpCMlZaZFYyTWhySkJhQmVTakRYc2dDRENrcUNhQUFNQVVHCkF5dGxjQU5CQUZaMDV2Ukl1K3NwT0Jmd0FVeFpLMEEyS2hzdTMyNE1uUW5HN2l5MTF6VVhnTUVONWdhbzYrYnYKejhjSjRqODhkWERmcWxXdGc5MksraXRBb21hTllRMD0KLS0tLS1FTkQgQ0VSVElGSUNBVEUgUkVRVUVTVC0tLS0tCg==',
      ].join('\n'),
    },
  },
  messages: {
    requestsMasters: {
      en: 'CertificateSigningRequest "{{name}}" asks for a certificate in group system:masters (O=system:masters) from signer {{signer}}',
      'zh-cn': 'CertificateSigningRequest "{{name}}" 向签名者 {{signer}} 申请属于 system:masters 组（O=system:masters）的证书',
    },
  },
  check(context, resource) {
    if (!resource.apiVersion.startsWith('certificates.k8s.io/')) return;
    const spec = recordAt(resource.value, 'spec');
    const request = stringAt(spec, 'request');
    const pem = request === undefined ? undefined : decodeBase64(request)?.toString('utf8');
    if (pem === undefined) return;
    const masters = certificateRequestSubjects(pem).some((subject) => attributeValues(subject, OID_ORGANIZATION).includes(SYSTEM_MASTERS));
    if (!masters) return;
    context.report({
      messageId: 'requestsMasters',
      data: { name: resource.name ?? '-', signer: stringAt(spec, 'signerName') ?? 'kubernetes.io/legacy-unknown' },
      path: ['spec', 'request'],
      target: 'key',
    });
  },
});
