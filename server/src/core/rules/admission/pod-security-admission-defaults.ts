/**
 * The cluster-wide defaults of Pod Security Admission: a namespace without its own
 * pod-security.kubernetes.io/enforce label gets `defaults.enforce`, which is privileged (no check
 * at all) when left out.
 */
import { defineRule } from '../define-rule';
import { recordAt, stringAt } from '../../model/values';

import { ADMISSION_CONFIG, POD_SECURITY_CONFIG_KINDS, POD_SECURITY_REFERENCES, podSecurityConfigs } from '../shared/pod-security-config';

export default defineRule({
  id: 'pod-security-admission-defaults',
  checklist: ['admission/pod-security', 'pod-security/pss-enforced'],
  scope: { kinds: POD_SECURITY_CONFIG_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Pod Security Admission enforces nothing by default', 'zh-cn': 'Pod 安全准入默认不强制任何策略' },
    summary: {
      en: 'The PodSecurity admission configuration should set defaults.enforce to baseline or restricted.',
      'zh-cn': 'PodSecurity 准入配置应把 defaults.enforce 设为 baseline 或 restricted。',
    },
    why: {
      en: 'Every namespace that carries no enforce label of its own gets the default level. When it is privileged, or not set, a new namespace accepts privileged, host-network and host-path Pods until someone remembers to label it.',
      'zh-cn': '没有自己的 enforce 标签的命名空间都会使用默认级别。若默认级别为 privileged 或未设置，新建的命名空间在有人想起给它打标签之前，会接受特权、主机网络和 hostPath 的 Pod。',
    },
    remediation: {
      en: 'Set `defaults.enforce: baseline` (or restricted) with `enforce-version: latest`, and label the few namespaces that need more with privileged explicitly.',
      'zh-cn': '设置 `defaults.enforce: baseline`（或 restricted）和 `enforce-version: latest`，并只为少数确需更多权限的命名空间显式标注 privileged。',
    },
    fixSafety: {
      en: 'Changes behaviour: new Pods in unlabelled namespaces that break the level are rejected; try it first with defaults.warn and defaults.audit.',
      'zh-cn': '会改变行为：未打标签的命名空间中违反该级别的新 Pod 会被拒绝；请先用 defaults.warn 和 defaults.audit 试运行。',
    },
    references: POD_SECURITY_REFERENCES,
    examples: {
      incorrect: ADMISSION_CONFIG(['      defaults:', '        enforce: privileged', '        warn: baseline']),
      correct: ADMISSION_CONFIG(['      defaults:', '        enforce: baseline', '        enforce-version: latest']),
    },
  },
  messages: {
    privileged: {
      en: 'Pod Security Admission defaults.enforce is privileged: namespaces without their own label enforce no Pod security at all',
      'zh-cn': 'Pod 安全准入的 defaults.enforce 为 privileged：没有自己标签的命名空间完全不强制 Pod 安全',
    },
    missing: {
      en: 'Pod Security Admission configuration sets no defaults.enforce (privileged): namespaces without their own label enforce no Pod security at all',
      'zh-cn': 'Pod 安全准入配置未设置 defaults.enforce（即 privileged）：没有自己标签的命名空间完全不强制 Pod 安全',
    },
  },
  check(context, resource) {
    for (const view of podSecurityConfigs(resource)) {
      const enforce = stringAt(recordAt(view.config, 'defaults'), 'enforce');
      if (enforce === undefined) {
        context.report({ messageId: 'missing', path: [...view.path, 'defaults', 'enforce'], target: 'key' });
      } else if (enforce.trim() === 'privileged') {
        context.report({ messageId: 'privileged', path: [...view.path, 'defaults', 'enforce'], target: 'value' });
      }
    }
  },
});
