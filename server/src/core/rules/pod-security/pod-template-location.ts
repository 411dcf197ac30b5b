/**
 * Where a workload's Pod template lives, when it is not where the Pod Security rules can see it as
 * a built-in workload: a kind the workload table does not know that holds a Pod template (checked
 * like one, but Pod Security Admission only sees the Pods it creates), and an Argo Rollout that
 * takes its template from another workload (`spec.workloadRef`), which is checked there.
 */
import { defineRule } from '../define-rule';
import { ANY_KIND, podTemplateOf, PSS_REFERENCES } from '../shared/pss';
import { recordAt, stringAt } from '../../model/values';

export default defineRule({
  id: 'pod-template-location',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: [ANY_KIND] },
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Pod template location', 'zh-cn': 'Pod 模板所在位置' },
    summary: {
      en: 'Says where a Pod template is checked when the resource is not a built-in workload: an unknown kind that holds one, or an Argo Rollout that refers to another workload.',
      'zh-cn': '当资源不是内置工作负载时，说明其 Pod 模板在哪里被检查：含有 Pod 模板的未知类型，或通过引用使用其他工作负载模板的 Argo Rollout。',
    },
    why: {
      en: 'A custom resource (a CRD) with a Pod template under `spec.template.spec` or `spec.jobTemplate.spec.template.spec` is checked like a Deployment, but Pod Security Admission never looks at the custom resource itself: it judges only the Pods its controller creates, so a violation is rejected (or only warned about) late, when the controller acts. An Argo Rollout with `spec.workloadRef` has no template of its own: its Pods come from the referenced Deployment, where the findings appear.',
      'zh-cn': '自定义资源（CRD）若在 `spec.template.spec` 或 `spec.jobTemplate.spec.template.spec` 下带有 Pod 模板，本工具会像检查 Deployment 一样检查它；但 Pod 安全准入并不评估该自定义资源本身，只评估其控制器创建出来的 Pod，因此违规要等控制器动作时才会被拒绝或告警。带 `spec.workloadRef` 的 Argo Rollout 没有自己的模板，其 Pod 来自被引用的 Deployment，相关问题会在那里报告。',
    },
    remediation: {
      en: 'Nothing to change here: fix the findings of the Pod template (for a Rollout, those of the referenced workload). To make sure the cluster enforces the same, label the namespace with a Pod Security level.',
      'zh-cn': '这里无需修改：请处理 Pod 模板上的问题（对 Rollout 而言是被引用工作负载上的问题）。若要集群同样强制执行，请为命名空间设置 Pod 安全级别标签。',
    },
    fixSafety: {
      en: 'Information only; there is no fix.',
      'zh-cn': '仅为提示信息，没有自动修复。',
    },
    references: [...PSS_REFERENCES, 'https://argo-rollouts.readthedocs.io/en/stable/features/specification/'],
    examples: {
      incorrect: 'apiVersion: example.com/v1\nkind: Scheduler\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0',
      correct: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: registry.example.com/app:1.0',
    },
  },
  messages: {
    genericKind: {
      en: '{{kind}} ({{apiVersion}}) is not a workload kind we know, but holds a Pod template: it is checked like one. Pod Security Admission does not evaluate {{kind}} objects, only the Pods they create',
      'zh-cn': '{{kind}}（{{apiVersion}}）不是已知的工作负载类型，但含有 Pod 模板，因此按 Pod 模板检查。Pod 安全准入不评估 {{kind}} 对象本身，只评估它创建的 Pod',
    },
    workloadRef: {
      en: 'this Rollout takes its Pod template from {{refKind}} "{{refName}}" (spec.workloadRef): the template is checked there',
      'zh-cn': '此 Rollout 的 Pod 模板来自 {{refKind}} "{{refName}}"（spec.workloadRef），模板在那里检查',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (template && !template.row) {
      context.report({ messageId: 'genericKind', data: { kind: resource.kind, apiVersion: resource.apiVersion }, path: ['kind'], target: 'value' });
      return;
    }
    if (resource.kind !== 'Rollout' || !resource.apiVersion.startsWith('argoproj.io/') || template) return;
    const ref = recordAt(recordAt(resource.value, 'spec'), 'workloadRef');
    if (!ref) return;
    context.report({
      messageId: 'workloadRef',
      data: { refKind: stringAt(ref, 'kind') ?? 'Deployment', refName: stringAt(ref, 'name') ?? '?' },
      path: ['spec', 'workloadRef'],
      target: 'key',
    });
  },
});
