/**
 * `nodes/proxy`: any verb on it reaches the kubelet API of the nodes through the API server, and
 * the kubelet maps HTTP methods to verbs (GET is `get`), so even get opens the kubelet's exec, run
 * and attach endpoints over WebSocket, bypassing Pod-level RBAC, admission and most audit logging.
 * Naming nodes in resourceNames still hands over every container on those nodes, so narrowed rules
 * are reported too. Monitoring agents that need kubelet metrics should use nodes/metrics or
 * nodes/stats instead.
 */
import { defineRule } from '../define-rule';
import { ruleGrants } from '../../model/rbac';
import { grantData, specificRulesOf, RBAC_REFERENCES, resourceItemPath, ROLE_KINDS } from '../shared/rbac';

const KUBELET_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

export default defineRule({
  id: 'rbac-nodes-proxy',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC access to nodes/proxy', 'zh-cn': 'RBAC 对 nodes/proxy 的访问权限' },
    summary: {
      en: 'Roles should not grant any verb on nodes/proxy: it is direct access to the kubelet API.',
      'zh-cn': '角色不应对 nodes/proxy 授予任何动词：这相当于直接访问 kubelet API。',
    },
    why: {
      en: 'Requests through nodes/proxy go straight to the kubelet, which can list Pods, read logs and run commands in every container of the node. The kubelet treats an HTTP GET as the get verb, so a WebSocket upgrade with only get is enough to execute commands, and such calls skip admission control and Pod-level audit entries.',
      'zh-cn': '经由 nodes/proxy 的请求会直接到达 kubelet，而 kubelet 可以列出 Pod、读取日志，并在节点上的每个容器中执行命令。kubelet 把 HTTP GET 当作 get 动词处理，因此只有 get 权限的 WebSocket 升级请求就足以执行命令，而且这类调用绕过准入控制和 Pod 级别的审计记录。',
    },
    remediation: {
      en: 'Remove nodes/proxy. For metrics grant get on nodes/metrics and nodes/stats, which the kubelet authorizes separately.',
      'zh-cn': '删除 nodes/proxy。如需指标，授予对 nodes/metrics 和 nodes/stats 的 get 权限，kubelet 会分别对其授权。',
    },
    fixSafety: {
      en: 'Changes behaviour: tools that scrape or call the kubelet through the API server proxy lose access until they use the dedicated subresources.',
      'zh-cn': '会改变行为：通过 API 服务器代理抓取或调用 kubelet 的工具会失去访问权限，直到改用专门的子资源。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/kubelet-authn-authz/'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: metrics-reader\nrules:\n  - apiGroups: [""]\n    resources: ["nodes", "nodes/proxy"]\n    verbs: ["get", "list", "watch"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: metrics-reader\nrules:\n  - apiGroups: [""]\n    resources: ["nodes", "nodes/metrics", "nodes/stats"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  messages: {
    nodesProxy: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on nodes/proxy (resource "{{item}}"): holders reach the kubelet API and can run commands in any container of the nodes',
      'zh-cn': '{{kind}} "{{name}}" 对 nodes/proxy（资源 "{{item}}"）授予了 {{verbs}}：持有者可以访问 kubelet API，并在节点上的任意容器中执行命令',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) {
      const grant = ruleGrants(rule, { group: '', resource: 'nodes', subresource: 'proxy', clusterScoped: true }, KUBELET_VERBS);
      if (grant) context.report({ messageId: 'nodesProxy', data: grantData(resource, grant), path: resourceItemPath(rule, grant) });
    }
  },
});
