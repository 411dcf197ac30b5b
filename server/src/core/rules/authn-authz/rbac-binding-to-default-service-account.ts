/**
 * Bindings to service accounts that no one chose: the `default` service account of a namespace,
 * which every Pod without serviceAccountName runs as, and the groups `system:serviceaccounts` (all
 * service accounts of the cluster) and `system:serviceaccounts:<namespace>` (all of a namespace).
 * Permissions bound there reach Pods that were never meant to have them. The binding that Kubernetes
 * itself makes to system:serviceaccounts (service account issuer discovery) and bindings of the
 * discovery-only roles are not reported.
 */
import { defineRule } from '../define-rule';
import { roleRefOf, subjectsOf } from '../../model/rbac';
import { BINDING_KINDS, objectData, RBAC_REFERENCES } from '../shared/rbac';

const HARMLESS_CLUSTER_ROLES = new Set(['system:service-account-issuer-discovery', 'system:public-info-viewer', 'system:discovery', 'system:basic-user']);
const ALL_ACCOUNTS = 'system:serviceaccounts';

export default defineRule({
  id: 'rbac-binding-to-default-service-account',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: BINDING_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Binding to the default service account', 'zh-cn': '绑定到 default 服务账号' },
    summary: {
      en: 'Do not bind roles to the default service account or to all service accounts; give the workload its own account.',
      'zh-cn': '不要把角色绑定给 default 服务账号或所有服务账号；应为工作负载创建专用账号。',
    },
    why: {
      en: 'Every Pod that does not name a service account runs as default, so a role bound to it reaches every such Pod of the namespace, today and later. A binding to system:serviceaccounts or system:serviceaccounts:<namespace> does the same for every account.',
      'zh-cn': '所有未指定服务账号的 Pod 都以 default 身份运行，因此绑定给它的角色会覆盖该命名空间中现在和将来的所有此类 Pod。绑定给 system:serviceaccounts 或 system:serviceaccounts:<命名空间> 则对所有账号产生同样的效果。',
    },
    remediation: {
      en: 'Create a dedicated ServiceAccount, bind the role to it, and set serviceAccountName in the Pods that need it.',
      'zh-cn': '创建专用的 ServiceAccount，把角色绑定给它，并在需要的 Pod 中设置 serviceAccountName。',
    },
    fixSafety: {
      en: 'Changes behaviour: Pods that relied on the default account lose the permissions until they use the new account.',
      'zh-cn': '会改变行为：依赖 default 账号的 Pod 会失去这些权限，直到改用新账号。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app-reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: default\n    namespace: shop',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: app-reader\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n  - kind: ServiceAccount\n    name: app\n    namespace: shop',
    },
  },
  messages: {
    defaultAccount: {
      en: '{{kind}} "{{name}}" binds {{roleKind}} "{{role}}" to the default service account of namespace "{{namespace}}"',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 绑定给了命名空间 "{{namespace}}" 的 default 服务账号',
    },
    allAccounts: {
      en: '{{kind}} "{{name}}" binds {{roleKind}} "{{role}}" to group {{group}}: every service account in it gets the role',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 绑定给了组 {{group}}：其中所有服务账号都会获得该角色',
    },
  },
  check(context, resource) {
    const roleRef = roleRefOf(resource);
    if (!roleRef || (roleRef.kind === 'ClusterRole' && HARMLESS_CLUSTER_ROLES.has(roleRef.name))) return;
    const base = { ...objectData(resource), roleKind: roleRef.kind, role: roleRef.name };
    for (const subject of subjectsOf(resource)) {
      if (subject.kind === 'ServiceAccount' && subject.name === 'default') {
        const namespace = subject.namespace ?? resource.namespace ?? 'default';
        context.report({ messageId: 'defaultAccount', data: { ...base, namespace }, path: [...subject.path, 'name'] });
      } else if (subject.kind === 'Group' && (subject.name === ALL_ACCOUNTS || subject.name.startsWith(`${ALL_ACCOUNTS}:`))) {
        context.report({ messageId: 'allAccounts', data: { ...base, group: subject.name }, path: [...subject.path, 'name'] });
      }
    }
  },
});
