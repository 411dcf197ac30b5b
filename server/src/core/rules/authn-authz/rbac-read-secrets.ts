/**
 * Reading Secrets through RBAC: get, list or watch on `secrets` of the core group (or `*`). list
 * and watch return the values too, not only names. A rule narrowed by resourceNames reaches only the
 * named Secrets (list and watch then need a metadata.name field selector) and is the recommended
 * shape for a workload that needs its own Secret, so it is not reported. Write verbs are not reads
 * and are not reported here (a peer counts create and delete as access to Secrets).
 */
import { defineRule } from '../define-rule';
import { ruleGrants } from '../../model/rbac';
import { grantData, specificRulesOf, RBAC_REFERENCES, resourceItemPath, ROLE_KINDS } from '../shared/rbac';

export default defineRule({
  id: 'rbac-read-secrets',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC read access to Secrets', 'zh-cn': 'RBAC 对 Secret 的读取权限' },
    summary: {
      en: 'Roles should not grant get, list or watch on all Secrets; name the Secrets a workload needs.',
      'zh-cn': '角色不应授予对全部 Secret 的 get、list 或 watch 权限；应指明工作负载需要的 Secret。',
    },
    why: {
      en: 'Secrets hold the credentials of other workloads, including service account tokens and TLS keys. Whoever can list or watch them receives every value in the namespace (or the cluster, for a ClusterRole bound cluster-wide) and can often act with the rights of other service accounts.',
      'zh-cn': 'Secret 保存着其他工作负载的凭据，包括服务账号令牌和 TLS 私钥。能够 list 或 watch 它们的人会拿到命名空间（对于在集群范围绑定的 ClusterRole 则是整个集群）中所有的值，常常还能以其他服务账号的权限行事。',
    },
    remediation: {
      en: 'Grant get on the named Secrets only (resourceNames), or mount the Secret into the Pod instead of reading it through the API.',
      'zh-cn': '只对具体的 Secret 授予 get（使用 resourceNames），或者把 Secret 挂载进 Pod，而不是通过 API 读取。',
    },
    fixSafety: {
      en: 'Changes behaviour: code that lists or watches Secrets, or reads Secrets not named, is denied.',
      'zh-cn': '会改变行为：列出或监视 Secret、或读取未列出的 Secret 的代码会被拒绝。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list", "watch"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: app\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["app-database"]\n    verbs: ["get"]',
    },
  },
  messages: {
    readSecrets: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on every Secret (resource "{{item}}")',
      'zh-cn': '{{kind}} "{{name}}" 对所有 Secret（资源 "{{item}}"）授予了 {{verbs}}',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const grant = ruleGrants(rule, { group: '', resource: 'secrets' }, ['get', 'list', 'watch']);
      if (!grant || grant.narrowed) continue;
      context.report({ messageId: 'readSecrets', data: grantData(resource, grant), path: resourceItemPath(rule, grant) });
    }
  },
});
