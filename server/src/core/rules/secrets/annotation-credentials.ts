/**
 * Credentials in annotations (of the resource and of its Pod template): annotations are metadata,
 * shown by `kubectl describe`, copied by controllers and readable by everyone who may list the
 * object. The detection of model/credentials.ts, with what annotations add: tool bookkeeping
 * (`kubectl.kubernetes.io/last-applied-configuration`, Helm's release metadata) is skipped, and an
 * annotation ending in `secret` whose value is an object name (`auth-secret: basic-auth`,
 * `ns/name`) names a Secret. Messages name the annotation, never its value.
 */
import { defineRule } from '../define-rule';
import { findCredentials, keyWords } from '../../model/credentials';
import { recordAt } from '../../model/values';
import type { PropertyPath } from '../../model/values';
import { credentialMessage } from '../shared/credential-messages';
import { POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

/**
 * Kinds whose annotations people write by hand. The Pod template kinds end with the any-kind scope
 * (a CRD that holds a Pod template), so every kind but a Secret, where a credential belongs, is read.
 */
const ANNOTATED_KINDS = [
  ...POD_TEMPLATE_KINDS,
  'ConfigMap', 'Gateway', 'HTTPRoute', 'Ingress', 'Namespace', 'PersistentVolume', 'PersistentVolumeClaim', 'Route', 'Service', 'ServiceAccount', 'StorageClass',
].filter((kind, i, all) => all.indexOf(kind) === i).sort();

/** Annotations that tools write about the object itself; the object's own rules judge what they copy. */
const BOOKKEEPING = /^(kubectl\.kubernetes\.io|meta\.helm\.sh|deployment\.kubernetes\.io|kube-checklist\.io|control-plane\.alpha\.kubernetes\.io)\//;

/** `basic-auth`, `tls-cert`, `ingress-nginx/basic-auth`: a Secret's name, possibly with its namespace. */
function namesAnObject(value: string): boolean {
  return /^([a-z0-9]([-a-z0-9]*[a-z0-9])?\/)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(value);
}

export default defineRule({
  id: 'annotation-credentials',
  checklist: ['secrets/no-configmap-secrets'],
  scope: { kinds: ANNOTATED_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Credential in an annotation', 'zh-cn': '注解中的凭据' },
    summary: {
      en: 'Annotations should not hold passwords, tokens or keys; they are metadata that many people and controllers read.',
      'zh-cn': '注解不应保存密码、令牌或密钥；注解是元数据，很多人和控制器都能读取。',
    },
    why: {
      en: 'Annotations are printed by `kubectl describe`, copied into events, dashboards and backups, and readable by everyone who can list the object, without the protections of a Secret. The detection is the one for ConfigMaps: an annotation whose name ends with a credential word (`example.com/deploy-token`) and whose value is a literal, or a value shaped like a private key, a known token (AWS, GitHub, GitLab, Slack, Google, Stripe, JWT ...), a Docker config or a URL with a password. Not reported: annotations that tools keep about the object (`kubectl.kubernetes.io/last-applied-configuration`, Helm metadata), Helm roll-out checksums (`checksum/secret`), annotations ending in `secret` whose value is the name of a Secret (`nginx.ingress.kubernetes.io/auth-secret: basic-auth`), references, paths, booleans, numbers and placeholders.',
      'zh-cn': '`kubectl describe` 会打印注解，注解也会被复制到事件、仪表盘和备份中；任何能列出该对象的人都能读取它，而它得不到 Secret 的保护。检测方式与 ConfigMap 相同：名称以凭据类词语结尾（`example.com/deploy-token`）且值为字面量的注解，或者值的形态是私钥、已知令牌（AWS、GitHub、GitLab、Slack、Google、Stripe、JWT 等）、Docker 配置或带密码的 URL。不会报告：工具为对象自身记录的注解（`kubectl.kubernetes.io/last-applied-configuration`、Helm 元数据）、Helm 滚动更新用的校验和（`checksum/secret`）、以 `secret` 结尾且值为某个 Secret 名称的注解（`nginx.ingress.kubernetes.io/auth-secret: basic-auth`），以及引用、路径、布尔值、数字和占位符。',
    },
    remediation: {
      en: 'Keep the credential in a Secret and let the controller that reads the annotation take the Secret\'s name instead; rotate the credential, since it has been exposed.',
      'zh-cn': '把凭据保存在 Secret 中，让读取该注解的控制器改为接收 Secret 的名称；由于凭据已经暴露，应当轮换它。',
    },
    fixSafety: {
      en: 'Changes behaviour: whatever reads the annotation must get the credential another way.',
      'zh-cn': '会改变行为：读取该注解的程序必须改用其他方式获取凭据。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations/',
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations:\n    example.com/deploy-token: glpat-Zq8Rw2Lm5Tn9Vb3Xc7Yd',
      correct: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations:\n    example.com/deploy-token-secret: deploy-token',
    },
  },
  messages: {
    credential: {
      en: '{{kind}} "{{name}}" annotation "{{key}}" is named like a credential and holds a literal value (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的注解 "{{key}}" 名称像凭据，且值为字面量（值已隐去）',
    },
    embedded: {
      en: '{{kind}} "{{name}}" annotation "{{key}}" holds a literal value in "{{field}}", which is named like a credential (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的注解 "{{key}}" 在名称像凭据的 "{{field}}" 中含有字面量值（值已隐去）',
    },
    privateKey: {
      en: '{{kind}} "{{name}}" annotation "{{key}}" holds a private key (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的注解 "{{key}}" 含有私钥（值已隐去）',
    },
    urlPassword: {
      en: '{{kind}} "{{name}}" annotation "{{key}}" holds a URL with a password (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的注解 "{{key}}" 含有带密码的 URL（值已隐去）',
    },
    token: {
      en: '{{kind}} "{{name}}" annotation "{{key}}" holds a credential in {{format}} format (value redacted)',
      'zh-cn': '{{kind}} "{{name}}" 的注解 "{{key}}" 含有 {{format}} 格式的凭据（值已隐去）',
    },
  },
  check(context, resource) {
    if (resource.kind === 'Secret') return;
    const template = podTemplateOf(resource);
    const places: [PropertyPath, unknown][] = [[['metadata'], recordAt(resource.value, 'metadata')]];
    if (template) places.push([template.metadataPath, template.metadata]);
    const base = { kind: resource.kind, name: resource.name ?? '' };
    for (const [metadataPath, metadata] of places) {
      for (const [key, value] of Object.entries(recordAt(metadata, 'annotations') ?? {})) {
        if (typeof value !== 'string' || BOOKKEEPING.test(key)) continue;
        const words = keyWords(key);
        if (words[words.length - 1] === 'secret' && namesAnObject(value.trim())) continue;
        const path = [...metadataPath, 'annotations', key];
        const data = { ...base, key };
        for (const hit of findCredentials(key, value)) {
          const message = credentialMessage(hit);
          context.report({ messageId: message.messageId, data: { ...data, ...message.data }, path, target: 'key' });
        }
      }
    }
  },
});
