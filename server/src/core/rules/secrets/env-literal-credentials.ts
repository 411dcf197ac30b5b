/**
 * Credentials written literally into container environment variables (`env[].value`) of every Pod
 * template: a variable whose name names a credential with a literal value, a value shaped like a
 * private key, a known token or a URL with a password, or a credential field inside a small
 * embedded config (`SPRING_APPLICATION_JSON`). Names are shown, values never.
 */
import { defineRule } from '../define-rule';
import { findCredentials } from '../../model/credentials';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../../model/pod-spec';
import { isRecord } from '../../model/values';
import { credentialMessage } from '../shared/credential-messages';

export default defineRule({
  id: 'env-literal-credentials',
  checklist: ['secrets/no-configmap-secrets'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Credential written into an environment variable', 'zh-cn': '凭据直接写在环境变量中' },
    summary: {
      en: 'Container env entries should not carry literal passwords, tokens or keys in `value`; reference a Secret instead.',
      'zh-cn': '容器的 env 条目不应在 `value` 中直接写入密码、令牌或密钥；应改为引用 Secret。',
    },
    why: {
      en: 'A literal in the Pod template is stored in the workload object itself: everyone who can read Deployments, Pods or ReplicaSets, every GitOps repository and every `kubectl get -o yaml` sees it, and it is not protected like a Secret. The detectors are those of configmap-credentials: names that end with a credential word (`DB_PASSWORD`, `AWS_SECRET_ACCESS_KEY`, `AZURE_CLIENT_SECRET`) with a literal value; values shaped like a private key, a GCP service account key file, a Docker config, a cloud access key (AWS, Google, Azure), a GitHub, GitLab, Slack or Stripe token, a JWT or a URL with a password; credential fields inside small embedded configs (`SPRING_APPLICATION_JSON`, connection strings). Not reported: `valueFrom` references, `$(VAR)` and `${VAR}`, templates, paths, plain URLs, empty values, numbers, booleans, placeholders (`changeme`, `<password>`, `xxx`, `REPLACE_ME`, `dummy`, values containing `EXAMPLE`), and names such as `PASSWORD_FILE`, `PASSWORD_PATH` or `TOKEN_URL` that say where a credential is.',
      'zh-cn': 'Pod 模板中的字面量保存在工作负载对象本身中：任何能读取 Deployment、Pod 或 ReplicaSet 的人、每个 GitOps 仓库、每次 `kubectl get -o yaml` 都能看到它，它也得不到 Secret 那样的保护。检测方式与 configmap-credentials 相同：名称以凭据类词语结尾（`DB_PASSWORD`、`AWS_SECRET_ACCESS_KEY`、`AZURE_CLIENT_SECRET`）且值为字面量；值的形态是私钥、GCP 服务账号密钥文件、Docker 配置、云访问密钥（AWS、Google、Azure）、GitHub、GitLab、Slack 或 Stripe 令牌、JWT 或带密码的 URL；小型内嵌配置（`SPRING_APPLICATION_JSON`、连接字符串）中的凭据字段。不会报告：`valueFrom` 引用、`$(VAR)` 和 `${VAR}`、模板、路径、普通 URL、空值、数字、布尔值、占位符（`changeme`、`<password>`、`xxx`、`REPLACE_ME`、`dummy`、含有 `EXAMPLE` 的值），以及 `PASSWORD_FILE`、`PASSWORD_PATH`、`TOKEN_URL` 这类只说明凭据位置的名称。',
    },
    remediation: {
      en: 'Put the value into a Secret and use `valueFrom.secretKeyRef` (or better, mount the Secret as a file); rotate the credential, since it has been exposed.',
      'zh-cn': '把该值放入 Secret，并使用 `valueFrom.secretKeyRef`（更好的做法是把 Secret 作为文件挂载）；由于凭据已经暴露，应当轮换它。',
    },
    fixSafety: {
      en: 'Safe once the Secret exists with the same value; the variable keeps its name.',
      'zh-cn': '只要先创建含相同值的 Secret 就是安全的；变量名保持不变。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    examples: {
      incorrect: 'env:\n  - name: DB_PASSWORD\n    value: hunter2',
      correct: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password',
    },
  },
  messages: {
    credential: {
      en: 'Container "{{container}}" sets env "{{env}}", named like a credential, to a literal value (value redacted)',
      'zh-cn': '容器 "{{container}}" 把名称像凭据的环境变量 "{{env}}" 设为字面量值（值已隐去）',
    },
    embedded: {
      en: 'Container "{{container}}" env "{{env}}" holds a literal value in "{{field}}", which is named like a credential (value redacted)',
      'zh-cn': '容器 "{{container}}" 的环境变量 "{{env}}" 在名称像凭据的 "{{field}}" 中含有字面量值（值已隐去）',
    },
    privateKey: {
      en: 'Container "{{container}}" env "{{env}}" holds a private key (value redacted)',
      'zh-cn': '容器 "{{container}}" 的环境变量 "{{env}}" 含有私钥（值已隐去）',
    },
    urlPassword: {
      en: 'Container "{{container}}" env "{{env}}" holds a URL with a password (value redacted)',
      'zh-cn': '容器 "{{container}}" 的环境变量 "{{env}}" 含有带密码的 URL（值已隐去）',
    },
    token: {
      en: 'Container "{{container}}" env "{{env}}" holds a credential in {{format}} format (value redacted)',
      'zh-cn': '容器 "{{container}}" 的环境变量 "{{env}}" 含有 {{format}} 格式的凭据（值已隐去）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const env = Array.isArray(view.container.env) ? (view.container.env as unknown[]) : [];
      env.forEach((entry, index) => {
        if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.value !== 'string') return;
        const path = [...view.path, 'env', index, 'value'];
        const data = { container: view.name, env: entry.name };
        for (const hit of findCredentials(entry.name, entry.value)) {
          const message = credentialMessage(hit);
          context.report({ messageId: message.messageId, data: { ...data, ...message.data }, path, target: 'key' });
        }
      });
    }
  },
});
