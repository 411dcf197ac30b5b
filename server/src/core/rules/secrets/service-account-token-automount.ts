/**
 * Service account tokens mounted where nothing says they are needed (checklist
 * secrets/no-unneeded-sa-tokens). The token is mounted unless the Pod spec or its ServiceAccount
 * sets automountServiceAccountToken: false, and the Pod spec wins. So: false on the Pod (or, with
 * nothing on the Pod, on its ServiceAccount) passes. Otherwise the rule reports, naming the
 * ServiceAccount (serviceAccountName, else the deprecated serviceAccount, else "default"): when
 * nobody says anything, when the Pod says true, and when the ServiceAccount says true and the Pod
 * nothing. One heuristic keeps it quiet: a workload whose ServiceAccount is a subject of a
 * RoleBinding or ClusterRoleBinding among the analyzed resources evidently talks to the API.
 * Info by default: many workloads need their token, and only their authors know which do not.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';
import type { Resource } from '../../model/resource';
import { isBinding, subjectsOf } from '../../model/rbac';
import { relatedOfKind } from '../shared/related-kinds';
import { BINDING_KINDS } from '../shared/rbac';
import { POD_TEMPLATE_KINDS, podTemplateOf, relatedInNamespace } from '../shared/workloads';
import type { RuleContext } from '../types';

export default defineRule({
  id: 'service-account-token-automount',
  checklist: ['secrets/no-unneeded-sa-tokens'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Service account token mounted by default', 'zh-cn': '默认挂载服务账号令牌' },
    summary: {
      en: 'A workload does not get a service account token it does not need: the Pod spec or its ServiceAccount sets automountServiceAccountToken: false, unless the ServiceAccount is bound to a Role or ClusterRole in the workspace.',
      'zh-cn': '工作负载不应获得它用不到的服务账号令牌：Pod 规约或其 ServiceAccount 应设置 automountServiceAccountToken: false，除非该 ServiceAccount 在工作区中绑定了 Role 或 ClusterRole。',
    },
    why: {
      en: 'Unless told otherwise, Kubernetes mounts a token of the Pod\'s ServiceAccount into every container. Most applications never call the Kubernetes API, but anyone who gets code execution in them can use the token with every permission the ServiceAccount has.',
      'zh-cn': '除非另有设置，Kubernetes 会把 Pod 所用 ServiceAccount 的令牌挂载到每个容器中。大多数应用从不调用 Kubernetes API，但任何在其中获得代码执行能力的人都可以用这个令牌行使该 ServiceAccount 的全部权限。',
    },
    remediation: {
      en: 'Set `automountServiceAccountToken: false` on the ServiceAccount (every Pod using it) or in the Pod spec. An explicit `true` is reported too: saying so is not a reason. The heuristic for a workload that talks to the API: its ServiceAccount is a subject of a RoleBinding or ClusterRoleBinding among the analyzed files (the role itself may be built in, such as `view`); such a workload is not reported, whatever it sets. A workload that calls the API only with the permissions every account has (discovery, its own access reviews) is not recognised: suppress the finding with a reason.',
      'zh-cn': '在 ServiceAccount 上（对使用它的所有 Pod 生效）或在 Pod 规约中设置 `automountServiceAccountToken: false`。显式写 `true` 同样会被报告：写明并不等于确有需要。判断工作负载是否调用 API 的启发式规则是：它的 ServiceAccount 是所分析文件中某个 RoleBinding 或 ClusterRoleBinding 的 subject（所绑定的角色本身可以是 `view` 这类内置角色）；这样的工作负载无论如何设置都不会被报告。只使用所有账号都有的权限（服务发现、查询自身权限）来调用 API 的工作负载无法被识别，请带上理由抑制该问题。',
    },
    fixSafety: {
      en: 'Breaks workloads that call the Kubernetes API with the mounted token (operators, controllers, some service meshes and monitoring agents).',
      'zh-cn': '会使依靠挂载令牌调用 Kubernetes API 的工作负载失效（operator、控制器、部分服务网格和监控代理）。',
    },
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n    - name: app\n      image: registry.example.com/web:2.1',
      correct:
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\nautomountServiceAccountToken: false\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  serviceAccountName: web\n  containers:\n    - name: app\n      image: registry.example.com/web:2.1',
    },
  },
  messages: {
    podTrue: {
      en: 'automountServiceAccountToken: true mounts a token of ServiceAccount "{{serviceAccount}}", but no RoleBinding or ClusterRoleBinding among the analyzed files grants that ServiceAccount anything: set it to false unless the workload calls the Kubernetes API',
      'zh-cn': 'automountServiceAccountToken: true 会挂载 ServiceAccount "{{serviceAccount}}" 的令牌，但所分析的文件中没有任何 RoleBinding 或 ClusterRoleBinding 给该 ServiceAccount 授权：除非工作负载要调用 Kubernetes API，否则请改为 false',
    },
    serviceAccountTrue: {
      en: 'A service account token is mounted: ServiceAccount "{{serviceAccount}}" sets automountServiceAccountToken: true, the Pod spec says nothing, and no RoleBinding or ClusterRoleBinding among the analyzed files grants that ServiceAccount anything',
      'zh-cn': '会挂载服务账号令牌：ServiceAccount "{{serviceAccount}}" 设置了 automountServiceAccountToken: true，Pod 规约未设置，且所分析的文件中没有任何 RoleBinding 或 ClusterRoleBinding 给该 ServiceAccount 授权',
    },
    serviceAccountSaysTrue: {
      en: 'ServiceAccount "{{serviceAccount}}" mounts its token into every Pod that does not opt out',
      'zh-cn': 'ServiceAccount "{{serviceAccount}}" 会把令牌挂载到所有未明确拒绝的 Pod 中',
    },
    serviceAccountAllows: {
      en: 'A service account token is mounted: neither the Pod spec nor ServiceAccount "{{serviceAccount}}" sets automountServiceAccountToken',
      'zh-cn': '会挂载服务账号令牌：Pod 规约和 ServiceAccount "{{serviceAccount}}" 都没有设置 automountServiceAccountToken',
    },
    serviceAccountHere: {
      en: 'ServiceAccount "{{serviceAccount}}" does not set automountServiceAccountToken',
      'zh-cn': 'ServiceAccount "{{serviceAccount}}" 没有设置 automountServiceAccountToken',
    },
    serviceAccountUnknown: {
      en: 'A service account token is mounted unless ServiceAccount "{{serviceAccount}}" (not among the analyzed files) sets automountServiceAccountToken: false; the Pod spec does not set it',
      'zh-cn': '除非 ServiceAccount "{{serviceAccount}}"（不在所分析的文件中）设置了 automountServiceAccountToken: false，否则会挂载服务账号令牌；Pod 规约没有设置该字段',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template || !template.podFields) return;
    const spec = template.spec as unknown as Record<string, unknown>;
    const podValue = spec.automountServiceAccountToken;
    if (podValue === false) return;
    const named = [spec.serviceAccountName, spec.serviceAccount].find((name) => typeof name === 'string' && name !== '');
    const serviceAccount = (named as string | undefined) ?? 'default';
    const account = relatedInNamespace(context, resource, 'ServiceAccount').find((other) => other.name === serviceAccount);
    const accountValue = account?.value.automountServiceAccountToken;
    if (podValue !== true && accountValue === false) return;
    if (bindsServiceAccount(context, resource, serviceAccount)) return;
    const path = [...template.specPath, 'automountServiceAccountToken'];
    const fixes = [setFix('suggestion', path, false)];
    if (podValue === true) {
      context.report({ messageId: 'podTrue', data: { serviceAccount }, path, target: 'value', fixes });
      return;
    }
    if (account && accountValue === true) {
      context.report({
        messageId: 'serviceAccountTrue',
        data: { serviceAccount },
        path,
        target: 'key',
        fixes,
        related: [{ resource: account, path: ['automountServiceAccountToken'], messageId: 'serviceAccountSaysTrue', data: { serviceAccount } }],
      });
      return;
    }
    context.report({
      messageId: account ? 'serviceAccountAllows' : 'serviceAccountUnknown',
      data: { serviceAccount },
      path,
      target: 'key',
      fixes,
      // In a workspace the ServiceAccount may sit in another file: point at it.
      related: account ? [{ resource: account, path: ['metadata', 'name'], messageId: 'serviceAccountHere', data: { serviceAccount } }] : undefined,
    });
  },
});

/**
 * Whether a RoleBinding or ClusterRoleBinding among the analyzed resources names the workload's
 * ServiceAccount as a subject (the subject's namespace, else the binding's, matched leniently like
 * every namespace here): the workload then evidently calls the API and needs its token.
 */
function bindsServiceAccount(context: RuleContext, resource: Resource, serviceAccount: string): boolean {
  return BINDING_KINDS.some((kind) =>
    relatedOfKind(context.related, kind).some(
      (binding) =>
        isBinding(binding) &&
        subjectsOf(binding).some((subject) => {
          if (subject.kind !== 'ServiceAccount' || subject.name !== serviceAccount) return false;
          const namespace = subject.namespace ?? binding.namespace;
          return namespace === undefined || resource.namespace === undefined || namespace === resource.namespace;
        }),
    ),
  );
}
