/**
 * Bindings whose subject is the group system:masters. Members of that group pass every
 * authorization check before RBAC is even asked, and the group can be neither restricted nor
 * revoked, so a binding to it signals that someone relies on system:masters credentials, which the
 * checklist wants kept to bootstrapping. The API server's own bootstrap binding (cluster-admin to
 * system:masters, labelled kubernetes.io/bootstrapping=rbac-defaults) is recreated at every start and
 * is not reported. Only the subject kind Group counts: that is how the group appears in a
 * certificate (O=system:masters).
 */
import { defineRule } from '../define-rule';
import { isBootstrapPolicy, roleRefOf, subjectsOf } from '../../model/rbac';
import { BINDING_KINDS, objectData, RBAC_REFERENCES } from '../shared/rbac';

export const SYSTEM_MASTERS = 'system:masters';

export default defineRule({
  id: 'system-masters-group-binding',
  checklist: ['authn-authz/system-masters'],
  scope: { kinds: BINDING_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Binding to the system:masters group', 'zh-cn': '绑定到 system:masters 组' },
    summary: {
      en: 'Do not bind roles to the system:masters group; use a group that RBAC controls.',
      'zh-cn': '不要把角色绑定给 system:masters 组；应使用受 RBAC 控制的组。',
    },
    why: {
      en: 'system:masters bypasses authorization entirely: RBAC cannot limit it, removing a binding does not take anything away, and a certificate with O=system:masters cannot be revoked. After bootstrapping no user or component should authenticate with it, and a binding to it suggests that someone does.',
      'zh-cn': 'system:masters 完全绕过鉴权：RBAC 无法限制它，删除绑定也不会收回任何权限，带有 O=system:masters 的证书也无法吊销。集群引导完成后，不应再有用户或组件以它认证，而绑定到它说明有人在这么做。',
    },
    remediation: {
      en: 'Bind the role to a dedicated group (for example one named in your identity provider, or kubeadm:cluster-admins) and issue credentials for that group instead.',
      'zh-cn': '把角色绑定到一个专用组（例如身份提供方中的组，或 kubeadm:cluster-admins），并改为给该组签发凭据。',
    },
    fixSafety: {
      en: 'Nothing changes for system:masters members, who keep full access; the fix is to stop issuing such credentials.',
      'zh-cn': 'system:masters 成员的权限不受影响，仍拥有完全访问权；真正的修复是停止签发这类凭据。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ops-admins\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: admin\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: system:masters',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ops-admins\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: admin\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: ops-admins',
    },
  },
  messages: {
    systemMasters: {
      en: '{{kind}} "{{name}}" binds {{roleKind}} "{{role}}" to group system:masters, which bypasses authorization and cannot be revoked',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 绑定给了 system:masters 组，该组绕过鉴权且无法吊销',
    },
  },
  check(context, resource) {
    if (isBootstrapPolicy(resource)) return;
    const roleRef = roleRefOf(resource);
    for (const subject of subjectsOf(resource)) {
      if (subject.kind !== 'Group' || subject.name !== SYSTEM_MASTERS) continue;
      context.report({
        messageId: 'systemMasters',
        data: { ...objectData(resource), roleKind: roleRef?.kind ?? '-', role: roleRef?.name ?? '-' },
        path: [...subject.path, 'name'],
      });
    }
  },
});
