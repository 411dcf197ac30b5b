/**
 * CA private keys kept in Secrets or ConfigMaps (checklist: the root certificate is protected, an
 * offline CA or a managed one under effective access control). A private key counts as a CA key
 * when its public key is that of a certificate with basicConstraints CA:TRUE held by the same
 * object (compared exactly through node:crypto), or, when no certificate of the object matches it
 * (the certificate is kept elsewhere, or the key is encrypted), when its entry is named like a CA
 * key (ca.key, ca-key.pem, cakey.pem, front-proxy-ca.key). A leaf key next to a CA certificate (the usual tls.key + ca.crt of
 * cert-manager) is not a CA key and is not reported. Placeholders and templates never decode and are
 * ignored. Key material never leaves this module: messages name the entry.
 */
import { defineRule } from '../define-rule';
import {
  CertificateInfo, certificatesInPem, displayName, privateKeysInPem, samePublicKey, storedEntries,
} from '../../model/certificates';

/** ca.key, ca-key.pem, cakey.pem, ca_key, front-proxy-ca.key, etcd-ca-key.pem (case-insensitive). */
const CA_KEY_NAME = /(?:^|[-_.])ca(?:[-_.]?key(?:\.pem)?|\.key)$/i;

export function isCaKeyName(name: string): boolean {
  return CA_KEY_NAME.test(name);
}

export default defineRule({
  id: 'ca-private-key-stored',
  checklist: ['authn-authz/root-ca-protected'],
  scope: { kinds: ['ConfigMap', 'Secret'] },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'CA private key stored in the cluster', 'zh-cn': 'CA 私钥存放在集群中' },
    summary: {
      en: 'Secrets and ConfigMaps (and the files they come from) must not hold the private key of a certificate authority.',
      'zh-cn': 'Secret 和 ConfigMap（以及生成它们的文件）不得保存证书颁发机构的私钥。',
    },
    why: {
      en: 'Whoever holds a CA key can issue certificates that everything trusting the CA accepts, such as client certificates for any user or group of the API server, and such certificates cannot be revoked. A key in a manifest also lives in version control, in every clone and in backups.',
      'zh-cn': '持有 CA 私钥的人可以签发所有信任该 CA 的组件都会接受的证书，例如 API 服务器任意用户或组的客户端证书，而且这些证书无法吊销。写在清单里的私钥还会留在版本库、每个克隆和备份中。',
    },
    remediation: {
      en: 'Keep root CAs offline. For an online issuing CA use a KMS or HSM-backed issuer, or at least create the Secret out of band (never commit it), restrict who can read it with RBAC, and enable encryption at rest.',
      'zh-cn': '根 CA 应离线保存。在线签发 CA 应使用 KMS 或 HSM 支持的签发方，至少也要在带外创建 Secret（绝不提交到版本库），用 RBAC 限制读取者，并启用静态加密。',
    },
    fixSafety: {
      en: 'Removing the key from the manifest changes nothing at run time if the Secret is created another way; rotate the CA if the key was ever committed.',
      'zh-cn': '如果 Secret 改用其他方式创建，从清单中删除私钥不会影响运行；如果私钥曾被提交过，应轮换该 CA。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
      'https://kubernetes.io/docs/setup/best-practices/certificates/',
      'https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/',
    ],
    examples: {
      incorrect: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: cluster-ca',
        '  namespace: cert-manager',
        'type: Opaque',
        'stringData:',
        '  ca.crt: |',
        '    -----BEGIN CERTIFICATE-----',
        '    MIIBJzCB2qADAgECAgIQADAFBgMrZXAwGjEYMBYGA1UEAwwPZml4dHVyZS1yb290',
        '    LWNhMCAXDTAwMDEwMTAwMDAwMFoYDzIwOTkxMjMxMjM1OTU5WjAaMRgwFgYDVQQD',
        '    DA9maXh0dXJlLXJvb3QtY2EwKjAFBgMrZXADIQAyiduXtYu2SWM+tUo/Zet1Wifc',
        '    kIhR+/ABb0A7NViaBKNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMC',
        '    AQYwHQYDVR0OBBYEFLOdylJEJWAcqwyO0pf5y4UcFLt9MAUGAytlcANBAE7aoISI',
        '    y7ueSShvK6w8K7akisDs5LyDlqevU2M/2Dnz+8u4LExy8KTpWFieKsMVW/AxMQSZ',
        '    lcH8g7O8ZJXvIQU=',
        '    -----END CERTIFICATE-----',
        '  ca.key: |',
        '    -----BEGIN PRIVATE KEY-----',
        '    MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw',
        '    -----END PRIVATE KEY-----',
      ].join('\n'),
      correct: [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        '  name: cluster-ca',
        '  namespace: cert-manager',
        'type: Opaque',
        'stringData:',
        '  # only the certificate: the CA key stays offline',
        '  ca.crt: |',
        '    -----BEGIN CERTIFICATE-----',
        '    MIIBJzCB2qADAgECAgIQADAFBgMrZXAwGjEYMBYGA1UEAwwPZml4dHVyZS1yb290',
        '    LWNhMCAXDTAwMDEwMTAwMDAwMFoYDzIwOTkxMjMxMjM1OTU5WjAaMRgwFgYDVQQD',
        '    DA9maXh0dXJlLXJvb3QtY2EwKjAFBgMrZXADIQAyiduXtYu2SWM+tUo/Zet1Wifc',
        '    kIhR+/ABb0A7NViaBKNCMEAwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMC',
        '    AQYwHQYDVR0OBBYEFLOdylJEJWAcqwyO0pf5y4UcFLt9MAUGAytlcANBAE7aoISI',
        '    y7ueSShvK6w8K7akisDs5LyDlqevU2M/2Dnz+8u4LExy8KTpWFieKsMVW/AxMQSZ',
        '    lcH8g7O8ZJXvIQU=',
        '    -----END CERTIFICATE-----',
      ].join('\n'),
    },
  },
  messages: {
    matchingKey: {
      en: '{{kind}} "{{name}}" key "{{key}}" holds the private key of CA certificate "{{ca}}" (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的键 "{{key}}" 中保存着 CA 证书 "{{ca}}" 的私钥（值已隐去）',
    },
    namedKey: {
      en: '{{kind}} "{{name}}" key "{{key}}" holds a private key named as a CA key (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的键 "{{key}}" 中保存着一个按 CA 私钥命名的私钥（值已隐去）',
    },
  },
  check(context, resource) {
    const entries = storedEntries(resource);
    const authorities: CertificateInfo[] = entries.flatMap((entry) => (entry.text === undefined ? [] : certificatesInPem(entry.text).filter((c) => c.isCA)));
    for (const entry of entries) {
      if (entry.text === undefined) continue;
      const keys = privateKeysInPem(entry.text);
      if (keys.length === 0) continue;
      const authority = authorities.find((ca) => keys.some((key) => key.publicKey && samePublicKey(key.publicKey, ca.publicKey)));
      const base = { kind: resource.kind, name: resource.name ?? '-', key: entry.key };
      if (authority) {
        context.report({ messageId: 'matchingKey', data: { ...base, ca: displayName(authority.subject) }, path: entry.path, target: 'key' });
      } else if (isCaKeyName(entry.key)) {
        context.report({ messageId: 'namedKey', data: base, path: entry.path, target: 'key' });
      }
    }
  },
});
