/**
 * Bindings whose roleRef cannot be told from the files (checklist authn-authz/rbac-good-practices):
 * - a dangling grant: the Role or ClusterRole is in none of the analyzed files and is no built-in
 *   ClusterRole, while the binding's folder (for a Role, its namespace there) does hold other roles
 *   of that kind, so the files evidently carry this namespace's RBAC. Whoever later creates a role
 *   of that name, possibly with other rights, hands them to the subjects at once.
 * - an ambiguous name: two definitions are equally close to the binding (same file, same folder,
 *   or only elsewhere in the workspace), so the files do not say which rights it grants, and the
 *   dangerous-rights rule does not guess.
 * Information only: the role may come from a chart or an operator the files do not show.
 */
import { defineRule } from '../define-rule';
import { isBinding, roleRefOf } from '../../model/rbac';
import type { RelatedReport } from '../types';
import { RBAC_REFERENCES, resolveRoleRef } from '../shared/rbac';

const BINDING = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web-config\n  namespace: shop\nsubjects:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: config-reader';
const ROLE = (name: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: ${name}\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["configmaps"]\n    verbs: ["get"]`;

export default defineRule({
  id: 'rbac-binding-role-unresolved',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: 'workspace',
  inputKinds: ['RoleBinding', 'ClusterRoleBinding'],
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Binding to a missing or ambiguous role', 'zh-cn': '绑定到不存在或有歧义的角色' },
    summary: {
      en: 'A binding should refer to a Role or ClusterRole that the files define once, close to it, or to a built-in ClusterRole.',
      'zh-cn': '绑定应当引用文件中只定义了一次且离它较近的 Role 或 ClusterRole，或者引用内置的 ClusterRole。',
    },
    why: {
      en: 'A binding to a role that does not exist is a grant waiting to happen: whoever creates a role of that name later decides what the subjects may do, without touching the binding. When the files that hold a namespace\'s roles lack the one a binding names, it is usually a renamed or deleted role. When two equally close definitions share the name (in the same file, the same folder, or only in unrelated folders), the files do not say which rights the binding grants, so its rights are not judged.',
      'zh-cn': '绑定到不存在的角色相当于一份待生效的授权：以后谁创建了同名角色，谁就决定了这些主体能做什么，而无需修改绑定。当存放某名字空间角色的文件中恰好缺少绑定所引用的那个角色时，通常是角色被改名或删除了。当两个同样近的定义同名（在同一文件、同一文件夹中，或只在互不相关的文件夹中）时，文件无法说明该绑定授予了哪些权限，因此不评估其权限。',
    },
    remediation: {
      en: 'Define the role next to the binding, correct the roleRef name, or delete the binding; give roles of different content different names.',
      'zh-cn': '在绑定旁边定义该角色、改正 roleRef 中的名称，或者删除该绑定；内容不同的角色应使用不同的名称。',
    },
    fixSafety: {
      en: 'Safe for a dangling binding (it grants nothing today); renaming a role changes who holds it.',
      'zh-cn': '对悬空的绑定是安全的（它目前不授予任何权限）；给角色改名会改变谁持有它。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect: `${ROLE('web-reader')}\n---\n${BINDING}`,
      correct: `${ROLE('config-reader')}\n---\n${BINDING}`,
    },
  },
  messages: {
    missing: {
      en: '{{kind}} "{{name}}" refers to {{roleKind}} "{{role}}", which none of the files define while they define {{count}} other {{roleKind}}(s) beside it: a dangling grant',
      'zh-cn': '{{kind}} "{{name}}" 引用了 {{roleKind}} "{{role}}"，但所有文件都没有定义它，而它旁边的文件定义了 {{count}} 个其他 {{roleKind}}：这是一个悬空的授权',
    },
    ambiguous: {
      en: '{{kind}} "{{name}}" refers to {{roleKind}} "{{role}}", which {{count}} equally close definitions share: its rights are not judged',
      'zh-cn': '{{kind}} "{{name}}" 引用的 {{roleKind}} "{{role}}" 有 {{count}} 个同样近的定义：不评估其权限',
    },
    definition: {
      en: 'A definition of {{roleKind}} "{{role}}"',
      'zh-cn': '{{roleKind}} "{{role}}" 的一个定义',
    },
    neighbour: {
      en: '{{roleKind}} "{{role}}" is defined beside the binding',
      'zh-cn': '绑定旁边定义了 {{roleKind}} "{{role}}"',
    },
  },
  checkWorkspace(context, index) {
    for (const binding of [...index.ofKind('RoleBinding'), ...index.ofKind('ClusterRoleBinding')]) {
      if (!isBinding(binding) || !context.wants(binding)) continue;
      const ref = roleRefOf(binding);
      const resolved = resolveRoleRef(index, binding);
      if (!ref || (resolved.state !== 'missing' && resolved.state !== 'ambiguous')) continue;
      const others = resolved.state === 'missing' ? resolved.neighbours : resolved.candidates;
      if (others.length === 0) continue;
      const base = { kind: binding.kind, name: binding.name ?? '', roleKind: ref.kind, role: ref.name, count: others.length };
      const related: RelatedReport<'definition' | 'neighbour'>[] = others.slice(0, 5).map((other) =>
        resolved.state === 'missing'
          ? { resource: other, path: ['metadata', 'name'], messageId: 'neighbour', data: { roleKind: other.kind, role: other.name ?? '' } }
          : { resource: other, path: ['metadata', 'name'], messageId: 'definition', data: { roleKind: ref.kind, role: ref.name } },
      );
      context.report({ resource: binding, path: ['roleRef', 'name'], messageId: resolved.state, data: base, related });
    }
  },
});
