/**
 * Admission webhooks that may hold a request for more than 15 seconds (the maximum is 30):
 * timeoutSeconds above 15, or unset in admissionregistration.k8s.io/v1beta1, whose default is 30.
 * Every matching API request waits that long when the webhook hangs. Advice (info).
 */
import { defineRule } from '../define-rule';
import { numberAt } from '../../model/values';
import { setFix } from '../../edits/fix-builders';

import { WEBHOOK_KINDS, webhooksOf } from '../shared/webhooks';

const LIMIT = 15;

export default defineRule({
  id: 'webhook-timeout-long',
  checklist: ['admission/secure-config'],
  scope: { kinds: WEBHOOK_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Long admission webhook timeout', 'zh-cn': '准入 Webhook 超时时间过长' },
    summary: {
      en: 'Admission webhooks should answer within a few seconds; timeoutSeconds above 15 (the maximum is 30) is reported.',
      'zh-cn': '准入 Webhook 应在几秒内应答；timeoutSeconds 超过 15（最大值为 30）会被报告。',
    },
    why: {
      en: 'The API server waits up to timeoutSeconds for each call, in series for mutating webhooks, and the client\'s own request timeout may expire first. A hanging webhook with a long timeout slows every matching request and can stall controllers; with failurePolicy Fail it also rejects them late. In v1beta1 an unset timeout means 30 seconds (v1 uses 10).',
      'zh-cn': 'API 服务器对每次调用最多等待 timeoutSeconds 秒，变更型 Webhook 还是依次调用，客户端自身的请求超时可能先到。挂起的 Webhook 若超时很长，会拖慢每个匹配的请求并可能卡住控制器；若 failurePolicy 为 Fail，还会很晚才拒绝请求。在 v1beta1 中未设置超时即为 30 秒（v1 为 10 秒）。',
    },
    remediation: {
      en: 'Set timeoutSeconds to a small value (the v1 default of 10, or less) and make the webhook answer quickly.',
      'zh-cn': '把 timeoutSeconds 设为较小的值（v1 默认的 10 或更小），并让 Webhook 快速应答。',
    },
    fixSafety: {
      en: 'May change behaviour: calls that took longer than the new timeout fail, and the failure policy applies.',
      'zh-cn': '可能改变行为：耗时超过新超时时间的调用会失败，并按失败策略处理。',
    },
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#timeouts'],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    timeoutSeconds: 30\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    timeoutSeconds: 5\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    long: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" may hold requests for {{seconds}} seconds (timeoutSeconds above 15)',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 可能让请求等待 {{seconds}} 秒（timeoutSeconds 超过 15）',
    },
    defaultLong: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" has no timeoutSeconds, which defaults to 30 seconds in v1beta1',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 未设置 timeoutSeconds，在 v1beta1 中默认为 30 秒',
    },
  },
  check(context, resource) {
    for (const view of webhooksOf(resource)) {
      const data = { webhook: view.name, kind: view.kind, name: view.configuration };
      const seconds = numberAt(view.webhook, 'timeoutSeconds');
      const path = [...view.path, 'timeoutSeconds'];
      const fixes = [setFix('suggestion', path, 10)];
      if (seconds !== undefined && seconds > LIMIT) context.report({ messageId: 'long', data: { ...data, seconds }, path, fixes });
      else if (seconds === undefined && view.webhook.timeoutSeconds == null && view.v1beta1) context.report({ messageId: 'defaultLong', data, path, fixes });
    }
  },
});
