/**
 * Bindings that hand out dangerous rights (checklist authn-authz/rbac-good-practices): a RoleBinding
 * or ClusterRoleBinding whose Role or ClusterRole grants reading Secrets, wildcards, escalate / bind
 * / impersonate, or exec / attach into Pods. The roleRef is resolved to the closest definition (the
 * binding's file, then its folder, then the workspace; see shared/rbac.ts `resolveRoleRef`); a name
 * defined twice equally close is not judged (rbac-binding-role-unresolved says so). A built-in
 * ClusterRole not defined in the workspace is judged by its known rules (model/builtin-roles.ts):
 * `edit` and `admin` read Secrets, exec into Pods, impersonate service accounts and write
 * workloads; `cluster-admin` is left to rbac-cluster-admin-binding. The role rules report the
 * entries themselves; this finding sits on the binding's roleRef, says who receives the rights, and
 * points at the granting entries and at the subjects' ServiceAccounts (relatedInformation).
 */
import { defineRule } from '../define-rule';
import { execVerbs, isAggregated, isBinding, isFullWildcard, PolicyRuleView, ruleGrants, subjectsOf } from '../../model/rbac';
import type { Resource } from '../../model/resource';
import type { PropertyPath } from '../../model/values';
import type { RelatedReport } from '../types';
import { broadGrantsPerResourceItem, RBAC_REFERENCES, resolveRoleRef, WORKLOAD_TARGETS, WORKLOAD_WRITE_VERBS } from '../shared/rbac';

interface DangerousRight {
  /** Language-neutral: `get, list secrets`, `*`, `escalate`, `create pods/exec`. */
  readonly text: string;
  readonly path: PropertyPath;
}

const READ_VERBS = ['get', 'list', 'watch'];
const ESCALATING_VERBS = ['escalate', 'bind', 'impersonate'];

/** The dangerous rights of one entry of `rules`, each with the item that grants it. */
function dangerousRights(rule: PolicyRuleView, minorVersion: number, builtin: boolean): DangerousRight[] {
  const rights: DangerousRight[] = [];
  if (isFullWildcard(rule)) return [{ text: '*/*/* (every right)', path: [...rule.path, 'verbs', rule.verbs.find((item) => item.value === '*')!.index] }];
  const wildcardVerb = rule.verbs.find((item) => item.value === '*');
  const wildcardResource = rule.resources.find((item) => item.value === '*');
  if (wildcardVerb) rights.push({ text: 'verbs: *', path: [...rule.path, 'verbs', wildcardVerb.index] });
  if (wildcardResource && rule.apiGroups.length > 0) rights.push({ text: 'resources: *', path: [...rule.path, 'resources', wildcardResource.index] });
  if (rights.length > 0) return rights;
  const secrets = ruleGrants(rule, { group: '', resource: 'secrets' }, READ_VERBS);
  if (secrets && !secrets.narrowed) rights.push({ text: `${secrets.verbs.join(', ')} secrets`, path: [...rule.path, 'resources', secrets.resourceItem.index] });
  for (const item of rule.verbs) {
    if (ESCALATING_VERBS.includes(item.value) && rule.resources.length > 0) rights.push({ text: item.value, path: [...rule.path, 'verbs', item.index] });
  }
  for (const subresource of ['exec', 'attach']) {
    const grant = ruleGrants(rule, { group: '', resource: 'pods', subresource }, execVerbs(minorVersion));
    if (grant) rights.push({ text: `${grant.verbs.join(', ')} pods/${subresource}`, path: [...rule.path, 'resources', grant.resourceItem.index] });
  }
  // A workspace role's workload writes are reported on the role (workload-write-rbac); a built-in
  // role has no file to report them in, so the binding says them.
  if (builtin) {
    for (const found of broadGrantsPerResourceItem(rule, WORKLOAD_TARGETS, WORKLOAD_WRITE_VERBS)) {
      rights.push({ text: `${found.verbs.join(', ')} ${found.resources.join(', ')}`, path: rule.path });
    }
  }
  return rights;
}

function subjectText(binding: Resource): string {
  const subjects = subjectsOf(binding).map((subject) =>
    subject.kind === 'ServiceAccount' ? `ServiceAccount ${subject.namespace ? `${subject.namespace}/` : ''}${subject.name}` : `${subject.kind} ${subject.name}`,
  );
  return subjects.length > 3 ? `${subjects.slice(0, 3).join(', ')}, … (+${subjects.length - 3})` : subjects.join(', ');
}

export default defineRule({
  id: 'rbac-binding-dangerous-role',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: 'workspace',
  inputKinds: ['RoleBinding', 'ClusterRoleBinding'],
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Binding grants dangerous rights', 'zh-cn': '绑定授予了危险权限' },
    summary: {
      en: 'RoleBindings and ClusterRoleBindings should not hand subjects a Role or ClusterRole that reads Secrets, uses wildcards, can escalate, bind or impersonate, or can exec into Pods, unless each subject really needs it.',
      'zh-cn': '除非每个主体确实需要，RoleBinding 和 ClusterRoleBinding 不应把能读取 Secret、使用通配符、能 escalate/bind/impersonate 或能 exec 进入 Pod 的 Role 或 ClusterRole 授予主体。',
    },
    why: {
      en: 'A role is harmless until it is bound: the binding decides who holds its rights and where (a ClusterRole bound by a RoleBinding applies in one namespace; by a ClusterRoleBinding, everywhere). Reading Secrets yields other identities, wildcards grant future resources too, escalate / bind / impersonate get around RBAC itself, and exec or attach runs commands with the Pod\'s identity. The rules on roles flag the entries; this finding names the subjects that receive them. The role is the closest definition of its name: in the binding\'s file, then in its folder, then anywhere in the analyzed files (a RoleBinding looks in its own namespace, or, without a namespace, among the files of its folder); a name defined twice equally close is not judged. The built-in ClusterRoles admin and edit, when the files do not define them, are judged by what they grant in every cluster: reading Secrets, exec and attach, impersonating service accounts, and writing workloads (cluster-admin has a rule of its own).',
      'zh-cn': '角色在被绑定之前不会造成危害：绑定决定了谁拥有其权限以及在哪里生效（被 RoleBinding 绑定的 ClusterRole 只在一个名字空间内生效；被 ClusterRoleBinding 绑定则处处生效）。读取 Secret 可以获得其他身份，通配符连将来出现的资源也一并授予，escalate、bind、impersonate 可以绕过 RBAC 本身，exec 或 attach 可以以 Pod 的身份执行命令。针对角色的规则会标出相应条目；本规则指出获得这些权限的主体。所用的角色是该名称最近的定义：先在绑定所在的文件中找，再在其所在的文件夹中找，最后在所有被分析的文件中找（RoleBinding 只在自己的名字空间中查找；没有名字空间时，只在其文件夹的文件中查找）；同样近的两个定义无法判断，不作评估。文件中没有定义的内置 ClusterRole admin 和 edit，按它们在每个集群中授予的权限评估：读取 Secret、exec 与 attach、冒充服务账号以及写入工作负载（cluster-admin 另有专门的规则）。',
    },
    remediation: {
      en: 'Bind a narrower role (split the dangerous entries into a role of their own and bind it only where needed), or remove subjects that do not need the rights.',
      'zh-cn': '绑定一个权限更小的角色（把危险条目拆分为单独的角色，只在需要的地方绑定），或删除不需要这些权限的主体。',
    },
    fixSafety: {
      en: 'Changes behaviour: subjects lose the rights; controllers that need them stop working.',
      'zh-cn': '会改变行为：主体失去这些权限；需要这些权限的控制器将无法工作。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    verbs: ["get", "list"]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web-reader\n  namespace: shop\nsubjects:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["secrets"]\n    resourceNames: ["web-database"]\n    verbs: ["get"]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: web-reader\n  namespace: shop\nsubjects:\n  - kind: ServiceAccount\n    name: web\n    namespace: shop\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: reader',
    },
  },
  messages: {
    grants: {
      en: '{{kind}} "{{name}}" gives {{subjects}} dangerous rights of {{roleKind}} "{{role}}": {{rights}}',
      'zh-cn': '{{kind}} "{{name}}" 把 {{roleKind}} "{{role}}" 的危险权限授予了 {{subjects}}：{{rights}}',
    },
    grantsBuiltin: {
      en: '{{kind}} "{{name}}" gives {{subjects}} the built-in {{roleKind}} "{{role}}", which grants: {{rights}}',
      'zh-cn': '{{kind}} "{{name}}" 把内置的 {{roleKind}} "{{role}}" 授予了 {{subjects}}，该角色授予：{{rights}}',
    },
    grantingEntry: {
      en: 'Grants {{right}}',
      'zh-cn': '授予 {{right}}',
    },
    subject: {
      en: 'ServiceAccount "{{name}}" receives the rights through {{binding}}',
      'zh-cn': 'ServiceAccount "{{name}}" 通过 {{binding}} 获得这些权限',
    },
  },
  checkWorkspace(context, index) {
    for (const binding of [...index.ofKind('RoleBinding'), ...index.ofKind('ClusterRoleBinding')]) {
      if (!isBinding(binding) || !context.wants(binding)) continue;
      const resolved = resolveRoleRef(index, binding);
      const role = resolved.state === 'found' ? resolved.role : undefined;
      if (role && isAggregated(role)) continue;
      const rules = resolved.state === 'found' || resolved.state === 'builtin' ? resolved.rules : undefined;
      // cluster-admin has a rule of its own (rbac-cluster-admin-binding).
      if (!rules || (resolved.state === 'builtin' && binding.value.roleRef && (binding.value.roleRef as { name?: unknown }).name === 'cluster-admin')) continue;
      const rights = rules.flatMap((rule) => dangerousRights(rule, context.minorVersion, resolved.state === 'builtin'));
      if (rights.length === 0) continue;
      const related: RelatedReport<'grantingEntry' | 'subject'>[] = role ? rights.map((right) => ({ resource: role, path: right.path, messageId: 'grantingEntry', data: { right: right.text } })) : [];
      for (const subject of subjectsOf(binding)) {
        if (subject.kind !== 'ServiceAccount') continue;
        const namespace = subject.namespace ?? index.namespaceOf(binding);
        const account = index.ofKind('ServiceAccount', '').find((other) => other.name === subject.name && index.namespaceOf(other) === namespace);
        if (account) related.push({ resource: account, path: ['metadata', 'name'], messageId: 'subject', data: { name: subject.name, binding: `${binding.kind} "${binding.name ?? ''}"` } });
      }
      const ref = binding.value.roleRef as { kind: string; name: string };
      context.report({
        resource: binding,
        path: ['roleRef', 'name'],
        messageId: role ? 'grants' : 'grantsBuiltin',
        data: {
          kind: binding.kind,
          name: binding.name ?? '',
          subjects: subjectText(binding) || '—',
          roleKind: ref.kind,
          role: ref.name,
          rights: [...new Set(rights.map((right) => right.text))].join('; '),
        },
        related,
      });
    }
  },
});
