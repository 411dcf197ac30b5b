/**
 * Validating webhooks on Pods or workloads whose namespaceSelector excludes namespaces by a label
 * (`NotIn`, `DoesNotExist`) other than kubernetes.io/metadata.name: whoever may label a namespace
 * can switch the policy off for it. Advice (info): labelling namespaces usually needs cluster
 * rights, and excluding the webhook's own namespace is good practice when done by name.
 */

import { defineRule } from '../define-rule';
import { actsOnWorkloads, NAMESPACE_NAME_LABEL, optOutExpressions, rulesOf, webhooksOf } from '../shared/webhooks';

export default defineRule({
  id: 'webhook-namespace-selector-opt-out',
  checklist: ['admission/secure-config'],
  scope: { kinds: ['ValidatingWebhookConfiguration'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Policy webhook that namespaces can opt out of by label', 'zh-cn': '命名空间可通过标签退出的策略 Webhook' },
    summary: {
      en: 'A validating webhook on Pods or workloads should exclude namespaces by name (kubernetes.io/metadata.name), not by a label that can be added to any namespace.',
      'zh-cn': '作用于 Pod 或工作负载的验证 Webhook 应按名称（kubernetes.io/metadata.name）排除命名空间，而不是按可以加到任意命名空间上的标签。',
    },
    why: {
      en: 'A namespaceSelector with NotIn or DoesNotExist on an ordinary label turns the policy off for every namespace that gets the label. Anyone who can create or label namespaces (a namespace provisioning tool, a tenant with namespace rights) can use it. The kubernetes.io/metadata.name label is set by the API server to the namespace name and cannot be forged, so exclusions by name are not reported.',
      'zh-cn': 'namespaceSelector 对普通标签使用 NotIn 或 DoesNotExist 时，任何带上该标签的命名空间都会关闭这条策略。能创建命名空间或给命名空间打标签的人（命名空间分配工具、拥有命名空间权限的租户）都能利用这一点。kubernetes.io/metadata.name 标签由 API 服务器设为命名空间名称，无法伪造，因此按名称排除不会被报告。',
    },
    remediation: {
      en: 'Exclude namespaces with `key: kubernetes.io/metadata.name, operator: NotIn, values: [...]`, or make sure only cluster administrators can set the opt-out label (for example with a policy that guards it).',
      'zh-cn': '改用 `key: kubernetes.io/metadata.name, operator: NotIn, values: [...]` 排除命名空间，或确保只有集群管理员能设置该退出标签（例如用策略加以保护）。',
    },
    fixSafety: {
      en: 'Changes behaviour: namespaces that carried the opt-out label are checked again.',
      'zh-cn': '会改变行为：原先带有退出标签的命名空间会重新被检查。',
    },
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-namespaceselector',
      'https://kubernetes.io/docs/concepts/cluster-administration/admission-webhooks-good-practices/',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    namespaceSelector:\n      matchExpressions:\n        - key: policy.example.com/ignore\n          operator: DoesNotExist\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    namespaceSelector:\n      matchExpressions:\n        - key: kubernetes.io/metadata.name\n          operator: NotIn\n          values: [policy]\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    optOut: {
      en: 'Webhook "{{webhook}}" of ValidatingWebhookConfiguration "{{name}}" skips namespaces by label "{{key}}" ({{operator}}): any namespace that gets this label is exempt',
      'zh-cn': 'ValidatingWebhookConfiguration "{{name}}" 的 Webhook "{{webhook}}" 按标签 "{{key}}" 跳过命名空间（{{operator}}）：任何带上该标签的命名空间都会被豁免',
    },
  },
  check(context, resource) {
    for (const view of webhooksOf(resource)) {
      if (!actsOnWorkloads(rulesOf(resource, view).rules)) continue;
      for (const { key, operator, path } of optOutExpressions(view, 'namespaceSelector')) {
        if (key === NAMESPACE_NAME_LABEL) continue;
        context.report({ messageId: 'optOut', data: { webhook: view.name, name: view.configuration, key, operator }, path });
      }
    }
  },
});
