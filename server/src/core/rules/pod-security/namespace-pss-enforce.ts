/**
 * Namespaces that enforce no Pod Security Standard: no `pod-security.kubernetes.io/enforce`
 * label (the cluster default applies, privileged unless an AdmissionConfiguration says otherwise),
 * or `enforce: privileged`. kube-system, kube-public and kube-node-lease are skipped: system
 * components there need privileges, and exempting them is the expected setup.
 */
import { defineRule } from '../define-rule';
import { recordAt } from '../../model/values';
import { setFix } from '../../edits/fix-builders';

import { hasLabel, levelLabel, labelPath, NAMESPACE_REFERENCES, namespaceOf, SYSTEM_NAMESPACES } from '../shared/namespace-labels';

const ENFORCE = levelLabel('enforce');

export default defineRule({
  id: 'namespace-pss-enforce',
  checklist: ['pod-security/pss-enforced', 'admission/pod-security'],
  scope: { kinds: ['Namespace'] },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Namespace without an enforced Pod Security level', 'zh-cn': '命名空间未强制 Pod 安全级别' },
    summary: {
      en: 'Every Namespace should carry a pod-security.kubernetes.io/enforce label with the baseline or restricted level.',
      'zh-cn': '每个命名空间都应带有 pod-security.kubernetes.io/enforce 标签，并设为 baseline 或 restricted 级别。',
    },
    why: {
      en: 'Pod Security Admission enforces what the enforce label says. Without the label the cluster-wide default applies, which is privileged (no checks at all) unless the API server\'s AdmissionConfiguration sets another default; `enforce: privileged` turns the checks off explicitly. The system namespaces kube-system, kube-public and kube-node-lease are not reported, because node agents there legitimately need privileges; give other infrastructure namespaces an explicit privileged label and an ignore annotation with the reason.',
      'zh-cn': 'Pod 安全准入按 enforce 标签执行检查。没有该标签时采用集群级默认值，除非 API 服务器的 AdmissionConfiguration 另设默认值，否则就是 privileged（完全不检查）；`enforce: privileged` 则是显式关闭检查。系统命名空间 kube-system、kube-public 和 kube-node-lease 不会被报告，因为其中的节点代理确实需要特权；其他基础设施命名空间应显式设为 privileged，并加上说明原因的忽略注解。',
    },
    remediation: {
      en: 'Add `pod-security.kubernetes.io/enforce: restricted` (or baseline where restricted is not yet possible), ideally with warn and audit at the same or a stricter level.',
      'zh-cn': '添加 `pod-security.kubernetes.io/enforce: restricted`（暂时做不到 restricted 时用 baseline），最好同时把 warn 和 audit 设为相同或更严格的级别。',
    },
    fixSafety: {
      en: 'Changes behaviour: new Pods that violate the level are rejected; label with warn first to see which workloads would fail.',
      'zh-cn': '会改变行为：违反该级别的新 Pod 将被拒绝；可以先用 warn 标签查看哪些工作负载会失败。',
    },
    references: NAMESPACE_REFERENCES,
    examples: {
      incorrect: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop',
      correct: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted',
    },
  },
  messages: {
    missing: {
      en: 'Namespace "{{name}}" has no pod-security.kubernetes.io/enforce label: the cluster default applies, which is privileged unless configured otherwise',
      'zh-cn': '命名空间 "{{name}}" 没有 pod-security.kubernetes.io/enforce 标签：将采用集群默认值，未另行配置时即为 privileged',
    },
    privileged: {
      en: 'Namespace "{{name}}" enforces the privileged level: Pod Security Admission checks nothing here',
      'zh-cn': '命名空间 "{{name}}" 强制的是 privileged 级别：Pod 安全准入在这里不做任何检查',
    },
  },
  check(context, resource) {
    const namespace = namespaceOf(resource);
    if (!namespace || SYSTEM_NAMESPACES.has(namespace.name)) return;
    if (!hasLabel(namespace, ENFORCE)) {
      // Without any labels, point at the Namespace's name rather than at `metadata:`.
      const path = recordAt(recordAt(resource.value, 'metadata'), 'labels') ? labelPath(ENFORCE) : ['metadata', 'name'];
      const fixes = [setFix('suggestion', labelPath(ENFORCE), 'restricted', ENFORCE), setFix('suggestion', labelPath(ENFORCE), 'baseline', ENFORCE)];
      context.report({ messageId: 'missing', data: { name: namespace.name }, path, fixes });
    } else if (namespace.labels[ENFORCE] === 'privileged') {
      const fixes = [setFix('suggestion', labelPath(ENFORCE), 'baseline', ENFORCE), setFix('suggestion', labelPath(ENFORCE), 'restricted', ENFORCE)];
      context.report({ messageId: 'privileged', data: { name: namespace.name }, path: labelPath(ENFORCE), fixes });
    }
  },
});
