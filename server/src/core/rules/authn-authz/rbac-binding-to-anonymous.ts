/**
 * Bindings whose subjects are everybody: the anonymous user `system:anonymous`, the group
 * `system:unauthenticated` (every request without credentials), and, with its own message, the
 * group `system:authenticated` (every user and every service account of the cluster, and with some
 * identity providers anyone holding an account there). The bindings that Kubernetes and kubeadm
 * create themselves to these groups grant only discovery, health and version information, or the
 * public cluster-info ConfigMap, and are not reported; any other role bound to them is.
 */
import { defineRule } from '../define-rule';
import { roleRefOf, subjectsOf } from '../../model/rbac';
import { BINDING_KINDS, objectData, RBAC_REFERENCES } from '../shared/rbac';

/** ClusterRoles that the API server binds to these groups by default; they expose no object. */
const PUBLIC_CLUSTER_ROLES = new Set(['system:public-info-viewer', 'system:discovery', 'system:basic-user']);
/** kubeadm lets anonymous clients read the cluster-info ConfigMap of kube-public to join nodes. */
const KUBEADM_CLUSTER_INFO_ROLE = 'kubeadm:bootstrap-signer-clusterinfo';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);

export default defineRule({
  id: 'rbac-binding-to-anonymous',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: BINDING_KINDS },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'Binding to anonymous or all authenticated users', 'zh-cn': '绑定给匿名用户或所有已认证用户' },
    summary: {
      en: 'Do not bind roles to system:anonymous, system:unauthenticated or system:authenticated.',
      'zh-cn': '不要把角色绑定给 system:anonymous、system:unauthenticated 或 system:authenticated。',
    },
    why: {
      en: 'system:anonymous and system:unauthenticated are whoever reaches the API server without credentials, often from the Internet. system:authenticated is every user and every service account, so one compromised Pod anywhere receives the role.',
      'zh-cn': 'system:anonymous 和 system:unauthenticated 代表任何不带凭据访问 API 服务器的人，往往来自互联网。system:authenticated 包括所有用户和所有服务账号，因此任何一个被攻破的 Pod 都会获得该角色。',
    },
    remediation: {
      en: 'Bind the role to the specific users, groups or service accounts that need it.',
      'zh-cn': '把角色绑定给确实需要它的具体用户、组或服务账号。',
    },
    fixSafety: {
      en: 'Changes behaviour: clients that relied on the broad binding are denied until they are bound by name.',
      'zh-cn': '会改变行为：依赖这一宽泛绑定的客户端会被拒绝，直到按名称为其绑定。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: everyone-view\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: system:unauthenticated',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: support-view\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - apiGroup: rbac.authorization.k8s.io\n    kind: Group\n    name: support-team',
    },
  },
  messages: {
    anonymous: {
      en: '{{kind}} "{{name}}" binds {{roleKind}} "{{role}}" to {{subject}}: anyone who reaches the API server without credentials gets it',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 绑定给了 {{subject}}：任何不带凭据访问 API 服务器的人都会获得它',
    },
    authenticated: {
      en: '{{kind}} "{{name}}" binds {{roleKind}} "{{role}}" to system:authenticated: every user and service account gets it',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 绑定给了 system:authenticated：所有用户和服务账号都会获得它',
    },
  },
  check(context, resource) {
    const roleRef = roleRefOf(resource);
    if (!roleRef) return;
    if (roleRef.kind === 'ClusterRole' && PUBLIC_CLUSTER_ROLES.has(roleRef.name)) return;
    if (resource.kind === 'RoleBinding' && resource.namespace === 'kube-public' && roleRef.name === KUBEADM_CLUSTER_INFO_ROLE) return;
    for (const subject of subjectsOf(resource)) {
      if (subject.kind === 'ServiceAccount') continue;
      const messageId = ANONYMOUS.has(subject.name) ? 'anonymous' : subject.kind === 'Group' && subject.name === 'system:authenticated' ? 'authenticated' : undefined;
      if (!messageId) continue;
      context.report({
        messageId,
        data: { ...objectData(resource), roleKind: roleRef.kind, role: roleRef.name, subject: subject.name },
        path: [...subject.path, 'name'],
      });
    }
  },
});
