/**
 * CPU limits on sensitive workloads (checklist: "can be set"). Only workloads the configuration
 * marks sensitive are checked, and the default severity is info: the checklist words it as an
 * option and itself warns that CPU limits throttle and can hurt autoscaling and efficiency, so a
 * missing CPU limit is advice, not a broken practice. A Pod-level limit or a LimitRange default
 * beside the workload counts as a limit.
 */
import { defineRule } from '../define-rule';
import { limitRangeDefaultsLimit, POD_TEMPLATE_KINDS, podTemplateOf, resourceContainersOf, resourceValue } from '../shared/workloads';

export default defineRule({
  id: 'sensitive-cpu-limit',
  checklist: ['pod-security/cpu-limits'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'CPU limit on a sensitive workload', 'zh-cn': '敏感工作负载的 CPU 限制' },
    summary: {
      en: 'Containers of workloads marked sensitive set resources.limits.cpu.',
      'zh-cn': '被标记为敏感的工作负载，其容器应设置 resources.limits.cpu。',
    },
    why: {
      en: 'Without a CPU limit a busy or compromised container can take every core its node has left, starving the sensitive workload or, if it is the sensitive one, degrading whatever runs beside it. Only workloads marked sensitive (label or annotation kube-checklist.io/sensitive: "true", or the configured selectors) are checked, because CPU limits also throttle.',
      'zh-cn': '没有 CPU 限制时，繁忙或被攻破的容器可以占满节点剩余的全部 CPU，使敏感工作负载得不到资源，或者反过来拖慢同一节点上的其他工作负载。只检查被标记为敏感的工作负载（标签或注解 kube-checklist.io/sensitive: "true"，或配置的选择器），因为 CPU 限制也会造成限流。',
    },
    remediation: {
      en: 'Set resources.limits.cpu on each container of the workload (or a Pod-level limit, or a LimitRange default in its namespace).',
      'zh-cn': '为该工作负载的每个容器设置 resources.limits.cpu（或设置 Pod 级别的限制，或在其名字空间中用 LimitRange 提供默认值）。',
    },
    fixSafety: {
      en: 'Changes behaviour: a container that reaches its CPU limit is throttled, which can slow responses and confuse CPU-based autoscaling.',
      'zh-cn': '会改变行为：达到 CPU 限制的容器会被限流，可能拖慢响应，并干扰基于 CPU 的自动扩缩。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: payments\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/payments:1.4\n      resources:\n        limits:\n          memory: 512Mi',
      correct:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: payments\n  labels:\n    kube-checklist.io/sensitive: "true"\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/payments:1.4\n      resources:\n        limits:\n          cpu: 500m\n          memory: 512Mi',
    },
  },
  messages: {
    missing: {
      en: 'Container "{{container}}" of a sensitive workload sets no CPU limit (resources.limits.cpu)',
      'zh-cn': '敏感工作负载的容器 "{{container}}" 没有设置 CPU 限制（resources.limits.cpu）',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (!context.isSensitive(resource)) return;
    if (resourceValue(template.spec, 'limits', 'cpu') !== undefined) return;
    if (limitRangeDefaultsLimit(context, resource, 'cpu')) return;
    for (const view of resourceContainersOf(template)) {
      if (resourceValue(view.container, 'limits', 'cpu') !== undefined) continue;
      context.report({ messageId: 'missing', data: { container: view.name }, path: [...view.path, 'resources', 'limits', 'cpu'], target: 'key' });
    }
  },
});
