/**
 * kube-apiserver --authorization-mode without RBAC (the checklist's RBAC good practices assume RBAC
 * decides) or without Node (the Node authorizer limits each kubelet to the Secrets, ConfigMaps and
 * volumes of the Pods on its own node; with RBAC alone the system:node rights reach every node's).
 * Only an explicit list is judged; an unset flag or AlwaysAllow in the list is
 * apiserver-authorization-always-allow's finding, and `--authorization-config` is not read here.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, flagOf, hasFlag } from '../../model/control-plane';
import { APISERVER_POD, APISERVER_REFERENCES } from '../shared/apiserver-pod';

export default defineRule({
  id: 'apiserver-authorization-mode-rbac',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'API server authorization without RBAC or Node', 'zh-cn': 'API 服务器的鉴权模式缺少 RBAC 或 Node' },
    summary: {
      en: 'kube-apiserver --authorization-mode should include Node and RBAC.',
      'zh-cn': 'kube-apiserver 的 --authorization-mode 应当包含 Node 和 RBAC。',
    },
    why: {
      en: 'Without RBAC, Roles and bindings decide nothing: whatever the other modes (ABAC files, a webhook) allow is the whole policy, and every RBAC review misses the point. Without the Node authorizer, a kubelet\'s credentials read the Secrets and ConfigMaps of Pods on every node, so one compromised node reaches the whole cluster.',
      'zh-cn': '没有 RBAC 时，Role 和绑定不起任何作用：其他模式（ABAC 文件、webhook）允许的就是全部策略，所有 RBAC 审查都失去意义。没有 Node 鉴权器时，kubelet 的凭据可以读取所有节点上 Pod 的 Secret 和 ConfigMap，一个节点被攻破就会波及整个集群。',
    },
    remediation: {
      en: 'Use `--authorization-mode=Node,RBAC` (add Webhook after them if needed), together with the NodeRestriction admission plugin.',
      'zh-cn': '使用 `--authorization-mode=Node,RBAC`（如有需要，在其后加上 Webhook），并启用 NodeRestriction 准入插件。',
    },
    fixSafety: {
      en: 'Changes behaviour: requests that only the other modes allowed are now decided by RBAC; bind the roles that clients need first.',
      'zh-cn': '会改变行为：原先只靠其他模式放行的请求改由 RBAC 决定；应先为客户端绑定所需的角色。',
    },
    references: [...APISERVER_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/node/'],
    examples: { incorrect: [...APISERVER_POD, '        - --authorization-mode=Webhook'].join('\n'), correct: [...APISERVER_POD, '        - --authorization-mode=Node,RBAC'].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} authorizes with {{modes}}, without {{missing}}',
      'zh-cn': '{{where}} 中的 {{component}} 使用 {{modes}} 鉴权，缺少 {{missing}}',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const flag = flagOf(component, 'authorization-mode');
      if (!flag || flag.unknown || !hasFlag(component, 'authorization-mode')) continue;
      const modes = flag.items.map((item) => item.value);
      if (modes.includes('AlwaysAllow')) continue;
      const missing = ['Node', 'RBAC'].filter((mode) => !modes.includes(mode));
      if (missing.length === 0) continue;
      const at = flag.implicit ? component.anchor : { path: flag.path, target: flag.target };
      context.report({ messageId: 'missing', data: { ...componentData(component), modes: modes.join(','), missing: missing.join(', ') }, ...at });
    }
  },
});
