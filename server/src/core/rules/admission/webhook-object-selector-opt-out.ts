/**
 * Validating webhooks on Pods or workloads whose objectSelector excludes objects by a label
 * (`NotIn`, `DoesNotExist`): whoever creates the Pod or Deployment sets its labels, so anyone
 * subject to the policy can opt out of it.
 */

import { defineRule } from '../define-rule';
import { actsOnWorkloads, optOutExpressions, rulesOf, webhooksOf } from '../shared/webhooks';

export default defineRule({
  id: 'webhook-object-selector-opt-out',
  checklist: ['admission/secure-config'],
  scope: { kinds: ['ValidatingWebhookConfiguration'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Policy webhook that objects can opt out of', 'zh-cn': '对象可自行退出的策略 Webhook' },
    summary: {
      en: 'A validating webhook on Pods or workloads should not skip objects that carry a label (objectSelector NotIn or DoesNotExist).',
      'zh-cn': '作用于 Pod 或工作负载的验证 Webhook 不应跳过带有某个标签的对象（objectSelector 使用 NotIn 或 DoesNotExist）。',
    },
    why: {
      en: 'Labels of an object are chosen by whoever creates it. An objectSelector that excludes objects with a given label therefore lets every user that the policy is meant to constrain bypass it by adding that label to their Pods or Deployments. Mutating webhooks (such as sidecar injectors, where opting out is a feature) are not reported.',
      'zh-cn': '对象的标签由创建者决定。如果 objectSelector 排除带有某个标签的对象，那么这条策略本应约束的每个用户，只要给自己的 Pod 或 Deployment 加上该标签就能绕过它。变更型 Webhook（例如边车注入，退出本身就是功能）不会被报告。',
    },
    remediation: {
      en: 'Remove the exclusion, or exempt workloads inside the policy where the exemption itself is controlled (for example by namespace name, or by an exemption resource that only administrators can write).',
      'zh-cn': '删除该排除条件，或在策略内部实现豁免，并让豁免本身受控（例如按命名空间名称，或通过只有管理员能写的豁免资源）。',
    },
    fixSafety: {
      en: 'Changes behaviour: objects that used the label to opt out are checked again and may be rejected.',
      'zh-cn': '会改变行为：原先借助该标签退出的对象会重新被检查，可能被拒绝。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-objectselector',
      'https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    objectSelector:\n      matchExpressions:\n        - key: policy.example.com/skip\n          operator: DoesNotExist\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    optOut: {
      en: 'Webhook "{{webhook}}" of ValidatingWebhookConfiguration "{{name}}" skips objects by label "{{key}}" ({{operator}}): any Pod or workload can opt out by setting it',
      'zh-cn': 'ValidatingWebhookConfiguration "{{name}}" 的 Webhook "{{webhook}}" 按标签 "{{key}}" 跳过对象（{{operator}}）：任何 Pod 或工作负载只要设置该标签即可退出检查',
    },
  },
  check(context, resource) {
    for (const view of webhooksOf(resource)) {
      if (!actsOnWorkloads(rulesOf(resource, view).rules)) continue;
      for (const { key, operator, path } of optOutExpressions(view, 'objectSelector')) {
        context.report({ messageId: 'optOut', data: { webhook: view.name, name: view.configuration, key, operator }, path });
      }
    }
  },
});
