/**
 * Running commands in other Pods through the API: create on `pods/exec` or `pods/attach`, and
 * update or patch on `pods/ephemeralcontainers` (a debug container is a shell in the Pod). `get`
 * counts too up to v1.34 (WebSocket exec is a GET): the version table is `execVerbs` of
 * model/rbac.ts, shared with rbac-binding-dangerous-role.
 * A star resource and star-slash-exec match, `pods/` followed by a star does not. Rules narrowed to named Pods are not reported.
 */
import { defineRule } from '../define-rule';
import { execVerbs, ResourceTarget } from '../../model/rbac';
import { broadGrantData, broadGrantsPerResourceItem, specificRulesOf, RBAC_REFERENCES, resourceItemPath, ROLE_KINDS } from '../shared/rbac';

const SHELL_TARGETS: readonly ResourceTarget[] = [
  { group: '', resource: 'pods', subresource: 'exec' },
  { group: '', resource: 'pods', subresource: 'attach' },
];
const DEBUG_TARGETS: readonly ResourceTarget[] = [{ group: '', resource: 'pods', subresource: 'ephemeralcontainers' }];

export default defineRule({
  id: 'rbac-pod-exec-attach',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC exec or attach into Pods', 'zh-cn': 'RBAC 允许在 Pod 中 exec 或 attach' },
    summary: {
      en: 'Roles should not grant pods/exec, pods/attach or pods/ephemeralcontainers unless people really debug through them.',
      'zh-cn': '除非确实需要以此调试，角色不应授予 pods/exec、pods/attach 或 pods/ephemeralcontainers 权限。',
    },
    why: {
      en: 'A shell in a container gives its holder everything the container has: mounted Secrets, its service account token, its network position. Adding an ephemeral debug container does the same. These rights turn read-only access to Pods into control of the workloads.',
      'zh-cn': '容器中的 shell 让持有者获得该容器拥有的一切：挂载的 Secret、服务账号令牌和网络位置。添加临时调试容器也一样。这些权限会把对 Pod 的只读访问变成对工作负载的控制。',
    },
    remediation: {
      en: 'Keep these subresources out of roles bound to workloads and everyday users; grant them to a separate break-glass role with audit.',
      'zh-cn': '不要把这些子资源放进绑定给工作负载和日常用户的角色；把它们放在单独的、受审计的应急角色中。',
    },
    fixSafety: {
      en: 'Changes behaviour: kubectl exec, attach and debug stop working for the role holders.',
      'zh-cn': '会改变行为：角色持有者将无法使用 kubectl exec、attach 和 debug。',
    },
    references: RBAC_REFERENCES,
    examples: {
      incorrect: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: support\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log", "pods/exec"]\n    verbs: ["get", "list", "create"]',
      correct: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: support\n  namespace: shop\nrules:\n  - apiGroups: [""]\n    resources: ["pods", "pods/log"]\n    verbs: ["get", "list"]',
    },
  },
  messages: {
    shell: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}} (resource "{{item}}"): holders can run commands in Pods',
      'zh-cn': '{{kind}} "{{name}}" 对 {{resources}}（资源 "{{item}}"）授予了 {{verbs}}：持有者可以在 Pod 中执行命令',
    },
    debug: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on pods/ephemeralcontainers (resource "{{item}}"): holders can add a debug container to any Pod',
      'zh-cn': '{{kind}} "{{name}}" 对 pods/ephemeralcontainers（资源 "{{item}}"）授予了 {{verbs}}：持有者可以向任意 Pod 添加调试容器',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const shellVerbs = execVerbs(context.minorVersion);
      const found = [
        ...broadGrantsPerResourceItem(rule, SHELL_TARGETS, shellVerbs).map((grant) => ({ ...grant, messageId: 'shell' as const })),
        ...broadGrantsPerResourceItem(rule, DEBUG_TARGETS, ['update', 'patch']).map((grant) => ({ ...grant, messageId: 'debug' as const })),
      ];
      const reported = new Set<number>();
      for (const item of found) {
        // One finding per resource item: a "*" that grants both reports once, as a shell.
        if (reported.has(item.grant.resourceItem.index)) continue;
        reported.add(item.grant.resourceItem.index);
        context.report({ messageId: item.messageId, data: broadGrantData(resource, item), path: resourceItemPath(rule, item.grant) });
      }
    }
  },
});
