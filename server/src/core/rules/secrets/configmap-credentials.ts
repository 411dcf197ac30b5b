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
      en: 'ConfigMaps are meant for non-confidential data: many more people and controllers may read them than Secrets, encryption at rest is usually configured for Secrets only, and they end up in logs, dashboards and Git. Detectors, in `data` and in text decoded from `binaryData`: (1) key names that end with a credential word (password, passwd, passphrase, secret, token, api key, access key, secret key, private key, storage key, credentials; `AWS_SECRET_ACCESS_KEY`, `AZURE_CLIENT_SECRET`, OCI `pass_phrase`) with a literal value; (2) values shaped like a PEM private key, a GCP service account key file (`"type": "service_account"` with its `private_key`), a Docker config (`auths` with `auth` or `password`), an AWS access key id (AKIA, ASIA ...), a Google API key (AIza...) or OAuth secret, an Azure AD client secret or storage account key, a GitHub (ghp_, gho_, ghs_, github_pat_ ...), GitLab (glpat-), Slack (xox...-, webhook), Stripe live, npm or SendGrid token, a JWT, an HTTP `Authorization: Bearer|Basic` header with a literal credential, or a URL with a password (`postgres://user:pass@host`); (3) the same inside embedded files: YAML and Helm values, JSON, properties, .env, XML, connection strings (`AccountKey=`, `Password=`). Not credentials: references and templates (`${VAR}`, `$(VAR)`, `{{ .Values.x }}`, `$ref`), paths, plain URLs, empty values, numbers, booleans, placeholders (`<password>`, `xxx`, `***`, `changeme`, `change_it`, `REPLACE_ME`, `dummy`, `sample`, `fake`, `example`, any value containing `EXAMPLE` such as AWS\'s documented `AKIAIOSFODNN7EXAMPLE`, the credential\'s own noun such as `password`), Stripe test keys, URLs with a password and `Authorization` headers on comment lines (documentation), code (`os.environ["X"]`), and keys that name where a credential is rather than holding it (`password_file`, `PASSWORD_PATH`, `token_url`, `secretName`, `passwordSecretRef`, `passwordSecretKey`, `existingSecret`, `checksum/secret`, trust store passwords).',
      'zh-cn': 'ConfigMap 用于保存非机密数据：能读取它的人和控制器远多于 Secret，静态加密通常只为 Secret 配置，而且它常会出现在日志、仪表盘和 Git 中。在 `data` 以及由 `binaryData` 解码出的文本中使用以下检测方式：(1) 键名以凭据类词语结尾（password、passwd、passphrase、secret、token、api key、access key、secret key、private key、storage key、credentials；如 `AWS_SECRET_ACCESS_KEY`、`AZURE_CLIENT_SECRET`、OCI 的 `pass_phrase`）且值为字面量；(2) 值的形态是 PEM 私钥、GCP 服务账号密钥文件（`"type": "service_account"` 及其 `private_key`）、Docker 配置（`auths` 中带 `auth` 或 `password`）、AWS 访问密钥 ID（AKIA、ASIA 等）、Google API 密钥（AIza...）或 OAuth 客户端密钥、Azure AD 客户端密钥或存储账号密钥、GitHub（ghp_、gho_、ghs_、github_pat_ 等）、GitLab（glpat-）、Slack（xox...-、webhook）、Stripe 正式环境、npm 或 SendGrid 令牌、JWT、带字面量凭据的 HTTP `Authorization: Bearer|Basic` 请求头，或带密码的 URL（`postgres://user:pass@host`）；(3) 内嵌文件中的同类内容：YAML 与 Helm values、JSON、properties、.env、XML 以及连接字符串（`AccountKey=`、`Password=`）。以下不算凭据：引用和模板（`${VAR}`、`$(VAR)`、`{{ .Values.x }}`、`$ref`）、路径、普通 URL、空值、数字、布尔值、占位符（`<password>`、`xxx`、`***`、`changeme`、`change_it`、`REPLACE_ME`、`dummy`、`sample`、`fake`、`example`、任何含有 `EXAMPLE` 的值，例如 AWS 文档中的 `AKIAIOSFODNN7EXAMPLE`，以及凭据名词本身如 `password`）、Stripe 测试密钥、注释行中的带密码 URL 和 `Authorization` 请求头（属于文档说明）、代码（`os.environ["X"]`），以及只说明凭据在哪里而不保存凭据的键（`password_file`、`PASSWORD_PATH`、`token_url`、`secretName`、`passwordSecretRef`、`passwordSecretKey`、`existingSecret`、`checksum/secret`、信任库密码）。',
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
      en: 'ConfigMap "{{name}}" key "{{key}}" is named like a credential and holds a literal value (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 名称像凭据，且值为字面量（值已隐去）',
    },
    embedded: {
      en: 'ConfigMap "{{name}}" key "{{key}}", line {{line}}: field "{{field}}" is named like a credential and holds a literal value (value redacted)',
      'zh-cn': 'ConfigMap "{{name}}" 的键 "{{key}}" 第 {{line}} 行：字段 "{{field}}" 名称像凭据，且值为字面量（值已隐去）',
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
