/**
 * The provider that encrypts new Secrets should be one the Kubernetes documentation recommends:
 * kms v2 or secretbox. aescbc is documented as not recommended (CBC is open to padding oracle
 * attacks), aesgcm only with automated key rotation (its keys must change every 200,000 writes),
 * and kms v1 is deprecated since 1.28 and off by default since 1.29.
 */
import { defineRule } from '../define-rule';
import { stringAt } from '../../model/values';

import { ENCRYPTION_EXAMPLE, ENCRYPTION_KINDS, ENCRYPTION_REFERENCES, isEncryptionConfig, secretsEntry } from '../shared/encryption-config';

export default defineRule({
  id: 'encryption-config-weak-provider',
  checklist: ['secrets/encryption-at-rest'],
  scope: { kinds: ENCRYPTION_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Weak encryption provider for Secrets', 'zh-cn': 'Secret 使用了较弱的加密提供者' },
    summary: {
      en: 'Secrets should be encrypted with kms v2 or secretbox rather than aescbc, aesgcm or kms v1.',
      'zh-cn': 'Secret 应使用 kms v2 或 secretbox 加密，而不是 aescbc、aesgcm 或 kms v1。',
    },
    why: {
      en: 'aescbc is documented as not recommended because CBC mode is exposed to padding oracle attacks; aesgcm breaks down unless keys are rotated automatically every 200,000 writes; kms v1 is deprecated and disabled by default from 1.29. Local providers also keep the key in a file on the control-plane host, next to the data it protects, which a KMS avoids.',
      'zh-cn': '文档指出不推荐 aescbc，因为 CBC 模式易受填充预言攻击；aesgcm 除非每 20 万次写入就自动轮换密钥，否则会失去安全性；kms v1 已弃用，并从 1.29 起默认禁用。本地提供者还会把密钥存放在控制平面主机的文件中，与其保护的数据放在一起，而 KMS 可以避免这一点。',
    },
    remediation: {
      en: 'Move to kms with `apiVersion: v2` (preferred) or secretbox as the first provider, keeping the old provider after it until all Secrets are rewritten.',
      'zh-cn': '改用 `apiVersion: v2` 的 kms（首选）或 secretbox 作为第一个提供者，并在所有 Secret 重写完成前保留旧提供者在其后。',
    },
    fixSafety: {
      en: 'Safe in order: add the new provider, restart every API server, move it first, then rewrite Secrets before removing the old one.',
      'zh-cn': '按顺序操作是安全的：添加新提供者、重启所有 API 服务器、把它移到第一位，重写 Secret 后再删除旧提供者。',
    },
    references: ENCRYPTION_REFERENCES,
    examples: {
      incorrect: ENCRYPTION_EXAMPLE(['      - aescbc:', '          keys:', '            - name: key1', '              secret: REDACTED', '      - identity: {}']),
      correct: ENCRYPTION_EXAMPLE(['      - secretbox:', '          keys:', '            - name: key1', '              secret: REDACTED', '      - identity: {}']),
    },
  },
  messages: {
    aescbc: {
      en: 'Secrets are encrypted with aescbc, which the Kubernetes documentation does not recommend: prefer kms v2 or secretbox',
      'zh-cn': 'Secret 使用 aescbc 加密，Kubernetes 文档不推荐该方式：请优先使用 kms v2 或 secretbox',
    },
    aesgcm: {
      en: 'Secrets are encrypted with aesgcm, which is safe only with automated key rotation: prefer kms v2 or secretbox',
      'zh-cn': 'Secret 使用 aesgcm 加密，只有配合自动密钥轮换才安全：请优先使用 kms v2 或 secretbox',
    },
    kmsV1: {
      en: 'Secrets are encrypted with KMS v1 provider "{{name}}", deprecated and off by default since Kubernetes 1.29: set apiVersion: v2',
      'zh-cn': 'Secret 使用 KMS v1 提供者 "{{name}}" 加密，该方式已弃用并自 Kubernetes 1.29 起默认关闭：请设置 apiVersion: v2',
    },
  },
  check(context, resource) {
    if (!isEncryptionConfig(resource)) return;
    const provider = secretsEntry(resource)?.provider;
    if (!provider) return;
    if (provider.type === 'aescbc' || provider.type === 'aesgcm') {
      context.report({ messageId: provider.type, path: provider.path, target: 'key' });
    } else if (provider.type === 'kms' && (stringAt(provider.config, 'apiVersion') ?? 'v1') === 'v1') {
      const name = stringAt(provider.config, 'name') ?? '';
      context.report({ messageId: 'kmsV1', data: { name }, path: provider.path, target: 'key' });
    }
  },
});
