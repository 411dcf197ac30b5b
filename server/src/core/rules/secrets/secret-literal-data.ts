/**
 * Secret manifests committed with literal values in data or stringData: advice (info) to keep the
 * values in an external store and inject them with a mechanism made for it (Secrets Store CSI
 * driver, External Secrets Operator, Sealed Secrets). Empty values, templates (`{{ ... }}`) and
 * placeholders are not literal; service account token Secrets are another rule's concern. The
 * finding names the keys, never the values.
 */
import { defineRule } from '../define-rule';
import { decodeBase64Text, isPlaceholderValue } from '../../model/credentials';
import { recordAt, stringAt } from '../../model/values';

const SHOWN_KEYS = 5;

/** Whether a `data` value (base64) holds a literal: binary content counts, text unless a placeholder. */
function isLiteralData(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() === '' || /\{\{|\$\{/.test(value)) return false;
  const text = decodeBase64Text(value);
  if (text !== undefined) return !isPlaceholderValue(text);
  // Not base64 text: binary content (a key store) is literal; anything that is not base64 is left to the API server.
  return /^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(value);
}

export default defineRule({
  id: 'secret-literal-data',
  checklist: ['secrets/external-store'],
  scope: { kinds: ['Secret'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Secret values committed in a manifest', 'zh-cn': '清单中提交了 Secret 的值' },
    summary: {
      en: 'A Secret manifest with literal data or stringData keeps the credential wherever the manifest goes; an external secret store can inject it instead.',
      'zh-cn': '含有字面量 data 或 stringData 的 Secret 清单会让凭据随清单到处流转；可以改由外部密钥存储注入。',
    },
    why: {
      en: 'base64 in `data` is an encoding, not encryption: whoever reads the repository, a CI log or a rendered chart reads the credential, and removing it later does not remove it from history. A store made for secrets (a cloud secret manager or Vault through the Secrets Store CSI driver or the External Secrets Operator) or an encrypted form (SealedSecret, SOPS) keeps only a reference in Git. This is advice: some teams deliberately keep encrypted repositories. Empty values, templates and placeholders are not reported, nor are service account token Secrets.',
      'zh-cn': '`data` 中的 base64 只是编码而非加密：能读取仓库、CI 日志或渲染后 chart 的人都能读到凭据，而且事后删除也无法把它从历史记录中抹去。专门的密钥存储（通过 Secrets Store CSI 驱动或 External Secrets Operator 接入的云密钥管理服务或 Vault）或加密形式（SealedSecret、SOPS）只在 Git 中保留引用。这只是建议：有些团队会刻意使用加密的仓库。空值、模板和占位符不会被报告，服务账号令牌 Secret 也不会。',
    },
    remediation: {
      en: 'Replace the Secret manifest with an ExternalSecret, a SecretProviderClass (Secrets Store CSI driver) or a SealedSecret, and rotate the values that were committed.',
      'zh-cn': '用 ExternalSecret、SecretProviderClass（Secrets Store CSI 驱动）或 SealedSecret 替换该 Secret 清单，并轮换已经提交过的值。',
    },
    fixSafety: {
      en: 'Changes how the Secret is created; the workloads keep reading the same Secret once the store provides it.',
      'zh-cn': '会改变 Secret 的创建方式；只要存储能提供该 Secret，工作负载仍读取同一个 Secret。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://secrets-store-csi-driver.sigs.k8s.io/',
      'https://external-secrets.io/latest/',
    ],
    examples: {
      incorrect: 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: hunter2',
      correct:
        'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: db\nspec:\n  secretStoreRef:\n    name: vault\n    kind: ClusterSecretStore\n  target:\n    name: db\n  data:\n    - secretKey: password\n      remoteRef:\n        key: db/password',
    },
  },
  messages: {
    literal: {
      en: 'Secret "{{name}}" is committed with literal values in {{field}} ({{keys}}); consider an external secret store',
      'zh-cn': 'Secret "{{name}}" 提交了 {{field}} 中的字面量值（{{keys}}）；建议使用外部密钥存储',
    },
  },
  check(context, resource) {
    if (resource.apiVersion !== 'v1' || stringAt(resource.value, 'type') === 'kubernetes.io/service-account-token') return;
    const name = resource.name ?? '';
    for (const field of ['data', 'stringData'] as const) {
      const entries = Object.entries(recordAt(resource.value, field) ?? {});
      const literal = entries
        .filter(([, value]) => (field === 'data' ? isLiteralData(value) : typeof value === 'string' ? !isPlaceholderValue(value) && !/\{\{/.test(value) : typeof value === 'number'))
        .map(([key]) => key);
      if (literal.length === 0) continue;
      const keys = literal.slice(0, SHOWN_KEYS).join(', ') + (literal.length > SHOWN_KEYS ? ', …' : '');
      context.report({ messageId: 'literal', data: { name, field, keys }, path: [field], target: 'key' });
      return;
    }
  },
});
