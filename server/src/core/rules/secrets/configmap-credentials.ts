/**
 * ConfigMap entries that hold credentials: keys that name one with a literal value, private keys,
 * known token formats, URLs with a password, credential fields inside embedded config files, and
 * key stores in binaryData. Detection lives in model/credentials.ts; messages name the key (and the
 * line and field inside the value), never the value.
 */
import { defineRule } from '../define-rule';
import { CredentialHit, decodeBase64Text, findCredentials, isKeystoreName } from '../../model/credentials';
import { recordAt } from '../../model/values';

export default defineRule({
  id: 'configmap-credentials',
  checklist: ['secrets/no-configmap-secrets'],
  scope: { kinds: ['ConfigMap'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Credentials in a ConfigMap', 'zh-cn': 'ConfigMap 中的凭据' },
    summary: {
      en: 'ConfigMaps should not hold passwords, tokens, private keys or other credentials, neither as whole values nor inside embedded config files.',
      'zh-cn': 'ConfigMap 不应保存密码、令牌、私钥或其他凭据，无论是作为完整的值，还是写在内嵌的配置文件里。',
    },
    why: {
      en: 'ConfigMaps are meant for non-confidential data: many more people and controllers may read them than Secrets, encryption at rest is usually configured for Secrets only, and they end up in logs, dashboards and Git. A key is reported when its name ends with a credential word (password, secret, token, api key, private key, credentials ...) and its value is a literal, or when the value has the shape of a private key, a known token (AWS, GitHub, GitLab, Slack, Google, Stripe, npm, SendGrid, JWT) or a URL with a password. Placeholders such as `${VAR}`, `{{ .Values.x }}` or `<password>`, empty values, numbers, booleans, paths and plain URLs are not reported; weak but working values such as `changeme` are.',
      'zh-cn': 'ConfigMap 用于保存非机密数据：能读取它的人和控制器远多于 Secret，静态加密通常只为 Secret 配置，而且它常会出现在日志、仪表盘和 Git 中。当键名以凭据类词语结尾（password、secret、token、api key、private key、credentials 等）且值为字面量时，或者值的形态是私钥、已知令牌（AWS、GitHub、GitLab、Slack、Google、Stripe、npm、SendGrid、JWT）或带密码的 URL 时，就会被报告。`${VAR}`、`{{ .Values.x }}`、`<password>` 这类占位符，以及空值、数字、布尔值、路径和普通 URL 不会被报告；`changeme` 这类虽弱但可用的值会被报告。',
    },
    remediation: {
      en: 'Move the credential into a Secret (or an external secret store) and reference it with secretKeyRef, envFrom.secretRef or a secret volume; keep only non-confidential settings in the ConfigMap.',
      'zh-cn': '把凭据移到 Secret（或外部密钥存储）中，通过 secretKeyRef、envFrom.secretRef 或 Secret 卷引用；ConfigMap 中只保留非机密配置。',
    },
    fixSafety: {
      en: 'Changes behaviour: the workloads must read the value from its new place; rotate the credential, since it has been exposed.',
      'zh-cn': '会改变行为：工作负载必须从新位置读取该值；由于凭据已经暴露，应当轮换它。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/configuration/configmap/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  DB_HOST: db.internal\n  DB_PASSWORD: hunter2',
      correct: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  DB_HOST: db.internal\n  DB_PASSWORD_FILE: /etc/app/secrets/db-password',
    },
  },
  messages: {
    credentialKey: {
      en: 'ConfigMap "{{name}}" key "{{key}}" looks like a credential (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 看起来是凭据（值已隐去）',
    },
    embedded: {
      en: 'ConfigMap "{{name}}" key "{{key}}", line {{line}}: "{{field}}" looks like a credential (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 第 {{line}} 行："{{field}}" 看起来是凭据（值已隐去）',
    },
    privateKey: {
      en: 'ConfigMap "{{name}}" key "{{key}}" holds a private key (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 含有私钥（值已隐去）',
    },
    urlPassword: {
      en: 'ConfigMap "{{name}}" key "{{key}}" holds a URL with a password (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 含有带密码的 URL（值已隐去）',
    },
    token: {
      en: 'ConfigMap "{{name}}" key "{{key}}" holds a credential in {{format}} format (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 含有 {{format}} 格式的凭据（值已隐去）',
    },
    keystore: {
      en: 'ConfigMap "{{name}}" binaryData key "{{key}}" is a key store, which holds private keys',
      'zh-cn': 'ConfigMap "{{name}}" 的 binaryData 键 "{{key}}" 是密钥库，其中含有私钥',
    },
  },
  check(context, resource) {
    if (resource.apiVersion !== 'v1') return;
    const name = resource.name ?? '';
    const report = (field: 'data' | 'binaryData', key: string, hit: CredentialHit) => {
      const path = [field, key];
      if (hit.kind === 'key' && hit.field !== undefined) {
        context.report({ messageId: 'embedded', data: { name, key, line: hit.line ?? 1, field: hit.field }, path, target: 'key' });
      } else if (hit.kind === 'token') {
        context.report({ messageId: 'token', data: { name, key, format: hit.format ?? '' }, path, target: 'key' });
      } else {
        const messageId = ({ key: 'credentialKey', 'private-key': 'privateKey', 'url-password': 'urlPassword', keystore: 'keystore' } as const)[hit.kind];
        context.report({ messageId, data: { name, key }, path, target: 'key' });
      }
    };
    for (const [key, value] of Object.entries(recordAt(resource.value, 'data') ?? {})) {
      if (typeof value !== 'string') continue;
      for (const hit of findCredentials(key, value)) report('data', key, hit);
    }
    for (const [key, value] of Object.entries(recordAt(resource.value, 'binaryData') ?? {})) {
      if (typeof value !== 'string') continue;
      const text = decodeBase64Text(value);
      if (text !== undefined) {
        for (const hit of findCredentials(key, text)) report('binaryData', key, hit);
      } else if (isKeystoreName(key)) {
        report('binaryData', key, { kind: 'keystore' });
      }
    }
  },
});
