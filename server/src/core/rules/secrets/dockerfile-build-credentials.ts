/**
 * Credentials written into a Dockerfile's `ARG` defaults and `ENV` values (checklist
 * secrets/no-configmap-secrets): the detectors of model/credentials.ts, the ones env-literal-
 * credentials uses for container env (credential names with literal values, known token shapes,
 * private keys, URLs with a password; placeholders and `${VAR}` references are not values). The
 * finding sits on the `NAME=value` property and names the variable; the value is never shown.
 */
import { defineRule } from '../define-rule';
import { findCredentials } from '../../model/credentials';
import { credentialMessage } from '../shared/credential-messages';
import type { Property } from 'dockerfile-ast';

export default defineRule({
  id: 'dockerfile-build-credentials',
  checklist: ['secrets/no-configmap-secrets'],
  scope: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Credential written into a Dockerfile', 'zh-cn': '凭据直接写在 Dockerfile 中' },
    summary: {
      en: '`ARG` defaults and `ENV` values should not carry passwords, tokens or keys; use build secrets (`RUN --mount=type=secret`) and Kubernetes Secrets at run time.',
      'zh-cn': '`ARG` 默认值和 `ENV` 值不应包含密码、令牌或密钥；构建时使用构建密钥（`RUN --mount=type=secret`），运行时使用 Kubernetes Secret。',
    },
    why: {
      en: 'An `ENV` value is stored in the image configuration and an `ARG` used by a `RUN` in its history: anyone who can pull the image reads them with `docker history` or `docker inspect`, and the Dockerfile itself sits in the repository. The detectors are those of env-literal-credentials: names ending with a credential word (`NPM_TOKEN`, `DB_PASSWORD`) with a literal value, and values shaped like a private key, a cloud access key, a known token or a URL with a password. An `ARG` without a default, `${VAR}` references and placeholders (`changeme`, `<token>`) are not reported.',
      'zh-cn': '`ENV` 的值保存在镜像配置中，被 `RUN` 使用的 `ARG` 会留在镜像历史里：任何能拉取镜像的人都可以用 `docker history` 或 `docker inspect` 读到它们，而 Dockerfile 本身也在代码仓库中。检测方式与 env-literal-credentials 相同：名称以凭据类词语结尾（`NPM_TOKEN`、`DB_PASSWORD`）且值为字面量，以及形态像私钥、云访问密钥、已知令牌或带密码 URL 的值。没有默认值的 `ARG`、`${VAR}` 引用和占位符（`changeme`、`<token>`）不会被报告。',
    },
    remediation: {
      en: 'Remove the value and rotate the credential. At build time pass it as a secret mount: `RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci`; at run time inject it from a Kubernetes Secret.',
      'zh-cn': '删除该值并轮换凭据。构建时以密钥挂载传入：`RUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci`；运行时从 Kubernetes Secret 注入。',
    },
    fixSafety: {
      en: 'Changes the build: the step that needs the credential must read it from the secret mount.',
      'zh-cn': '会改变构建：需要该凭据的步骤必须改为从密钥挂载中读取。',
    },
    references: [
      'https://docs.docker.com/build/building/secrets/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    examples: {
      incorrect: 'FROM node:20-slim\nENV DB_PASSWORD=hunter2\nRUN npm ci',
      correct: 'FROM node:20-slim\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci',
    },
  },
  messages: {
    credential: {
      en: '{{keyword}} "{{name}}", named like a credential, has a literal value (value redacted)',
      'zh-cn': '{{keyword}} "{{name}}" 的名称像凭据，却带有字面量值（值已隐去）',
    },
    embedded: {
      en: '{{keyword}} "{{name}}" holds a literal value in "{{field}}", which is named like a credential (value redacted)',
      'zh-cn': '{{keyword}} "{{name}}" 在名称像凭据的 "{{field}}" 中含有字面量值（值已隐去）',
    },
    privateKey: {
      en: '{{keyword}} "{{name}}" holds a private key (value redacted)',
      'zh-cn': '{{keyword}} "{{name}}" 含有私钥（值已隐去）',
    },
    urlPassword: {
      en: '{{keyword}} "{{name}}" holds a URL with a password (value redacted)',
      'zh-cn': '{{keyword}} "{{name}}" 含有带密码的 URL（值已隐去）',
    },
    token: {
      en: '{{keyword}} "{{name}}" holds a credential in {{format}} format (value redacted)',
      'zh-cn': '{{keyword}} "{{name}}" 含有 {{format}} 格式的凭据（值已隐去）',
    },
  },
  check(context, dockerfile) {
    for (const instruction of dockerfile.ast.getInstructions()) {
      const keyword = instruction.getKeyword();
      if (keyword !== 'ARG' && keyword !== 'ENV') continue;
      const properties = (instruction as unknown as { getProperties(): Property[] }).getProperties();
      for (const property of properties) {
        const value = property.getValue();
        if (value === null) continue;
        for (const hit of findCredentials(property.getName(), value)) {
          const message = credentialMessage(hit);
          context.report({ messageId: message.messageId, data: { keyword, name: property.getName(), ...message.data }, node: property });
        }
      }
    }
  },
});
