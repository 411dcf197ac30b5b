/**
 * Workloads that violate the Pod Security level their own Namespace warns or audits at (checklist
 * pod-security/pss-enforced, admission/pod-security): the `pod-security.kubernetes.io/warn` and
 * `audit` labels (and their versions) of a Namespace in the workspace. Such workloads are admitted,
 * but `kubectl apply` prints a warning or the audit log records the violation: usually the level a
 * namespace is about to enforce. One finding per workload and distinct level/version; a level
 * equal to the enforced one is left to psa-namespace-enforce-violation.
 */

import { defineRule } from '../define-rule';
import { labelledNamespaces, ModePolicy, modePolicy, reportViolations, violationsOf } from '../shared/psa-namespace';

export default defineRule({
  id: 'psa-namespace-warn-violation',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: 'workspace',
  inputKinds: ['Namespace'],
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Violates the Pod Security level its namespace warns or audits at', 'zh-cn': '违反所在名字空间警告或审计的 Pod 安全级别' },
    summary: {
      en: 'A workload should meet the Pod Security Standard that its Namespace sets in the pod-security.kubernetes.io/warn and audit labels.',
      'zh-cn': '工作负载应满足其 Namespace 在 pod-security.kubernetes.io/warn 和 audit 标签中设定的 Pod 安全标准。',
    },
    why: {
      en: 'The warn and audit modes of Pod Security Admission admit a violating workload but report it: `kubectl apply` prints a warning, the audit log gets an annotation. They apply to Pods and to the Pod templates of workload resources. Namespaces usually warn at the level they will enforce next, so a violation here is a rejection waiting to happen. Levels and versions that cannot be parsed count as restricted and latest, as in PSA; a mode whose level and version equal those enforced is left to psa-namespace-enforce-violation. Workloads whose namespace is not in the workspace are not checked.',
      'zh-cn': 'Pod 安全准入的 warn 和 audit 模式会接受违规的工作负载，但会报告出来：`kubectl apply` 会打印警告，审计日志会记录注解。它们既作用于 Pod，也作用于工作负载资源的 Pod 模板。名字空间通常以下一步要强制执行的级别发出警告，因此这里的违规迟早会变成拒绝。与 PSA 一致，无法解析的级别和版本按 restricted 和 latest 处理；级别和版本与 enforce 相同的模式交给 psa-namespace-enforce-violation 处理。名字空间不在工作区中的工作负载不做检查。',
    },
    remediation: {
      en: 'Change the workload so it meets the level (the related places list each violation) before the namespace starts enforcing it.',
      'zh-cn': '在名字空间开始强制执行该级别之前，修改工作负载使其满足要求（相关位置列出了每一处违规）。',
    },
    fixSafety: {
      en: 'The fixes of the Pod Security rules apply; each may change how the workload runs.',
      'zh-cn': '适用各条 Pod 安全规则的修复；每一项都可能改变工作负载的运行方式。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  containers:\n    - name: web\n      image: registry.example.com/web:2.1',
      correct:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile: {type: RuntimeDefault}\n  containers:\n    - name: web\n      image: registry.example.com/web:2.1\n      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities: {drop: [ALL]}',
    },
  },
  messages: {
    violates: {
      en: '{{kind}} "{{name}}" violates Pod Security "{{level}}" ({{version}}), which namespace "{{namespace}}" applies in {{modes}} mode ({{checks}})',
      'zh-cn': '{{kind}} "{{name}}" 违反 Pod 安全级别 "{{level}}"（{{version}}），名字空间 "{{namespace}}" 以 {{modes}} 模式应用该级别（{{checks}}）',
    },
    namespaceLabel: {
      en: 'The namespace sets Pod Security {{mode}} to "{{level}}" here',
      'zh-cn': '名字空间在此将 Pod 安全的 {{mode}} 设为 "{{level}}"',
    },
    violation: {
      en: 'Violates "{{level}}": {{check}}',
      'zh-cn': '违反 "{{level}}"：{{check}}',
    },
  },
  checkWorkspace(context, index) {
    for (const { namespace, workloads } of labelledNamespaces(index)) {
      const enforce = modePolicy(namespace, 'enforce');
      // warn and audit at the same level and version are one finding.
      const groups = new Map<string, ModePolicy[]>();
      for (const mode of ['warn', 'audit'] as const) {
        const policy = modePolicy(namespace, mode);
        if (!policy || policy.level === 'privileged') continue;
        if (enforce && enforce.level === policy.level && enforce.version === policy.version) continue;
        const key = `${policy.level}/${policy.version}`;
        groups.set(key, [...(groups.get(key) ?? []), policy]);
      }
      for (const policies of groups.values()) {
        const modes = policies.map((policy) => policy.mode).join(', ');
        for (const workload of workloads) {
          if (!context.wants(workload.resource)) continue;
          const findings = violationsOf(context, workload, policies[0]);
          if (findings.length > 0) reportViolations(context, namespace, policies[0], workload, findings, 'violates', { modes });
        }
      }
    }
  },
});
