/**
 * RBAC rights to create, update, patch or delete workloads (checklist: granted only when
 * necessary): pods and replicationcontrollers of the core group, deployments, replicasets and
 * daemonsets of apps (and the old extensions group), statefulsets of apps, jobs and cronjobs of
 * batch. Resource names are matched exactly as RBAC does, in their groups: `pods` under apps grants
 * nothing, and `cronjob` (singular, a peer's typo) matches no resource. Whoever can write a
 * workload can run any image with the namespace's service accounts, Secrets and Pod Security level.
 * Advice by default: CI deployers and operators often need this; rules narrowed to named objects are
 * not reported.
 */
import { defineRule } from '../define-rule';
import { RBAC_REFERENCES, reportBroadGrants, ROLE_KINDS, specificRulesOf, WORKLOAD_TARGETS, WORKLOAD_WRITE_VERBS } from '../shared/rbac';


export default defineRule({
  id: 'workload-write-rbac',
  checklist: ['pod-security/workload-write-rbac'],
  scope: { kinds: ROLE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'RBAC write access to workloads', 'zh-cn': 'RBAC 对工作负载的写权限' },
    summary: {
      en: 'Grant create, update, patch and delete on Pods and workload controllers only to the subjects that deploy.',
      'zh-cn': '只把对 Pod 和工作负载控制器的 create、update、patch、delete 权限授予负责部署的主体。',
    },
    why: {
      en: 'Whoever can create or change a Pod, directly or through a Deployment, Job or other controller, can run any image with any service account, mounted Secret or host access that the namespace\'s Pod Security level allows. The right to write workloads is therefore close to the union of everything the namespace can do.',
      'zh-cn': '能够直接或通过 Deployment、Job 等控制器创建或修改 Pod 的人，可以在命名空间 Pod 安全级别允许的范围内，以任意服务账号、挂载任意 Secret 或使用主机访问来运行任意镜像。因此，写工作负载的权限几乎等同于该命名空间所能做的一切。',
    },
    remediation: {
      en: 'Give these verbs to the deployment pipeline or operator that needs them, in the namespaces it manages; give people read access and let changes go through the pipeline.',
      'zh-cn': '只在所管理的命名空间内，把这些动词授予需要它们的部署流水线或 Operator；人员只授予读权限，变更通过流水线进行。',
    },
    fixSafety: {
      en: 'Changes behaviour: subjects that deploy or delete workloads directly lose that ability.',
      'zh-cn': '会改变行为：直接部署或删除工作负载的主体将失去这一能力。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security'],
    examples: {
      incorrect:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: developer\n  namespace: shop\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "create", "update", "delete"]',
      correct:
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: developer\n  namespace: shop\nrules:\n  - apiGroups: ["apps"]\n    resources: ["deployments"]\n    verbs: ["get", "list", "watch"]',
    },
  },
  messages: {
    writeWorkloads: {
      en: '{{kind}} "{{name}}" grants {{verbs}} on {{resources}} (resource "{{item}}")',
      'zh-cn': '{{kind}} "{{name}}" 对 {{resources}}（资源 "{{item}}"）授予了 {{verbs}}',
    },
  },
  check(context, resource) {
    for (const rule of specificRulesOf(resource)) reportBroadGrants(context, resource, rule, WORKLOAD_TARGETS, WORKLOAD_WRITE_VERBS, 'writeWorkloads');
  },
});
