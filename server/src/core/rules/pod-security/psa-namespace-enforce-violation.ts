/**
 * Workloads that the Pod Security Admission of their own Namespace would reject (checklist
 * pod-security/pss-enforced, admission/pod-security): when the workspace holds the Namespace with a
 * `pod-security.kubernetes.io/enforce` label, each workload of that namespace is checked with the
 * Pod Security Standards rules at the enforced level and version. A violation is an error: the API
 * server refuses the Pod (for a Deployment, Job ... the controller's Pods), whatever level the
 * editor checks at.
 */

import { defineRule } from '../define-rule';
import { labelledNamespaces, modePolicy, reportViolations, violationsOf } from '../shared/psa-namespace';

export default defineRule({
  id: 'psa-namespace-enforce-violation',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: 'workspace',
  inputKinds: ['Namespace'],
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Rejected by the Pod Security level its namespace enforces', 'zh-cn': '会被所在名字空间强制执行的 Pod 安全级别拒绝' },
    summary: {
      en: 'A workload must meet the Pod Security Standard that its Namespace enforces through the pod-security.kubernetes.io/enforce label, at the version of enforce-version.',
      'zh-cn': '工作负载必须满足其 Namespace 通过 pod-security.kubernetes.io/enforce 标签强制执行的 Pod 安全标准（版本由 enforce-version 指定）。',
    },
    why: {
      en: 'Pod Security Admission refuses every Pod that violates the enforced level of its namespace. A Pod is rejected when it is applied; the Pods of a Deployment, StatefulSet, DaemonSet, Job or CronJob are rejected when the controller creates them, so the workload is accepted but never runs. This rule checks the workloads of each Namespace in the workspace at the level and version its labels set, independent of the level the editor uses. As PSA does, a level or version it cannot parse counts as restricted and latest; a namespace without the enforce label falls back to the cluster default, which the files do not show (taken as privileged). Workloads whose namespace is not in the workspace are not checked.',
      'zh-cn': 'Pod 安全准入会拒绝所有违反其名字空间强制级别的 Pod。单独的 Pod 在应用时即被拒绝；Deployment、StatefulSet、DaemonSet、Job 或 CronJob 的 Pod 在控制器创建时被拒绝，因此工作负载本身被接受，却永远无法运行。本规则按工作区中每个 Namespace 的标签所设定的级别和版本检查其中的工作负载，与编辑器使用的级别无关。与 PSA 一致，无法解析的级别或版本按 restricted 和 latest 处理；没有 enforce 标签的名字空间使用集群默认值，文件中看不到，按 privileged 处理。名字空间不在工作区中的工作负载不做检查。',
    },
    remediation: {
      en: 'Change the workload so it meets the enforced level (the related places list each violation), or, if the namespace really must run it, lower the namespace\'s enforce label after review.',
      'zh-cn': '修改工作负载使其满足强制级别（相关位置列出了每一处违规）；如果该名字空间确实必须运行它，经过审查后再降低名字空间的 enforce 标签。',
    },
    fixSafety: {
      en: 'The fixes of the Pod Security rules apply; each may change how the workload runs.',
      'zh-cn': '适用各条 Pod 安全规则的修复；每一项都可能改变工作负载的运行方式。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: shop\nspec:\n  hostPID: true\n  containers:\n    - name: shell\n      image: registry.example.com/toolbox:1.4',
      correct:
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\n  namespace: shop\nspec:\n  containers:\n    - name: shell\n      image: registry.example.com/toolbox:1.4',
    },
  },
  messages: {
    podRejected: {
      en: 'Namespace "{{namespace}}" enforces Pod Security "{{level}}" ({{version}}): the API server would reject Pod "{{name}}" ({{checks}})',
      'zh-cn': '名字空间 "{{namespace}}" 强制执行 Pod 安全级别 "{{level}}"（{{version}}）：API 服务器会拒绝 Pod "{{name}}"（{{checks}}）',
    },
    podsRejected: {
      en: 'Namespace "{{namespace}}" enforces Pod Security "{{level}}" ({{version}}): the Pods of {{kind}} "{{name}}" would be rejected and never run ({{checks}})',
      'zh-cn': '名字空间 "{{namespace}}" 强制执行 Pod 安全级别 "{{level}}"（{{version}}）：{{kind}} "{{name}}" 的 Pod 会被拒绝，永远无法运行（{{checks}}）',
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
      const policy = modePolicy(namespace, 'enforce');
      if (!policy || policy.level === 'privileged') continue;
      for (const workload of workloads) {
        if (!context.wants(workload.resource)) continue;
        const findings = violationsOf(context, workload, policy);
        if (findings.length === 0) continue;
        reportViolations(context, namespace, policy, workload, findings, workload.resource.kind === 'Pod' ? 'podRejected' : 'podsRejected');
      }
    }
  },
});
