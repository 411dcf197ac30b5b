/**
 * Admission webhooks and ValidatingAdmissionPolicies that act on Pods or workloads and fail open:
 * `failurePolicy: Ignore`, or no failurePolicy in admissionregistration.k8s.io/v1beta1, whose
 * default is Ignore (v1 and policies default to Fail). When the webhook is down or slow, requests
 * pass unchecked, which an attacker can provoke.
 */
import { defineRule } from '../define-rule';
import { stringAt, recordAt } from '../../model/values';
import { setFix } from '../../edits/fix-builders';

import { actsOnWorkloads, isValidatingAdmissionPolicy, rulesOf, WEBHOOK_KINDS, webhooksOf } from '../shared/webhooks';

export default defineRule({
  id: 'webhook-failure-policy-ignore',
  checklist: ['admission/secure-config'],
  scope: { kinds: [...WEBHOOK_KINDS, 'ValidatingAdmissionPolicy'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Admission control that fails open', 'zh-cn': '失败时放行的准入控制' },
    summary: {
      en: 'Webhooks and admission policies that act on Pods or workloads should use failurePolicy: Fail.',
      'zh-cn': '作用于 Pod 或工作负载的 Webhook 和准入策略应使用 failurePolicy: Fail。',
    },
    why: {
      en: 'With Ignore, any error or timeout in calling the webhook admits the request as if the webhook had allowed it: a crashed, overloaded or unreachable policy engine silently stops enforcing, and an attacker who can slow it down can slip Pods through. In admissionregistration.k8s.io/v1beta1 an unset failurePolicy means Ignore; in v1, and for ValidatingAdmissionPolicy, it means Fail. Only webhooks whose rules reach Pods or the resources that create them are reported.',
      'zh-cn': '设为 Ignore 时，调用 Webhook 出现任何错误或超时，请求都会像被允许一样通过：崩溃、过载或不可达的策略引擎会悄无声息地停止执行，能拖慢它的攻击者也能趁机放入 Pod。在 admissionregistration.k8s.io/v1beta1 中未设置 failurePolicy 即为 Ignore；在 v1 以及 ValidatingAdmissionPolicy 中则为 Fail。只有规则涉及 Pod 或创建 Pod 的资源的 Webhook 会被报告。',
    },
    remediation: {
      en: 'Set failurePolicy: Fail, run the webhook with several replicas and a PodDisruptionBudget, and exclude the webhook\'s own namespace (by kubernetes.io/metadata.name) so that it can always be restarted.',
      'zh-cn': '设置 failurePolicy: Fail，为 Webhook 运行多个副本并配置 PodDisruptionBudget，同时（按 kubernetes.io/metadata.name）排除 Webhook 自身所在的命名空间，以便它总能被重新启动。',
    },
    fixSafety: {
      en: 'Changes behaviour: while the webhook is unavailable, matching requests are rejected.',
      'zh-cn': '会改变行为：Webhook 不可用期间，匹配的请求会被拒绝。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#failure-policy',
      'https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    failurePolicy: Ignore\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    failurePolicy: Fail\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    ignore: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" acts on Pods or workloads with failurePolicy Ignore: when it fails, requests pass unchecked',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 作用于 Pod 或工作负载，却设置了 failurePolicy Ignore：它出错时请求会未经检查直接通过',
    },
    defaultIgnore: {
      en: 'Webhook "{{webhook}}" of {{kind}} "{{name}}" acts on Pods or workloads without a failurePolicy, which defaults to Ignore in v1beta1: when it fails, requests pass unchecked',
      'zh-cn': '{{kind}} "{{name}}" 的 Webhook "{{webhook}}" 作用于 Pod 或工作负载却未设置 failurePolicy，在 v1beta1 中默认为 Ignore：它出错时请求会未经检查直接通过',
    },
    policyIgnore: {
      en: 'ValidatingAdmissionPolicy "{{name}}" acts on Pods or workloads with failurePolicy Ignore: when it cannot be evaluated, requests pass unchecked',
      'zh-cn': 'ValidatingAdmissionPolicy "{{name}}" 作用于 Pod 或工作负载，却设置了 failurePolicy Ignore：无法评估时请求会未经检查直接通过',
    },
  },
  check(context, resource) {
    if (isValidatingAdmissionPolicy(resource)) {
      const policy = stringAt(recordAt(resource.value, 'spec'), 'failurePolicy');
      if (policy === 'Ignore' && actsOnWorkloads(rulesOf(resource).rules)) {
        context.report({ messageId: 'policyIgnore', data: { name: resource.name ?? '' }, path: ['spec', 'failurePolicy'], fixes: [setFix('suggestion', ['spec', 'failurePolicy'], 'Fail')] });
      }
      return;
    }
    for (const view of webhooksOf(resource)) {
      if (!actsOnWorkloads(rulesOf(resource, view).rules)) continue;
      const policy = stringAt(view.webhook, 'failurePolicy');
      const data = { webhook: view.name, kind: view.kind, name: view.configuration };
      const path = [...view.path, 'failurePolicy'];
      const fixes = [setFix('suggestion', path, 'Fail')];
      if (policy === 'Ignore') context.report({ messageId: 'ignore', data, path, fixes });
      else if (policy === undefined && view.v1beta1) context.report({ messageId: 'defaultIgnore', data, path, fixes });
    }
  },
});
