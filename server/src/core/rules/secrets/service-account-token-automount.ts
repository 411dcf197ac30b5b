/**
 * Service account tokens mounted where nothing says they are needed (checklist
 * secrets/no-unneeded-sa-tokens). The token is mounted unless the Pod spec or its ServiceAccount
 * sets automountServiceAccountToken: false, and the Pod spec wins. So: false on the Pod passes;
 * true on the Pod, or on its ServiceAccount, is a declared need and passes too; otherwise the rule
 * reports, naming the ServiceAccount (serviceAccountName, else the deprecated serviceAccount, else
 * "default") and whether it was among the analyzed resources. Info by default: many workloads
 * need their token, and only their authors know which do not.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';
import { POD_TEMPLATE_KINDS, podTemplateOf, relatedInNamespace } from '../shared/workloads';

export default defineRule({
  id: 'service-account-token-automount',
  checklist: ['secrets/no-unneeded-sa-tokens'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Service account token mounted by default', 'zh-cn': '默认挂载服务账号令牌' },
    summary: {
      en: 'The Pod spec or its ServiceAccount sets automountServiceAccountToken (false unless the workload calls the Kubernetes API).',
      'zh-cn': 'Pod 规约或其 ServiceAccount 应设置 automountServiceAccountToken（除非工作负载要调用 Kubernetes API，否则设为 false）。',
    },
    why: {
      en: 'Unless told otherwise, Kubernetes mounts a token of the Pod\'s ServiceAccount into every container. Most applications never call the Kubernetes API, but anyone who gets code execution in them can use the token with every permission the ServiceAccount has.',
      'zh-cn': '除非另有设置，Kubernetes 会把 Pod 所用 ServiceAccount 的令牌挂载到每个容器中。大多数应用从不调用 Kubernetes API，但任何在其中获得代码执行能力的人都可以用这个令牌行使该 ServiceAccount 的全部权限。',
    },
    remediation: {
      en: 'Set `automountServiceAccountToken: false` on the ServiceAccount (every Pod using it) or in the Pod spec. A workload that does call the API sets it to true in the Pod spec, which documents the need.',
      'zh-cn': '在 ServiceAccount 上（对使用它的所有 Pod 生效）或在 Pod 规约中设置 `automountServiceAccountToken: false`。确实要调用 API 的工作负载在 Pod 规约中设为 true，以表明这一需要。',
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
    if (!template) return;
    const spec = template.spec as unknown as Record<string, unknown>;
    if (typeof spec.automountServiceAccountToken === 'boolean') return;
    const named = [spec.serviceAccountName, spec.serviceAccount].find((name) => typeof name === 'string' && name !== '');
    const serviceAccount = (named as string | undefined) ?? 'default';
    const account = relatedInNamespace(context, resource, 'ServiceAccount').find((other) => other.name === serviceAccount);
    if (account && typeof account.value.automountServiceAccountToken === 'boolean') return;
    const path = [...template.specPath, 'automountServiceAccountToken'];
    context.report({
      messageId: account ? 'serviceAccountAllows' : 'serviceAccountUnknown',
      data: { serviceAccount },
      path,
      target: 'key',
      fixes: [setFix('suggestion', path, false)],
      // In a workspace the ServiceAccount may sit in another file: point at it.
      related: account ? [{ resource: account, path: ['metadata', 'name'], messageId: 'serviceAccountHere', data: { serviceAccount } }] : undefined,
    });
  },
});
