/**
 * Memory limits (checklist: set, and not higher than the request). Every container that can set
 * resources (init and sidecar containers too; ephemeral containers cannot) needs
 * resources.limits.memory, unless a Pod-level limit or a LimitRange default beside the workload
 * supplies one; a limit above the request, compared by value (1Gi == 1024Mi), is reported too. A
 * limit without a request is fine: the request then defaults to the limit.
 */
import { defineRule } from '../define-rule';
import { setFix } from '../../edits/fix-builders';
import { compareQuantities, parseQuantity } from '../../model/quantity';
import type { PropertyPath } from '../../model/values';
import type { RuleContext } from '../types';
import { limitRangeDefaultsLimit, POD_TEMPLATE_KINDS, podTemplateOf, resourceContainersOf, resourceValue } from '../shared/workloads';

/** Reports a limit above its request; quantities that do not parse are left alone. */
function compare(context: RuleContext, owner: unknown, path: PropertyPath, messageId: string, data: Record<string, string>): void {
  const limitValue = resourceValue(owner, 'limits', 'memory');
  const requestValue = resourceValue(owner, 'requests', 'memory');
  const limit = parseQuantity(limitValue);
  const request = parseQuantity(requestValue);
  if (!limit || !request || compareQuantities(limit, request) <= 0) return;
  const limitPath = [...path, 'resources', 'limits', 'memory'];
  context.report({
    messageId,
    data: { ...data, limit: limit.text, request: request.text },
    path: limitPath,
    target: 'value',
    fixes: [setFix('suggestion', limitPath, requestValue as string | number)],
  });
}

export default defineRule({
  id: 'container-memory-limit',
  checklist: ['pod-security/memory-limits'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Memory limit', 'zh-cn': '内存限制' },
    summary: {
      en: 'Every container sets resources.limits.memory, no higher than its memory request.',
      'zh-cn': '每个容器都设置 resources.limits.memory，且不高于其内存请求。',
    },
    why: {
      en: 'A container without a memory limit can use memory until the node runs out, so a leaking or compromised workload takes its neighbours down with it. A limit above the request lets the scheduler pack more memory promises on a node than it has, which invites out-of-memory kills across the node.',
      'zh-cn': '没有内存限制的容器可以一直占用内存直到节点耗尽，存在泄漏或被攻破的工作负载会连累同一节点上的其他工作负载。限制高于请求时，调度器会在节点上承诺超过实际容量的内存，容易在整个节点上引发 OOM。',
    },
    remediation: {
      en: 'Set resources.limits.memory on every container, equal to resources.requests.memory (or leave the request out: it then defaults to the limit). A Pod-level resources.limits.memory or a LimitRange default also counts.',
      'zh-cn': '为每个容器设置 resources.limits.memory，并与 resources.requests.memory 相等（或不写请求：请求会默认等于限制）。Pod 级别的 resources.limits.memory 或 LimitRange 的默认值也算数。',
    },
    fixSafety: {
      en: 'Changes behaviour: a container that uses more than its limit is killed and restarted. Measure real usage before choosing the value.',
      'zh-cn': '会改变行为：内存用量超过限制的容器会被终止并重启。请先测量实际用量再选定数值。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect: 'resources:\n  requests:\n    memory: 256Mi\n  limits:\n    memory: 1Gi',
      correct: 'resources:\n  requests:\n    memory: 1024Mi\n  limits:\n    memory: 1Gi',
    },
  },
  messages: {
    missing: {
      en: 'Container "{{container}}" sets no memory limit (resources.limits.memory)',
      'zh-cn': '容器 "{{container}}" 没有设置内存限制（resources.limits.memory）',
    },
    requestWithoutLimit: {
      en: 'Container "{{container}}" requests {{request}} of memory but sets no memory limit: set resources.limits.memory, equal to the request',
      'zh-cn': '容器 "{{container}}" 请求了 {{request}} 内存，却没有设置内存限制：请设置与请求相等的 resources.limits.memory',
    },
    aboveRequest: {
      en: 'Container "{{container}}" has a memory limit of {{limit}}, higher than its request of {{request}}: the node can run out of memory before the limit is reached',
      'zh-cn': '容器 "{{container}}" 的内存限制 {{limit}} 高于其请求 {{request}}：节点可能在达到限制之前就耗尽内存',
    },
    podAboveRequest: {
      en: 'The Pod-level memory limit {{limit}} is higher than the Pod-level request of {{request}}: the node can run out of memory before the limit is reached',
      'zh-cn': 'Pod 级别的内存限制 {{limit}} 高于 Pod 级别的请求 {{request}}：节点可能在达到限制之前就耗尽内存',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const podLimit = resourceValue(template.spec, 'limits', 'memory') !== undefined;
    if (podLimit) compare(context, template.spec, template.specPath, 'podAboveRequest', {});
    const defaulted = podLimit || limitRangeDefaultsLimit(context, resource, 'memory');
    for (const view of resourceContainersOf(template)) {
      const limitPath = [...view.path, 'resources', 'limits', 'memory'];
      if (resourceValue(view.container, 'limits', 'memory') !== undefined) {
        compare(context, view.container, view.path, 'aboveRequest', { container: view.name });
        continue;
      }
      if (defaulted) continue;
      const requestValue = resourceValue(view.container, 'requests', 'memory');
      const request = parseQuantity(requestValue);
      if (request) {
        context.report({
          messageId: 'requestWithoutLimit',
          data: { container: view.name, request: request.text },
          path: limitPath,
          target: 'key',
          fixes: [setFix('suggestion', limitPath, requestValue as string | number)],
        });
      } else {
        context.report({ messageId: 'missing', data: { container: view.name }, path: limitPath, target: 'key' });
      }
    }
  },
});
