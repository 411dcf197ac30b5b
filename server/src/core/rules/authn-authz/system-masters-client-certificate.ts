/**
 * Client certificates in group system:masters (subject O=system:masters, any RDN, exact value):
 * in kubeconfig files (users[].user.client-certificate-data), and in Secret or ConfigMap entries,
 * either as PEM certificates or inside a kubeconfig stored as text (Cluster API's admin kubeconfig
 * Secrets, CI credentials). Such a credential bypasses authorization and cannot be revoked; kubeadm
 * itself moved its admin.conf to the kubeadm:cluster-admins group in v1.29 and keeps
 * super-admin.conf for emergencies. CA certificates are not client credentials and are skipped.
 * The certificate is named by its common name, never shown.
 */
import { defineRule } from '../define-rule';
import { attributeValues, CertificateInfo, certificatesInPem, decodeBase64, displayName, OID_ORGANIZATION, storedEntries } from '../../model/certificates';
import { clientCertificatesInKubeconfigText, kubeconfigDataFields } from '../../model/kubeconfig';

import { RBAC_REFERENCES } from '../shared/rbac';
import { SYSTEM_MASTERS } from './system-masters-group-binding';

function mastersCertificate(pem: string): CertificateInfo | undefined {
  return certificatesInPem(pem).find((certificate) => !certificate.isCA && attributeValues(certificate.subject, OID_ORGANIZATION).includes(SYSTEM_MASTERS));
}

export default defineRule({
  id: 'system-masters-client-certificate',
  checklist: ['authn-authz/system-masters'],
  scope: { kinds: ['Config', 'ConfigMap', 'Secret'] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Client certificate in group system:masters', 'zh-cn': '属于 system:masters 组的客户端证书' },
    summary: {
      en: 'Kubeconfig files, Secrets and ConfigMaps must not carry client certificates with O=system:masters.',
      'zh-cn': 'kubeconfig 文件、Secret 和 ConfigMap 不得包含 O=system:masters 的客户端证书。',
    },
    why: {
      en: 'A certificate in system:masters passes every authorization check, and Kubernetes cannot revoke it: if the file leaks, the only remedy is to replace the cluster CA. After bootstrapping no user or component should authenticate this way.',
      'zh-cn': '属于 system:masters 的证书可以通过所有鉴权检查，而且 Kubernetes 无法吊销它：一旦文件泄露，唯一的补救办法是更换集群 CA。集群引导完成后，不应再有用户或组件以这种方式认证。',
    },
    remediation: {
      en: 'Issue certificates for a group that RBAC controls (kubeadm uses kubeadm:cluster-admins for admin.conf), or use an identity provider; keep a system:masters credential offline for emergencies only.',
      'zh-cn': '为受 RBAC 控制的组签发证书（kubeadm 的 admin.conf 使用 kubeadm:cluster-admins），或使用身份提供方；system:masters 凭据只离线保存以备应急。',
    },
    fixSafety: {
      en: 'The replacement credential has only the permissions bound to its group; the old certificate stays valid until it expires.',
      'zh-cn': '替换后的凭据只拥有绑定给其所属组的权限；旧证书在过期前仍然有效。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
      'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/kubeadm-certs/',
      RBAC_REFERENCES[0],
    ],
    examples: {
      incorrect: [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: prod',
        '    cluster:',
        '      server: https://prod.example.com:6443',
        'users:',
        '  - name: admin',
        '    user:',
        '      # certificate subject: O=system:masters, CN=kubernetes-admin',
        '      client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJnVENDQVRPZ0F3SUJBZ0lDRUFjd0JRWURLMlZ3TUJveEdEQVdCZ05WQkFNTUQyWnBlSFIxY21VdGNtOXYKZEMxallUQWlHQTh5TURrd01ERXdNVEF3TURBd01Gb1lEekl3T1RFd01UQXhNREF3TURBd1dqQTBNUmN3RlFZRApWUVFLREE1emVYTjBaVzA2YldGemRHVnljekVaTUJjR0ExVUVBd3dRYTNWaVpYSnVaWFJsY3kxaFpHMXBiakFxCk1BVUdBeXRsY0FNaEFKS3lrWWdRUUxzeXFnSXVIK2FkaXdTaFB0UDdqM3ZFZlZ3TTY3THBFeGJJbzM4d2ZUQU0KQmdOVkhSTUJBZjhFQWpBQU1BNEdBMVVkRHdFQi93UUVBd0lIZ0RBZEJnTlZIU1VFRmpBVUJnZ3JCZ0VGQlFjRApBZ1lJS3dZQkJRVUhBd0V3SFFZRFZSME9CQllFRkhIQTN5RVo1dFd3L1lKdzczQ05sYitud3hnQ01COEdBMVVkCkl3UVlNQmFBRkxPZHlsSkVKV0FjcXd5TzBwZjV5NFVjRkx0OU1BVUdBeXRsY0FOQkFGaGI5ek14TmY3UmE5RXcKcVVUVGcyZzA3dzBNaEZWS2xVdXErQnlVMGpiOUJRZzF1TVRNeXJmQkYzMkZzaVp6QkdIR0lOWkNmZy96MjB5MwpubTVtUGdJPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
        'contexts:',
        '  - name: prod',
        '    context:',
        '      cluster: prod',
        '      user: admin',
        'current-context: prod',
      ].join('\n'),
      correct: [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '  - name: prod',
        '    cluster:',
        '      server: https://prod.example.com:6443',
        'users:',
        '  - name: alice',
        '    user:',
        '      # certificate subject: O=ops-admins, CN=alice',
        '      client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUJjakNDQVNTZ0F3SUJBZ0lDRUFnd0JRWURLMlZ3TUJveEdEQVdCZ05WQkFNTUQyWnBlSFIxY21VdGNtOXYKZEMxallUQWlHQTh5TURrd01ERXdNVEF3TURBd01Gb1lEekl3T1RFd01UQXhNREF3TURBd1dqQWxNUk13RVFZRApWUVFLREFwdmNITXRZV1J0YVc1ek1RNHdEQVlEVlFRRERBVmhiR2xqWlRBcU1BVUdBeXRsY0FNaEFHc3FhVndPCi94MzlIdzNzaGh2OTQzZ2loSTFFMGRQaXVndmEwMXRjZVlHQm8zOHdmVEFNQmdOVkhSTUJBZjhFQWpBQU1BNEcKQTFVZER3RUIvd1FFQXdJSGdEQWRCZ05WSFNVRUZqQVVCZ2dyQmdFRkJRY0RBZ1lJS3dZQkJRVUhBd0V3SFFZRApWUjBPQkJZRUZCbE1WaVJBRVhsYXUzd2hnSVNQbll4TlZNOFhNQjhHQTFVZEl3UVlNQmFBRkxPZHlsSkVKV0FjCnF3eU8wcGY1eTRVY0ZMdDlNQVVHQXl0bGNBTkJBTE5zQ2xBcnI3SEZyNTY2Y05IMHp4YllLeGNadTRBV21IQW4KYzRyN0R2Q0ZUNTBiVG5pMmtHOHVBTTUwemNDTSs3dFU0dEMyamhlTFF2Kzc1cmNpTlFRPQotLS0tLUVORCBDRVJUSUZJQ0FURS0tLS0tCg==',
        'contexts:',
        '  - name: prod',
        '    context:',
        '      cluster: prod',
        '      user: alice',
        'current-context: prod',
      ].join('\n'),
    },
  },
  messages: {
    kubeconfigUser: {
      en: 'kubeconfig user "{{user}}" authenticates with a client certificate ("{{cn}}") in group system:masters, which bypasses authorization and cannot be revoked',
      'zh-cn': 'kubeconfig 用户 "{{user}}" 使用属于 system:masters 组的客户端证书（"{{cn}}"）认证，该组绕过鉴权且证书无法吊销',
    },
    storedCertificate: {
      en: '{{kind}} "{{name}}" key "{{key}}" holds a client certificate ("{{cn}}") in group system:masters (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的键 "{{key}}" 中有属于 system:masters 组的客户端证书（"{{cn}}"，值已隐去）',
    },
  },
  check(context, resource) {
    const kubeconfig = kubeconfigDataFields(resource);
    for (const field of kubeconfig?.clientCertificates ?? []) {
      const pem = decodeBase64(field.encoded)?.toString('utf8');
      const certificate = pem === undefined ? undefined : mastersCertificate(pem);
      if (!certificate) continue;
      context.report({ messageId: 'kubeconfigUser', data: { user: field.entry, cn: displayName(certificate.subject) }, path: field.path, target: 'key' });
    }
    for (const entry of storedEntries(resource)) {
      if (entry.text === undefined) continue;
      const pems = [entry.text, ...clientCertificatesInKubeconfigText(entry.text).map((encoded) => decodeBase64(encoded)?.toString('utf8') ?? '')];
      const certificate = pems.map(mastersCertificate).find((found) => found !== undefined);
      if (!certificate) continue;
      context.report({
        messageId: 'storedCertificate',
        data: { kind: resource.kind, name: resource.name ?? '-', key: entry.key, cn: displayName(certificate.subject) },
        path: entry.path,
        target: 'key',
      });
    }
  },
});
