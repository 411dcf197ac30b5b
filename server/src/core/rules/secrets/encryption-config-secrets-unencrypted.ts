/**
 * An EncryptionConfiguration that leaves Secrets unencrypted: no entry of `resources` covers them,
 * or the first provider of the entry that does is `identity`, which writes them in the clear.
 */

import { defineRule } from '../define-rule';
import { ENCRYPTION_EXAMPLE, ENCRYPTION_KINDS, ENCRYPTION_REFERENCES, isEncryptionConfig, secretsEntry } from '../shared/encryption-config';

export default defineRule({
  id: 'encryption-config-secrets-unencrypted',
  checklist: ['secrets/encryption-at-rest'],
  scope: { kinds: ENCRYPTION_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Encryption configuration leaves Secrets unencrypted', 'zh-cn': '加密配置未加密 Secret' },
    summary: {
      en: 'The EncryptionConfiguration must cover secrets, with a real encryption provider first.',
      'zh-cn': 'EncryptionConfiguration 必须覆盖 secrets，且第一个提供者必须是真正的加密提供者。',
    },
    why: {
      en: 'The API server encrypts new data with the first provider of the first entry that matches the resource; the others are only used to read. When that provider is identity, or no entry matches secrets, Secrets are written to etcd in the clear although encryption looks configured.',
      'zh-cn': 'API 服务器使用与资源匹配的第一个条目中的第一个提供者加密新数据，其余提供者只用于读取。如果该提供者是 identity，或者没有条目匹配 secrets，那么尽管看似配置了加密，Secret 仍以明文写入 etcd。',
    },
    remediation: {
      en: 'List `secrets` (or `*.*`) in an entry whose first provider is kms with apiVersion v2, or secretbox; keep identity only last, to read data written before encryption. Then rewrite all Secrets.',
      'zh-cn': '在某个条目中列出 `secrets`（或 `*.*`），并使其第一个提供者为 apiVersion 为 v2 的 kms 或 secretbox；identity 只放在最后，用于读取加密前写入的数据。然后重写所有 Secret。',
    },
    fixSafety: {
      en: 'Safe in order: first add the new provider last and restart every API server, then move it first; otherwise servers with the old file cannot read new data.',
      'zh-cn': '按顺序操作是安全的：先把新提供者加在最后并重启所有 API 服务器，再把它移到第一位；否则仍使用旧文件的服务器无法读取新数据。',
    },
    references: ENCRYPTION_REFERENCES,
    examples: {
      incorrect: ENCRYPTION_EXAMPLE(['      - identity: {}', '      - secretbox:', '          keys:', '            - name: key1', '              secret: REDACTED']),
      correct: ENCRYPTION_EXAMPLE(['      - secretbox:', '          keys:', '            - name: key1', '              secret: REDACTED', '      - identity: {}']),
    },
  },
  messages: {
    identityFirst: {
      en: 'The first provider for secrets is identity: new Secrets are written to etcd unencrypted',
      'zh-cn': 'secrets 的第一个提供者是 identity：新的 Secret 会以未加密形式写入 etcd',
    },
    notCovered: {
      en: 'No entry of resources covers secrets (secrets, *. or *.*): Secrets are written to etcd unencrypted',
      'zh-cn': 'resources 中没有覆盖 secrets 的条目（secrets、*. 或 *.*）：Secret 会以未加密形式写入 etcd',
    },
  },
  check(context, resource) {
    if (!isEncryptionConfig(resource)) return;
    const entry = secretsEntry(resource);
    if (!entry) {
      context.report({ messageId: 'notCovered', path: ['resources'], target: 'key' });
    } else if (entry.provider?.type === 'identity') {
      context.report({ messageId: 'identityFirst', path: entry.provider.path, target: 'key' });
    }
  },
});
