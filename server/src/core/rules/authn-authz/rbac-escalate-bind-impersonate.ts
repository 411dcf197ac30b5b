/**
 * The three verbs that lift RBAC's own guard: `escalate` on roles/clusterroles (write a role with
 * permissions one does not hold), `bind` on roles/clusterroles (bind a role one does not hold), and
 * `impersonate` on users, groups or serviceaccounts (act as someone else). `*` verbs and resources
 * count, as the authorizer counts them. `bind` limited by resourceNames to given roles is the
 * documented way to delegate binding safely and is not reported; `escalate` and `impersonate` stay
 * dangerous even for one named role or user (impersonating one admin is enough).
 */
import { defineRule } from '../define-rule';
import { firstGrant, RBAC_GROUP, ResourceTarget } from '../../model/rbac';
import { objectData, specificRulesOf, RBAC_REFERENCES, ROLE_KINDS, verbItemPath } from '../shared/rbac';

/** Editing a ClusterRole is a cluster-scoped request, which no Role can grant. */
const ESCALATE_TARGETS: readonly ResourceTarget[] = [
  { group: RBAC_GROUP, resource: 'clusterroles', clusterScoped: true },
  { group: RBAC_GROUP, resource: 'roles' },
];
/** Binding is checked in the namespace of the binding, even for a ClusterRole a RoleBinding refers to. */
const BIND_TARGETS: readonly ResourceTarget[] = [
  { group: RBAC_GROUP, resource: 'clusterroles' },
  { group: RBAC_GROUP, resource: 'roles' },
];
const IDENTITY_TARGETS: readonly ResourceTarget[] = [
  { group: '', resource: 'users', clusterScoped: true },
  { group: '', resource: 'groups', clusterScoped: true },
  { group: '', resource: 'serviceaccounts' },
];

export default defineRule({
  id: 'rbac-escalate-bind-impersonate',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC escalate, bind or impersonate', 'zh-cn': 'RBAC 的 escalate、bind 或 impersonate 权限' },
    summary: {
      en: 'Roles should not grant escalate or bind on roles, nor impersonate on users, groups or service accounts.',
      'zh-cn': '角色不应授予对角色的 escalate 或 bind 权限，也不应授予对用户、组或服务账号的 impersonate 权限。',
    },
    why: {
      en: "RBAC normally refuses to let anyone create or bind a role with more rights than they hold. escalate and bind switch that check off, and impersonate lets the holder send requests as another user, group or service account, so each of them is a path to cluster-admin.",
      'zh-cn': 'RBAC 通常不允许任何人创建或绑定比自身权限更大的角色。escalate 和 bind 会关闭这项检查，而 impersonate 允许持有者以其他用户、组或服务账号的身份发送请求，因此它们都可以通向 cluster-admin。',
    },
    remediation: {
      en: 'Remove these verbs. If a controller must bind roles, grant bind only on the named roles it hands out (resourceNames).',
      'zh-cn': '删除这些动词。如果某个控制器必须绑定角色，只对它要分配的具体角色授予 bind（使用 resourceNames）。',
    },
    fixSafety: {
      en: 'Changes behaviour: tools that create roles, bind them or impersonate users stop working.',
      'zh-cn': '会改变行为：创建角色、绑定角色或模拟用户的工具将无法工作。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: role-manager\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles", "clusterrolebindings"]\n    verbs: ["get", "list", "create", "escalate", "bind"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: role-manager\nrules:\n  - apiGroups: ["rbac.authorization.k8s.io"]\n    resources: ["clusterroles"]\n    verbs: ["bind"]\n    resourceNames: ["view"]',
    },
  },
  messages: {
    escalateBind: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on resource "{{item}}": holders can create or bind roles with permissions they do not have',
      'zh-cn': '{{kind}} "{{name}}" 对资源 "{{item}}" 授予了 {{verbs}}：持有者可以创建或绑定权限超出自身的角色',
    },
    impersonate: {
      en: '{{kind}} "{{name}}" grants impersonate on resource "{{item}}": holders can act as other users, groups or service accounts',
      'zh-cn': '{{kind}} "{{name}}" 对资源 "{{item}}" 授予了 impersonate：持有者可以冒充其他用户、组或服务账号',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const escalate = firstGrant(rule, ESCALATE_TARGETS, ['escalate']);
      const bind = firstGrant(rule, BIND_TARGETS, ['bind']);
      const grants = [escalate, bind && !bind.narrowed ? bind : undefined].filter((grant) => grant !== undefined);
      if (grants.length > 0) {
        context.report({
          messageId: 'escalateBind',
          data: { ...objectData(resource), verbs: grants.map((grant) => grant.verbs[0]).join(', '), item: grants[0].resourceItem.value },
          path: verbItemPath(rule, grants[0]),
        });
      }
      const identities = firstGrant(rule, IDENTITY_TARGETS, ['impersonate']);
      if (identities) {
        context.report({ messageId: 'impersonate', data: { ...objectData(resource), item: identities.resourceItem.value }, path: verbItemPath(rule, identities) });
      }
    }
  },
});
