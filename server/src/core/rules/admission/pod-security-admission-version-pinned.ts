/**
 * `defaults.enforce-version` pinned to a Kubernetes version older than the one the cluster runs
 * (the configured version) keeps Pod Security Admission on the older policy: checks added since
 * (for example host probes in 1.34) are not applied. `latest` follows the server.
 */
import { defineRule } from '../define-rule';
import { parseKubernetesVersion } from '../../model/kubernetes-version';
import { recordAt, stringAt } from '../../model/values';

import { ADMISSION_CONFIG, POD_SECURITY_CONFIG_KINDS, POD_SECURITY_REFERENCES, podSecurityConfigs } from '../shared/pod-security-config';

export default defineRule({
  id: 'pod-security-admission-version-pinned',
  checklist: ['admission/pod-security', 'pod-security/pss-enforced'],
  scope: { kinds: POD_SECURITY_CONFIG_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod Security Admission pinned to an older policy', 'zh-cn': 'Pod 安全准入固定在较旧的策略版本' },
    summary: {
      en: 'defaults.enforce-version should be latest, or the version the cluster runs.',
      'zh-cn': 'defaults.enforce-version 应为 latest，或集群正在运行的版本。',
    },
    why: {
      en: 'Pod Security Standards gain checks over time. A version pin makes the API server apply the policy as it was in that release, so Pods that newer checks would reject are admitted. Pins help during upgrades but are easy to forget.',
      'zh-cn': 'Pod 安全标准会随时间增加检查项。固定版本会让 API 服务器按该版本时的策略执行，新检查项本应拒绝的 Pod 会被放行。固定版本有助于升级过渡，但很容易被遗忘。',
    },
    remediation: {
      en: 'Set `enforce-version: latest` once workloads pass the current policy (check with warn and audit at latest first).',
      'zh-cn': '在工作负载符合当前策略后设置 `enforce-version: latest`（可先用 latest 版本的 warn 和 audit 检查）。',
    },
    fixSafety: {
      en: 'Changes behaviour: new Pods that break checks added after the pinned version are rejected.',
      'zh-cn': '会改变行为：违反固定版本之后新增检查项的新 Pod 会被拒绝。',
    },
    references: POD_SECURITY_REFERENCES,
    examples: {
      incorrect: ADMISSION_CONFIG(['      defaults:', '        enforce: baseline', '        enforce-version: v1.25']),
      correct: ADMISSION_CONFIG(['      defaults:', '        enforce: baseline', '        enforce-version: latest']),
    },
  },
  messages: {
    pinned: {
      en: 'Pod Security Admission enforces the policy of {{pinned}}, older than the cluster (1.{{minor}}): later checks are not applied',
      'zh-cn': 'Pod 安全准入执行的是 {{pinned}} 的策略，比集群版本（1.{{minor}}）旧：之后新增的检查项不会生效',
    },
  },
  check(context, resource) {
    for (const view of podSecurityConfigs(resource)) {
      const pinned = stringAt(recordAt(view.config, 'defaults'), 'enforce-version')?.trim();
      if (!pinned || pinned === 'latest' || !/^v1\.\d+$/.test(pinned)) continue;
      const minor = parseKubernetesVersion(pinned);
      if (minor === undefined || minor >= context.minorVersion) continue;
      context.report({ messageId: 'pinned', data: { pinned, minor: context.minorVersion }, path: [...view.path, 'defaults', 'enforce-version'], target: 'value' });
    }
  },
});
