/**
 * Wildcards in Roles and ClusterRoles: `*` in verbs, in resources (also star-slash-subresource), in
 * apiGroups, and `*` or `/*` in nonResourceURLs. Every rule entry is read, not only the first (a
 * known miss of a peer tool). A wildcard grants whatever exists today and whatever a future
 * Kubernetes version or CRD adds. A literal `*` in resourceNames is no wildcard for RBAC and is not
 * reported; `pods/*` is no wildcard either (it matches nothing). An entry with `*` in apiGroups,
 * resources and verbs is every right at once (cluster-admin in a ClusterRole, admin of the namespace
 * in a Role): it is one finding, and the rules on single rights (Secrets, exec, escalate ...) leave
 * the entry to it.
 */
import { defineRule } from '../define-rule';
import { isFullWildcard, PolicyRuleView } from '../../model/rbac';
import { objectData, policyRulesOf, quoteAll, RBAC_REFERENCES, ROLE_KINDS } from '../shared/rbac';

function targetsText(rule: PolicyRuleView): string {
  const names = rule.resources.length > 0 ? rule.resources : rule.nonResourceURLs;
  return names.map((item) => item.value).join(', ') || '-';
}

export default defineRule({
  id: 'rbac-wildcard',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Wildcard in an RBAC rule', 'zh-cn': 'RBAC 规则中的通配符' },
    summary: {
      en: 'Roles and ClusterRoles should name their verbs, resources and API groups instead of using "*".',
      'zh-cn': 'Role 和 ClusterRole 应当明确列出动词、资源和 API 组，而不是使用 "*"。',
    },
    why: {
      en: 'A "*" grants every verb, resource or group that exists now and every one added later by an upgrade or a CRD, including escalate, impersonate, Secrets and nodes/proxy. The real reach of such a role is unknown to whoever reviews it. An entry with "*" in apiGroups, resources and verbs at once is every right (cluster-admin, or admin of the namespace for a Role) and is reported once, as such, instead of once per right it includes.',
      'zh-cn': '"*" 会授予现在存在的以及以后通过升级或 CRD 新增的所有动词、资源或 API 组，其中包括 escalate、impersonate、Secret 和 nodes/proxy。审查者无法知道这种角色的实际权限范围。apiGroups、resources 和 verbs 同时为 "*" 的条目等于全部权限（ClusterRole 中即 cluster-admin，Role 中即该名字空间的 admin），只作为一项发现报告一次，而不是按其包含的每种权限各报告一次。',
    },
    remediation: {
      en: 'List the verbs, resources and API groups the workload really uses (the audit log or `kubectl auth can-i --list` help to find them).',
      'zh-cn': '只列出工作负载实际使用的动词、资源和 API 组（可借助审计日志或 `kubectl auth can-i --list` 找出）。',
    },
    fixSafety: {
      en: 'Changes behaviour: requests that only the wildcard allowed are denied until they are listed.',
      'zh-cn': '会改变行为：只靠通配符放行的请求会被拒绝，直到把它们明确列出。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["*"]\n    verbs: ["*"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: deployer\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch", "update", "patch"]',
    },
  },
  messages: {
    everything: {
      en: '{{kind}} "{{name}}" grants every verb on every resource of every API group: it is equivalent to {{equivalent}}',
      'zh-cn': '{{kind}} "{{name}}" 对所有 API 组的所有资源授予了所有动词：等同于 {{equivalent}}',
    },
    verbs: {
      en: '{{kind}} "{{name}}" grants every verb ("*") on {{targets}}',
      'zh-cn': '{{kind}} "{{name}}" 对 {{targets}} 授予了所有动词（"*"）',
    },
    resources: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on every resource matching "{{item}}" in API groups {{groups}}',
      'zh-cn': '{{kind}} "{{name}}" 对 API 组 {{groups}} 中所有匹配 "{{item}}" 的资源授予了 {{verbs}}',
    },
    groups: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on {{targets}} in every API group ("*")',
      'zh-cn': '{{kind}} "{{name}}" 对所有 API 组（"*"）中的 {{targets}} 授予了 {{verbs}}',
    },
    urls: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on every non-resource URL ("{{item}}")',
      'zh-cn': '{{kind}} "{{name}}" 对所有非资源 URL（"{{item}}"）授予了 {{verbs}}',
    },
  },
  check(context, resource) {
    for (const rule of policyRulesOf(resource)) {
      const base = { ...objectData(resource), verbs: rule.verbs.map((item) => item.value).join(', '), targets: targetsText(rule) };
      if (isFullWildcard(rule)) {
        const verb = rule.verbs.find((item) => item.value === '*')!;
        const equivalent = resource.kind === 'Role' ? `admin (${resource.namespace ?? 'namespace'})` : 'cluster-admin';
        context.report({ messageId: 'everything', data: { ...base, equivalent }, path: [...rule.path, 'verbs', verb.index] });
        continue;
      }
      const verb = rule.verbs.find((item) => item.value === '*');
      if (verb) context.report({ messageId: 'verbs', data: base, path: [...rule.path, 'verbs', verb.index] });
      const wildResource = rule.resources.find((item) => item.value === '*' || item.value.startsWith('*/'));
      if (wildResource) {
        const groups = quoteAll(rule.apiGroups.map((item) => item.value));
        context.report({ messageId: 'resources', data: { ...base, item: wildResource.value, groups }, path: [...rule.path, 'resources', wildResource.index] });
      }
      const group = rule.apiGroups.find((item) => item.value === '*');
      // With "*" resources too, the resources message already says "every API group".
      if (group && !wildResource && rule.resources.length > 0) {
        context.report({ messageId: 'groups', data: base, path: [...rule.path, 'apiGroups', group.index] });
      }
      const url = rule.nonResourceURLs.find((item) => item.value === '*' || item.value === '/*');
      if (url) context.report({ messageId: 'urls', data: { ...base, item: url.value }, path: [...rule.path, 'nonResourceURLs', url.index] });
    }
  },
});
