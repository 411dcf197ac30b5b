/**
 * AppArmor / SELinux presence (checklist pod-security/apparmor-selinux). The PSS rules
 * (pss-apparmor-profile, pss-selinux-options) forbid only bad values at every level; none asks for a
 * profile, so this rule never repeats them. It reports containers for which nothing selects a
 * mandatory access control profile: no appArmorProfile field (Pod or container, v1.30+), no
 * container.apparmor.security.beta.kubernetes.io annotation, no seLinuxOptions. Opt-in (off by
 * default, info when turned on): on nodes with AppArmor or SELinux enabled the runtime applies its
 * own default profile anyway, so the finding asks for an explicit choice rather than reporting an
 * exposure, and it would fire on nearly every Pod. Windows Pods are skipped.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { podSecurityContextOf, securityContextOf } from '../shared/pss';
import { isWindowsPod, POD_TEMPLATE_KINDS, podTemplateOf, profileGaps } from '../shared/workloads';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  id: 'apparmor-selinux-unset',
  checklist: ['pod-security/apparmor-selinux'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  enabledByDefault: false,
  docs: {
    title: { en: 'No AppArmor or SELinux profile', 'zh-cn': '未设置 AppArmor 或 SELinux 配置' },
    summary: {
      en: 'The Pod or each container chooses an AppArmor profile or SELinux options explicitly.',
      'zh-cn': 'Pod 或每个容器都应显式选择 AppArmor 配置或 SELinux 选项。',
    },
    why: {
      en: 'AppArmor and SELinux confine what a process may read, write and execute even when it runs as root, which limits what an attacker inside the container can reach on the node. When a manifest names no profile, the protection depends on whatever each node happens to enable; an explicit RuntimeDefault (or a tailored Localhost profile, or SELinux options) makes the workload say what it expects. The rule is off by default: where nodes enable AppArmor or SELinux, the container runtime already applies its default profile to every container that names none, so a missing field is rarely an exposure, and a rule that fires on nearly every Pod buries the findings that are. Turn it on (`rules: {apparmor-selinux-unset: info}`) for clusters whose nodes do not all confine containers by default, or to require an explicit choice.',
      'zh-cn': 'AppArmor 和 SELinux 会限制进程能读、写、执行的内容（即使以 root 运行），从而限制容器内的攻击者在节点上能触及的范围。清单没有指定配置时，防护取决于各节点碰巧启用了什么；显式设置 RuntimeDefault（或定制的 Localhost 配置，或 SELinux 选项）能让工作负载声明它的预期。此规则默认关闭：在启用 AppArmor 或 SELinux 的节点上，容器运行时本来就会给未指定配置的容器套用默认配置，所以缺少该字段很少构成真正的风险，而一条几乎对每个 Pod 都报告的规则会淹没真正重要的问题。若集群中并非所有节点都默认限制容器，或希望强制显式选择，可将其开启（`rules: {apparmor-selinux-unset: info}`）。',
    },
    remediation: {
      en: 'From v1.30 set `appArmorProfile: {type: RuntimeDefault}` in spec.securityContext (before v1.30, the annotation container.apparmor.security.beta.kubernetes.io/<container>: runtime/default); on SELinux nodes set securityContext.seLinuxOptions instead.',
      'zh-cn': '从 v1.30 起在 spec.securityContext 中设置 `appArmorProfile: {type: RuntimeDefault}`（v1.30 之前使用注解 container.apparmor.security.beta.kubernetes.io/<容器名>: runtime/default）；在 SELinux 节点上改为设置 securityContext.seLinuxOptions。',
    },
    fixSafety: {
      en: 'Usually safe with RuntimeDefault, which the runtime applies by default on AppArmor nodes anyway. A Localhost profile or SELinux options that do not fit the program can stop it from starting.',
      'zh-cn': '使用 RuntimeDefault 通常是安全的，在启用 AppArmor 的节点上运行时本来就会默认应用它。不适合该程序的 Localhost 配置或 SELinux 选项可能使其无法启动。',
    },
    references: [
      'https://kubernetes.io/docs/tutorials/security/apparmor/',
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/#assign-selinux-labels-to-a-container',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0',
      correct: 'spec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0',
    },
  },
  messages: {
    podMissing: {
      en: 'No AppArmor profile or SELinux options: neither the Pod nor its containers ({{containers}}) choose one',
      'zh-cn': '未设置 AppArmor 配置或 SELinux 选项：Pod 及其容器（{{containers}}）都没有选择',
    },
    containerMissing: {
      en: 'No AppArmor profile or SELinux options: container "{{container}}" chooses none and the Pod chooses none either',
      'zh-cn': '未设置 AppArmor 配置或 SELinux 选项：容器 "{{container}}" 没有选择，Pod 也没有选择',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (isWindowsPod(template.spec)) return;
    const pod = podSecurityContextOf(template.spec);
    if (isRecord(pod?.appArmorProfile) || isRecord(pod?.seLinuxOptions)) return;
    const annotations = isRecord(template.metadata.annotations) ? template.metadata.annotations : {};
    const gaps = profileGaps(template, ['securityContext', 'appArmorProfile'], ['securityContext', 'appArmorProfile'], (view) => {
      const own = securityContextOf(view.container);
      if (isRecord(own?.appArmorProfile) || isRecord(own?.seLinuxOptions)) return true;
      const annotation = annotations[ANNOTATION_PREFIX + view.name];
      return typeof annotation === 'string' && annotation !== '';
    });
    for (const gap of gaps) {
      if (gap.where === 'pod') context.report({ messageId: 'podMissing', data: { containers: gap.containers }, path: gap.path, target: 'key' });
      else context.report({ messageId: 'containerMissing', data: { container: gap.view.name }, path: gap.path, target: 'key' });
    }
  },
});
