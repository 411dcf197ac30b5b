/**
 * Validating webhooks and ValidatingAdmissionPolicies that check Pods but not the
 * pods/ephemeralcontainers subresource: `kubectl debug` adds containers to a running Pod through
 * that subresource (an UPDATE), so a policy on `pods` alone never sees them. Advice (info).
 */

import { defineRule } from '../define-rule';
import { coversEphemeralContainers, isValidatingAdmissionPolicy, operationsInclude, podEntryIndex, rulesOf, webhooksOf } from '../shared/webhooks';

export default defineRule({
  id: 'webhook-skips-ephemeral-containers',
  checklist: ['admission/secure-config'],
  scope: { kinds: ['ValidatingWebhookConfiguration', 'ValidatingAdmissionPolicy'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod policy that misses ephemeral containers', 'zh-cn': '遗漏临时容器的 Pod 策略' },
    summary: {
      en: 'A validating webhook or admission policy that checks pods should also match the pods/ephemeralcontainers subresource on UPDATE.',
      'zh-cn': '检查 pods 的验证 Webhook 或准入策略，也应在 UPDATE 操作上匹配 pods/ephemeralcontainers 子资源。',
    },
    why: {
      en: 'Ephemeral containers are added to running Pods through the pods/ephemeralcontainers subresource. A rule on `pods` (or on `*`, which matches no subresources) does not match it, so a debugging container can be privileged, mount host paths or run as root although the policy forbids it for every other container. Pod Security Admission checks the subresource itself; webhooks need to ask for it.',
      'zh-cn': '临时容器通过 pods/ephemeralcontainers 子资源加入正在运行的 Pod。针对 `pods`（或不匹配任何子资源的 `*`）的规则匹配不到它，因此即使策略对其他所有容器都禁止特权、hostPath 挂载或以 root 运行，调试容器仍然可以这样做。Pod 安全准入会自行检查该子资源；Webhook 则需要显式声明。',
    },
    remediation: {
      en: 'Add "pods/ephemeralcontainers" to the rule\'s resources with the UPDATE operation (or use "pods/*"), and make the webhook evaluate the ephemeral containers.',
      'zh-cn': '在规则的 resources 中加入 "pods/ephemeralcontainers" 并包含 UPDATE 操作（或使用 "pods/*"），并让 Webhook 评估临时容器。',
    },
    fixSafety: {
      en: 'May change behaviour: ephemeral containers that violate the policy are rejected, once the webhook understands the subresource.',
      'zh-cn': '可能改变行为：一旦 Webhook 能处理该子资源，违反策略的临时容器会被拒绝。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/workloads/pods/ephemeral-containers/',
      'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules',
    ],
    examples: {
      incorrect:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n        resources: [pods]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
      correct:
        'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: policy\nwebhooks:\n  - name: policy.example.com\n    clientConfig:\n      service: {name: policy, namespace: policy}\n    rules:\n      - apiGroups: [""]\n        apiVersions: [v1]\n        operations: [CREATE, UPDATE]\n        resources: [pods, pods/ephemeralcontainers]\n    sideEffects: None\n    admissionReviewVersions: [v1]',
    },
  },
  messages: {
    webhook: {
      en: 'Webhook "{{webhook}}" of ValidatingWebhookConfiguration "{{name}}" checks pods but not pods/ephemeralcontainers: containers added by kubectl debug escape it',
      'zh-cn': 'ValidatingWebhookConfiguration "{{name}}" 的 Webhook "{{webhook}}" 检查 pods 却不检查 pods/ephemeralcontainers：kubectl debug 添加的容器可以绕过它',
    },
    policy: {
      en: 'ValidatingAdmissionPolicy "{{name}}" matches pods but not pods/ephemeralcontainers: containers added by kubectl debug escape it',
      'zh-cn': 'ValidatingAdmissionPolicy "{{name}}" 匹配 pods 却不匹配 pods/ephemeralcontainers：kubectl debug 添加的容器可以绕过它',
    },
  },
  check(context, resource) {
    const targets = isValidatingAdmissionPolicy(resource) ? [undefined] : webhooksOf(resource);
    for (const view of targets) {
      const { rules, path } = rulesOf(resource, view);
      if (rules.some(coversEphemeralContainers)) continue;
      // The first rule that validates Pods on create or update, and its `pods` entry.
      const index = rules.findIndex((rule) => podEntryIndex(rule) >= 0 && operationsInclude(rule, 'CREATE', 'UPDATE'));
      if (index < 0) continue;
      const entryPath = [...path, index, 'resources', podEntryIndex(rules[index])];
      if (view) context.report({ messageId: 'webhook', data: { webhook: view.name, name: view.configuration }, path: entryPath });
      else context.report({ messageId: 'policy', data: { name: resource.name ?? '' }, path: entryPath });
    }
  },
});
