/**
 * Bindings to the cluster-admin ClusterRole: a ClusterRoleBinding gives full control of the cluster,
 * a RoleBinding full control of its namespace (RBAC objects and Secrets included). The API
 * server's own bootstrap binding (cluster-admin to system:masters, labelled
 * kubernetes.io/bootstrapping=rbac-defaults) is recreated at every start and is left to the
 * system-masters rule.
 */
import { defineRule } from '../define-rule';
import { isBootstrapPolicy, roleRefOf, subjectsOf } from '../../model/rbac';
import { BINDING_KINDS, objectData, RBAC_REFERENCES } from '../shared/rbac';

export default defineRule({
  id: 'rbac-cluster-admin-binding',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: BINDING_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Binding to cluster-admin', 'zh-cn': '绑定到 cluster-admin' },
    summary: {
      en: 'Do not bind the cluster-admin ClusterRole to users, groups or service accounts; bind roles that fit the job.',
      'zh-cn': '不要把 cluster-admin ClusterRole 绑定给用户、组或服务账号；应绑定与职责相符的角色。',
    },
    why: {
      en: 'cluster-admin allows every action on every resource. Through a ClusterRoleBinding that is the whole cluster; through a RoleBinding it is everything in the namespace, including its Secrets and its RBAC. A leaked credential of the subject is then a full compromise.',
      'zh-cn': 'cluster-admin 允许对所有资源执行所有操作。通过 ClusterRoleBinding 绑定即是整个集群；通过 RoleBinding 绑定则是该命名空间中的一切，包括其中的 Secret 和 RBAC。主体的凭据一旦泄露就等于完全失守。',
    },
    remediation: {
      en: 'Bind admin, edit or view, or a role written for the task; keep cluster-admin for a break-glass procedure.',
      'zh-cn': '改为绑定 admin、edit、view，或为该任务编写的角色；cluster-admin 只留给应急流程使用。',
    },
    fixSafety: {
      en: 'Changes behaviour: the subjects lose every permission the narrower role does not give.',
      'zh-cn': '会改变行为：主体会失去较小角色未授予的所有权限。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: ci-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cluster-admin\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: ci-edit\n  namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: edit\nsubjects:\n  - kind: ServiceAccount\n    name: ci\n    namespace: ci',
    },
  },
  messages: {
    cluster: {
      en: '{{kind}} "{{name}}" gives cluster-admin over the whole cluster to {{subjects}}',
      'zh-cn': '{{kind}} "{{name}}" 把整个集群的 cluster-admin 权限授予了 {{subjects}}',
    },
    namespace: {
      en: '{{kind}} "{{name}}" gives cluster-admin over namespace "{{namespace}}" to {{subjects}}',
      'zh-cn': '{{kind}} "{{name}}" 把命名空间 "{{namespace}}" 的 cluster-admin 权限授予了 {{subjects}}',
    },
  },
  check(context, resource) {
    const roleRef = roleRefOf(resource);
    if (!roleRef || roleRef.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin' || isBootstrapPolicy(resource)) return;
    const subjects = subjectsOf(resource).map((subject) => `${subject.kind} "${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}"`).join(', ') || '-';
    const clusterWide = resource.kind === 'ClusterRoleBinding';
    context.report({
      messageId: clusterWide ? 'cluster' : 'namespace',
      data: { ...objectData(resource), subjects, namespace: resource.namespace ?? 'default' },
      path: ['roleRef', 'name'],
    });
  },
});
