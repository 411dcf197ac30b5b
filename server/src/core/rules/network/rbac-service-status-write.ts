/**
 * Writing `services/status` (update or patch, core group): the holder sets
 * status.loadBalancer.ingress of any Service, the address kube-proxy then routes to (CVE-2020-8554:
 * traffic meant for that IP, in-cluster, is captured by the Service). Load-balancer controllers
 * (cloud controller manager, MetalLB) need it; nobody else does. Information only. A "*" in
 * apiGroups, resources and verbs at once is left to rbac-wildcard; rules narrowed to named
 * Services are not reported.
 */
import { defineRule } from '../define-rule';
import { RBAC_REFERENCES, reportBroadGrants, ROLE_KINDS, specificRulesOf } from '../shared/rbac';

export default defineRule({
  id: 'rbac-service-status-write',
  checklist: ['network/restrict-loadbalancer-externalip'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'RBAC write access to Service status', 'zh-cn': 'RBAC 对 Service 状态的写权限' },
    summary: {
      en: 'Only load-balancer controllers should be able to update or patch services/status.',
      'zh-cn': '只有负载均衡控制器才应能对 services/status 执行 update 或 patch。',
    },
    why: {
      en: 'Whoever writes services/status chooses the load-balancer address of a Service, and kube-proxy sends traffic for that address, from inside the cluster, to the Service: an attacker can capture connections meant for any IP (CVE-2020-8554). Restricting LoadBalancer and external IPs means restricting this right too.',
      'zh-cn': '能写 services/status 的人可以决定 Service 的负载均衡地址，而 kube-proxy 会把集群内发往该地址的流量转给这个 Service：攻击者因此可以截获发往任意 IP 的连接（CVE-2020-8554）。限制 LoadBalancer 和外部 IP，也意味着要限制这项权限。',
    },
    remediation: {
      en: 'Grant update/patch on services/status only to the load-balancer controller, and nothing else in the same role.',
      'zh-cn': '只把 services/status 的 update/patch 权限授予负载均衡控制器，且不要与其他权限放在同一个角色中。',
    },
    fixSafety: {
      en: 'Changes behaviour: a controller that publishes load-balancer addresses stops doing so.',
      'zh-cn': '会改变行为：发布负载均衡地址的控制器将无法继续发布。',
    },
    references: [...RBAC_REFERENCES, 'https://github.com/kubernetes/kubernetes/issues/97076'],
    examples: {
      incorrect: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: app-operator\nrules:\n  - apiGroups: [""]\n    resources: ["services", "services/status"]\n    verbs: ["get", "update", "patch"]',
      correct: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: app-operator\nrules:\n  - apiGroups: [""]\n    resources: ["services"]\n    verbs: ["get", "update", "patch"]',
    },
  },
  messages: {
    write: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}} (resource "{{item}}"): holders can set the load-balancer address of any Service and capture its traffic',
      'zh-cn': '{{kind}} "{{name}}" 对 {{resources}}（资源 "{{item}}"）授予了 {{verbs}}：持有者可以设置任意 Service 的负载均衡地址并截获其流量',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) reportBroadGrants(context, resource, rule, [{ group: '', resource: 'services', subresource: 'status' }], ['update', 'patch'], 'write');
  },
});
