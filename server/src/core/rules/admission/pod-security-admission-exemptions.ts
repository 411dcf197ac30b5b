/**
 * Exemptions of Pod Security Admission skip every check for whole namespaces, users or runtime
 * classes, whatever the labels say. Each one is reported (info) so that a reviewer sees and
 * confirms it; kube-system, exempted almost everywhere, is left out.
 */
import { defineRule } from '../define-rule';
import { arrayAt, recordAt } from '../../model/values';

import { ADMISSION_CONFIG, POD_SECURITY_CONFIG_KINDS, POD_SECURITY_REFERENCES, podSecurityConfigs } from '../shared/pod-security-config';

const KINDS = ['namespaces', 'usernames', 'runtimeClasses'] as const;

export default defineRule({
  id: 'pod-security-admission-exemptions',
  checklist: ['admission/pod-security', 'pod-security/pss-enforced'],
  scope: { kinds: POD_SECURITY_CONFIG_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod Security Admission exemptions', 'zh-cn': 'Pod 安全准入的豁免' },
    summary: {
      en: 'Every exemption of the PodSecurity admission configuration should be known and justified.',
      'zh-cn': 'PodSecurity 准入配置中的每一项豁免都应是已知且有正当理由的。',
    },
    why: {
      en: 'An exempted namespace, user or runtime class is never checked, whatever the namespace labels enforce. An exempted user can create privileged Pods anywhere, and so can anyone who can impersonate that user or create Pods in an exempted namespace.',
      'zh-cn': '被豁免的命名空间、用户或运行时类永远不会被检查，无论命名空间标签强制什么。被豁免的用户可以在任何地方创建特权 Pod，能够冒充该用户或能在被豁免命名空间中创建 Pod 的人也一样。',
    },
    remediation: {
      en: 'Keep exemptions to the minimum; prefer a privileged label on the one namespace that needs it, and restrict who may create Pods there.',
      'zh-cn': '把豁免降到最少；更好的做法是只给确需的命名空间打上 privileged 标签，并限制谁能在其中创建 Pod。',
    },
    fixSafety: {
      en: 'Changes behaviour: Pods of the exempted namespace, user or runtime class become subject to the enforced level.',
      'zh-cn': '会改变行为：被豁免的命名空间、用户或运行时类的 Pod 将受强制级别约束。',
    },
    references: POD_SECURITY_REFERENCES,
    examples: {
      incorrect: ADMISSION_CONFIG(['      defaults:', '        enforce: baseline', '      exemptions:', '        namespaces:', '          - monitoring']),
      correct: ADMISSION_CONFIG(['      defaults:', '        enforce: baseline', '      exemptions:', '        namespaces:', '          - kube-system']),
    },
  },
  messages: {
    namespaces: {
      en: 'Pod Security Admission exempts namespace "{{name}}": its Pods are never checked',
      'zh-cn': 'Pod 安全准入豁免了命名空间 "{{name}}"：其中的 Pod 永远不会被检查',
    },
    usernames: {
      en: 'Pod Security Admission exempts user "{{name}}": Pods it creates are never checked',
      'zh-cn': 'Pod 安全准入豁免了用户 "{{name}}"：它创建的 Pod 永远不会被检查',
    },
    runtimeClasses: {
      en: 'Pod Security Admission exempts runtime class "{{name}}": Pods that use it are never checked',
      'zh-cn': 'Pod 安全准入豁免了运行时类 "{{name}}"：使用它的 Pod 永远不会被检查',
    },
  },
  check(context, resource) {
    for (const view of podSecurityConfigs(resource)) {
      const exemptions = recordAt(view.config, 'exemptions');
      for (const kind of KINDS) {
        arrayAt(exemptions, kind).forEach((name, index) => {
          if (typeof name !== 'string' || (kind === 'namespaces' && name.trim() === 'kube-system')) return;
          context.report({ messageId: kind, data: { name }, path: [...view.path, 'exemptions', kind, index], target: 'value' });
        });
      }
    }
  },
});
