/**
 * Namespaces whose warn or audit level is weaker than the enforce level, or that enforce baseline
 * or restricted without any warn label. PSA checks workload objects (Deployments, Jobs ...) only
 * against warn and audit, never enforce, so a weak warn level lets a Deployment be accepted whose
 * Pods are then rejected, with no message to the person who applied it.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';

import { hasLabel, labelPath, LEVEL_RANK, levelLabel, modeLevel, NAMESPACE_REFERENCES, namespaceOf } from '../shared/namespace-labels';

export default defineRule({
  id: 'namespace-pss-audit-warn-weaker',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: { kinds: ['Namespace'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod Security warn or audit weaker than enforce', 'zh-cn': 'Pod 安全的 warn 或 audit 弱于 enforce' },
    summary: {
      en: 'The warn and audit labels of a Namespace should be at least as strict as its enforce label.',
      'zh-cn': '命名空间的 warn 和 audit 标签至少应与其 enforce 标签同样严格。',
    },
    why: {
      en: 'Pod Security Admission evaluates workload resources such as Deployments and Jobs only against the warn and audit levels; enforce applies when the Pods are created. With warn weaker than enforce (or missing, which means the cluster default, usually privileged), `kubectl apply` of a Deployment succeeds silently while its Pods are rejected later, visible only in ReplicaSet events. A weaker audit level leaves no trace of such workloads in the audit log.',
      'zh-cn': 'Pod 安全准入只按 warn 和 audit 级别评估 Deployment、Job 等工作负载资源；enforce 在创建 Pod 时才生效。如果 warn 弱于 enforce（或未设置，即采用集群默认值，通常是 privileged），`kubectl apply` 一个 Deployment 会悄无声息地成功，而它的 Pod 随后会被拒绝，只能在 ReplicaSet 事件中看到。audit 级别较弱时，审计日志中也不会留下这类工作负载的记录。',
    },
    remediation: {
      en: 'Set pod-security.kubernetes.io/warn and /audit to the enforce level or a stricter one (a stricter warn level previews the next step).',
      'zh-cn': '把 pod-security.kubernetes.io/warn 和 /audit 设为与 enforce 相同或更严格的级别（更严格的 warn 级别可以预览下一步收紧的效果）。',
    },
    fixSafety: {
      en: 'Safe: warn and audit never reject anything.',
      'zh-cn': '安全：warn 和 audit 从不拒绝任何请求。',
    },
    references: NAMESPACE_REFERENCES,
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/warn: baseline',
      correct:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/warn: restricted',
    },
  },
  messages: {
    weaker: {
      en: 'Namespace "{{name}}" sets {{mode}}={{level}}, weaker than enforce={{enforce}}',
      'zh-cn': '命名空间 "{{name}}" 设置了 {{mode}}={{level}}，弱于 enforce={{enforce}}',
    },
    missingWarn: {
      en: 'Namespace "{{name}}" enforces {{enforce}} without a warn label: workloads whose Pods will be rejected are applied without a warning',
      'zh-cn': '命名空间 "{{name}}" 强制 {{enforce}} 却没有 warn 标签：Pod 将被拒绝的工作负载在应用时不会得到任何警告',
    },
  },
  check(context, resource) {
    const namespace = namespaceOf(resource);
    const enforce = namespace && modeLevel(namespace, 'enforce');
    if (!namespace || !enforce || enforce === 'privileged') return;
    for (const mode of ['warn', 'audit'] as const) {
      const level = modeLevel(namespace, mode);
      if (level && LEVEL_RANK[level] < LEVEL_RANK[enforce]) {
        // Safe: warn and audit never reject anything.
        const path = labelPath(levelLabel(mode));
        context.report({ messageId: 'weaker', data: { name: namespace.name, mode, level, enforce }, path, fixes: [setFix('fix', path, enforce, levelLabel(mode))] });
      }
    }
    if (!hasLabel(namespace, levelLabel('warn'))) {
      const fixes = [setFix('fix', labelPath(levelLabel('warn')), enforce, levelLabel('warn'))];
      context.report({ messageId: 'missingWarn', data: { name: namespace.name, enforce }, path: labelPath(levelLabel('enforce')), fixes });
    }
  },
});
