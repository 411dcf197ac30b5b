/**
 * Projected service account tokens asked to live longer than a day (checklist
 * secrets/bound-sa-tokens). A projected token is bound to its Pod, but expirationSeconds decides
 * how long a stolen copy keeps working; the default is one hour and the kubelet refreshes it well
 * before expiry, so there is rarely a reason to ask for more than 86400 seconds. Info by default:
 * the token still dies with its Pod.
 */
import { defineRule } from '../define-rule';
import { arrayAt, isRecord, numberAt, recordAt } from '../../model/values';
import { POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

const ONE_DAY = 86400;

export default defineRule({
  id: 'projected-token-long-expiration',
  checklist: ['secrets/bound-sa-tokens'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Long-lived projected token', 'zh-cn': '长期有效的投射令牌' },
    summary: {
      en: 'Projected serviceAccountToken volumes ask for at most 86400 seconds (one day).',
      'zh-cn': '投射的 serviceAccountToken 卷请求的有效期不应超过 86400 秒（一天）。',
    },
    why: {
      en: 'The point of bound tokens is that a stolen one soon stops working. The kubelet renews a projected token before it expires, so a long expirationSeconds buys nothing for the workload and gives a thief days or months.',
      'zh-cn': '绑定令牌的意义在于被盗的令牌很快失效。kubelet 会在投射令牌过期前续期，因此较长的 expirationSeconds 对工作负载毫无益处，却给窃取者留下数天甚至数月的时间。',
    },
    remediation: {
      en: 'Lower expirationSeconds to 86400 or less, or remove it to get the one-hour default.',
      'zh-cn': '把 expirationSeconds 降到 86400 或以下，或删除该字段以使用一小时的默认值。',
    },
    fixSafety: {
      en: 'Safe for clients that re-read the token file, as the official client libraries do; a program that reads the token once at start fails after the shorter lifetime.',
      'zh-cn': '对会重新读取令牌文件的客户端是安全的（官方客户端库就是如此）；只在启动时读取一次令牌的程序会在较短的有效期后失败。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/storage/projected-volumes/#serviceaccounttoken',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect:
        'volumes:\n  - name: vault-token\n    projected:\n      sources:\n        - serviceAccountToken:\n            audience: vault\n            expirationSeconds: 2592000\n            path: token',
      correct:
        'volumes:\n  - name: vault-token\n    projected:\n      sources:\n        - serviceAccountToken:\n            audience: vault\n            expirationSeconds: 3600\n            path: token',
    },
  },
  messages: {
    longExpiration: {
      en: 'Volume "{{volume}}" asks for a service account token valid for {{seconds}} seconds, more than one day (86400)',
      'zh-cn': '卷 "{{volume}}" 请求的服务账号令牌有效期为 {{seconds}} 秒，超过一天（86400）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    arrayAt(template.spec, 'volumes').forEach((volume, volumeIndex) => {
      if (!isRecord(volume)) return;
      const name = typeof volume.name === 'string' ? volume.name : `#${volumeIndex + 1}`;
      arrayAt(recordAt(volume, 'projected'), 'sources').forEach((source, sourceIndex) => {
        const seconds = numberAt(recordAt(source, 'serviceAccountToken'), 'expirationSeconds');
        if (seconds === undefined || seconds <= ONE_DAY) return;
        context.report({
          messageId: 'longExpiration',
          data: { volume: name, seconds },
          path: [...template.specPath, 'volumes', volumeIndex, 'projected', 'sources', sourceIndex, 'serviceAccountToken', 'expirationSeconds'],
          target: 'value',
        });
      });
    });
  },
});
