/**
 * Long-lived service account tokens (checklist secrets/bound-sa-tokens): a Secret of type
 * kubernetes.io/service-account-token makes the control plane write a token that never expires
 * and is not bound to any Pod. Since v1.22 Pods get bound, expiring tokens through a projected
 * volume, and `kubectl create token` or the TokenRequest API gives short-lived ones to anyone else.
 * The token itself is never read or shown.
 */
import { defineRule } from '../define-rule';
import { recordAt } from '../../model/values';

const LEGACY_TYPE = 'kubernetes.io/service-account-token';
const ACCOUNT_ANNOTATION = 'kubernetes.io/service-account.name';

export default defineRule({
  id: 'secret-service-account-token',
  checklist: ['secrets/bound-sa-tokens'],
  scope: { kinds: ['Secret'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Long-lived service account token Secret', 'zh-cn': '长期有效的服务账号令牌 Secret' },
    summary: {
      en: 'No Secret of type kubernetes.io/service-account-token: use bound, expiring tokens instead.',
      'zh-cn': '不要使用 kubernetes.io/service-account-token 类型的 Secret：改用绑定的、会过期的令牌。',
    },
    why: {
      en: 'The control plane fills such a Secret with a token that never expires and works from anywhere until the Secret or the ServiceAccount is deleted. A copy that leaks through a log, a backup or a CI variable stays valid for years. Bound tokens expire within hours and die with their Pod.',
      'zh-cn': '控制平面会向这种 Secret 写入一个永不过期的令牌，在 Secret 或 ServiceAccount 被删除之前可以在任何地方使用。通过日志、备份或 CI 变量泄露的副本会在数年内一直有效。绑定令牌会在数小时内过期，并随其 Pod 一起失效。',
    },
    remediation: {
      en: 'Delete the Secret. Pods get projected, expiring tokens automatically; for clients outside the cluster request short-lived tokens with `kubectl create token` or the TokenRequest API.',
      'zh-cn': '删除该 Secret。Pod 会自动获得投射的、会过期的令牌；集群外的客户端用 `kubectl create token` 或 TokenRequest API 申请短期令牌。',
    },
    fixSafety: {
      en: 'Breaks clients that still use the long-lived token; give them a short-lived token first.',
      'zh-cn': '仍在使用该长期令牌的客户端会失效；请先为它们换用短期令牌。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/service-accounts-admin/#bound-service-account-token-volume',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: ci-deployer-token\n  annotations:\n    kubernetes.io/service-account.name: ci-deployer\ntype: kubernetes.io/service-account-token',
      correct: 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ci-deployer',
    },
  },
  messages: {
    legacyToken: {
      en: 'Secret "{{secret}}" holds a non-expiring token of ServiceAccount "{{serviceAccount}}" (type kubernetes.io/service-account-token): use bound, expiring tokens',
      'zh-cn': 'Secret "{{secret}}" 保存着 ServiceAccount "{{serviceAccount}}" 的永不过期令牌（类型 kubernetes.io/service-account-token）：请改用绑定的、会过期的令牌',
    },
  },
  check(context, resource) {
    if (resource.apiVersion !== 'v1' || resource.value.type !== LEGACY_TYPE) return;
    const account = recordAt(recordAt(resource.value, 'metadata'), 'annotations')?.[ACCOUNT_ANNOTATION];
    context.report({
      messageId: 'legacyToken',
      data: { secret: resource.name ?? '', serviceAccount: typeof account === 'string' ? account : '' },
      path: ['type'],
      target: 'value',
    });
  },
});
