/**
 * Writing admission configuration: create, update, patch, delete or deletecollection on
 * validating/mutating webhook configurations and on validating/mutating admission policies and their
 * bindings (admissionregistration.k8s.io). The holder can switch off the policies that guard the
 * cluster, or register a mutating webhook that sees and rewrites every object, Secrets included.
 * Rules narrowed by resourceNames to one's own configuration (a job that patches the caBundle of its
 * webhook) are not reported.
 */
import { defineRule } from '../define-rule';
import type { ResourceTarget } from '../../model/rbac';
import { specificRulesOf, RBAC_REFERENCES, reportBroadGrants, ROLE_KINDS } from '../shared/rbac';

const GROUP = 'admissionregistration.k8s.io';
const TARGETS: readonly ResourceTarget[] = [
  'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'mutatingadmissionpolicies',
  'mutatingadmissionpolicybindings',
].map((resource) => ({ group: GROUP, resource, clusterScoped: true }));
const WRITE_VERBS = ['create', 'update', 'patch', 'delete', 'deletecollection'];

export default defineRule({
  id: 'rbac-webhook-config-write',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'RBAC write access to admission configuration', 'zh-cn': 'RBAC 对准入配置的写权限' },
    summary: {
      en: 'Roles should not grant write verbs on webhook configurations or admission policies, except on named ones.',
      'zh-cn': '除非限定到具体对象，角色不应授予对 Webhook 配置或准入策略的写权限。',
    },
    why: {
      en: 'Admission webhooks and policies are where a cluster enforces its rules. Whoever can change them can disable that enforcement, or add a mutating webhook that receives every object sent to the API server, Secrets included, and alters it.',
      'zh-cn': '准入 Webhook 和准入策略是集群执行规则的地方。能够修改它们的人可以关闭这些约束，或者添加一个变更 Webhook，接收发往 API 服务器的每个对象（包括 Secret）并加以修改。',
    },
    remediation: {
      en: 'Grant these verbs only to the tooling that installs the cluster. A controller that maintains its own webhook (for example its caBundle) should get update or patch on that configuration by name.',
      'zh-cn': '只把这些动词授予安装集群的工具。维护自身 Webhook（例如其 caBundle）的控制器，应只按名称获得对该配置的 update 或 patch 权限。',
    },
    fixSafety: {
      en: 'Changes behaviour: controllers that create or patch other webhook configurations lose that ability.',
      'zh-cn': '会改变行为：创建或修改其他 Webhook 配置的控制器将失去这一能力。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: injector\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    verbs: ["get", "list", "watch", "update", "patch"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: injector\nrules:\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    verbs: ["get", "list", "watch"]\n  - apiGroups: ["admissionregistration.k8s.io"]\n    resources: ["mutatingwebhookconfigurations"]\n    resourceNames: ["injector"]\n    verbs: ["update", "patch"]',
    },
  },
  messages: {
    write: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}} (resource "{{item}}"): holders can change admission control',
      'zh-cn': '{{kind}} "{{name}}" 对 {{resources}}（资源 "{{item}}"）授予了 {{verbs}}：持有者可以修改准入控制',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) reportBroadGrants(context, resource, rule, TARGETS, WRITE_VERBS, 'write');
  },
});
