/**
 * Namespaces whose enforce-version pins the policy to a Kubernetes minor older than the target
 * version of the analysis: checks added to the standard since then (for example the sysctls and
 * probe-host checks of later releases) are not enforced there. Advice: pinning is a deliberate
 * tool during upgrades.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';

import { labelPath, modeLevel, NAMESPACE_REFERENCES, namespaceOf, parseVersion, versionLabel } from '../shared/namespace-labels';

const ENFORCE_VERSION = versionLabel('enforce');

export default defineRule({
  id: 'namespace-pss-version-pinned',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: { kinds: ['Namespace'] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod Security version pinned to an old release', 'zh-cn': 'Pod 安全版本固定在旧版本' },
    summary: {
      en: 'pod-security.kubernetes.io/enforce-version should be latest, or not older than the Kubernetes version you run (the configured target version).',
      'zh-cn': 'pod-security.kubernetes.io/enforce-version 应为 latest，或不早于实际运行的 Kubernetes 版本（即配置的目标版本）。',
    },
    why: {
      en: 'The version label makes Pod Security Admission apply the standard as it was defined in that release. Checks added later are then skipped in this namespace, so Pods that the current standard forbids are admitted. Pinning is useful while upgrading, which is why this is advice.',
      'zh-cn': '版本标签让 Pod 安全准入按该版本发布时的定义执行标准，此后新增的检查在这个命名空间中会被跳过，当前标准禁止的 Pod 也会被放行。升级期间固定版本是有用的，因此这里只是建议。',
    },
    remediation: {
      en: 'Set enforce-version to latest (or to your cluster\'s minor version) once the workloads pass the current standard; check them first with the warn label at latest.',
      'zh-cn': '在工作负载通过当前标准后，把 enforce-version 设为 latest（或集群的次版本号）；可以先用 latest 版本的 warn 标签检查它们。',
    },
    fixSafety: {
      en: 'Changes behaviour: Pods that violate checks added since the pinned version are rejected.',
      'zh-cn': '会改变行为：违反固定版本之后新增检查的 Pod 将被拒绝。',
    },
    references: NAMESPACE_REFERENCES,
    examples: {
      incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.22',
      correct: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: latest',
    },
  },
  messages: {
    pinned: {
      en: 'Namespace "{{name}}" pins enforce-version {{version}}, older than the target v1.{{target}}: checks added since are not enforced',
      'zh-cn': '命名空间 "{{name}}" 把 enforce-version 固定为 {{version}}，早于目标版本 v1.{{target}}：此后新增的检查不会被强制执行',
    },
  },
  check(context, resource) {
    const namespace = namespaceOf(resource);
    // With enforce=privileged nothing is checked at any version.
    if (!namespace || modeLevel(namespace, 'enforce') === 'privileged') return;
    const version = parseVersion(namespace.labels[ENFORCE_VERSION]);
    if (typeof version !== 'number' || version >= context.minorVersion) return;
    context.report({
      messageId: 'pinned',
      data: { name: namespace.name, version: `v1.${version}`, target: context.minorVersion },
      path: labelPath(ENFORCE_VERSION),
      fixes: [setFix('suggestion', labelPath(ENFORCE_VERSION), 'latest', ENFORCE_VERSION)],
    });
  },
});
