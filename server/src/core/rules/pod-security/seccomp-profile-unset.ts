/**
 * Seccomp presence (checklist pod-security/seccomp). PSS baseline forbids only an Unconfined profile,
 * so at baseline a Pod with no profile at all passes while its containers run without a syscall
 * filter; this rule reports that gap. At the restricted level (v1.19+) `pss-seccomp-restricted`
 * already requires the profile, so this rule stays quiet there (see enforcedByRestricted) and each
 * gap gets exactly one finding. Also quiet: Windows Pods (no seccomp), and workloads analyzed with a
 * KubeletConfiguration that sets seccompDefault: true (the node applies RuntimeDefault itself).
 * The alpha annotations count as a profile before v1.27, which stopped honouring them.
 */
import { defineRule } from '../define-rule';
import { relatedOfKind } from '../shared/related-kinds';
import { setFix } from '../../edits/fix-builders';
import { isRecord } from '../../model/values';
import { podSecurityContextOf, securityContextOf } from '../shared/pss';
import { enforcedByRestricted, isWindowsPod, POD_TEMPLATE_KINDS, podTemplateOf, profileGaps } from '../shared/workloads';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export default defineRule({
  id: 'seccomp-profile-unset',
  checklist: ['pod-security/seccomp'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'No seccomp profile', 'zh-cn': '未设置 seccomp 配置' },
    summary: {
      en: 'At the baseline level, the Pod or each container sets a seccomp profile (RuntimeDefault or Localhost).',
      'zh-cn': '在 baseline 级别下，Pod 或每个容器都应设置 seccomp 配置（RuntimeDefault 或 Localhost）。',
    },
    why: {
      en: 'Unless the kubelet is configured with seccompDefault, a container without a seccomp profile runs with no syscall filter: the whole kernel interface is reachable, including calls used to escape containers. The baseline Pod Security Standard allows this; the checklist does not. At the restricted level pss-seccomp-restricted reports the same gap, so this rule reports only at baseline (or before v1.19).',
      'zh-cn': '除非 kubelet 配置了 seccompDefault，没有 seccomp 配置的容器运行时不过滤任何系统调用：整个内核接口都可调用，包括用于容器逃逸的调用。baseline 级别的 Pod 安全标准允许这样做，安全检查清单不允许。restricted 级别下由 pss-seccomp-restricted 报告同一问题，因此本规则只在 baseline 级别（或 v1.19 之前）报告。',
    },
    remediation: {
      en: 'Add `seccompProfile: {type: RuntimeDefault}` to spec.securityContext (or to each container), or enable seccompDefault in the KubeletConfiguration of every node.',
      'zh-cn': '在 spec.securityContext（或每个容器）中加上 `seccompProfile: {type: RuntimeDefault}`，或在每个节点的 KubeletConfiguration 中启用 seccompDefault。',
    },
    fixSafety: {
      en: 'Usually safe: the runtime default profile blocks only rarely used system calls. Programs that need one of them (some debuggers, nested containers) must use a Localhost profile.',
      'zh-cn': '通常是安全的：运行时默认配置只会阻止很少用到的系统调用。需要这些调用的程序（某些调试器、嵌套容器）需改用 Localhost 配置。',
    },
    references: [
      'https://kubernetes.io/docs/tutorials/security/seccomp/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
    ],
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0',
      correct: 'spec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0',
    },
  },
  messages: {
    podMissing: {
      en: 'No seccomp profile: neither the Pod nor its containers ({{containers}}) set securityContext.seccompProfile, so they run without a syscall filter',
      'zh-cn': '未设置 seccomp 配置：Pod 及其容器（{{containers}}）都没有设置 securityContext.seccompProfile，因此运行时不过滤系统调用',
    },
    containerMissing: {
      en: 'No seccomp profile: container "{{container}}" sets no securityContext.seccompProfile and the Pod sets none either',
      'zh-cn': '未设置 seccomp 配置：容器 "{{container}}" 没有设置 securityContext.seccompProfile，Pod 也没有设置',
    },
    annotationIgnored: {
      en: 'Kubernetes v1.27 and later ignore the seccomp annotation {{key}}: set securityContext.seccompProfile instead',
      'zh-cn': 'Kubernetes v1.27 及更高版本会忽略 seccomp 注解 {{key}}：请改为设置 securityContext.seccompProfile',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (enforcedByRestricted(context, 19) || isWindowsPod(template.spec)) return;
    const kubeletDefault = relatedOfKind(context.related, 'KubeletConfiguration').some(
      (other) => other.apiVersion.startsWith('kubelet.config.k8s.io/') && other.value.seccompDefault === true,
    );
    if (kubeletDefault) return;
    const annotations = isRecord(template.metadata.annotations) ? template.metadata.annotations : {};
    const annotationsWork = context.minorVersion < 27;
    const annotated = (key: string) => typeof annotations[key] === 'string' && annotations[key] !== '';
    const podPath = ['securityContext', 'seccompProfile'];
    if (isRecord(podSecurityContextOf(template.spec)?.seccompProfile) || (annotationsWork && annotated(POD_ANNOTATION))) return;
    const gaps = profileGaps(template, podPath, podPath, (view) => {
      if (isRecord(securityContextOf(view.container)?.seccompProfile)) return true;
      return annotationsWork && annotated(CONTAINER_ANNOTATION_PREFIX + view.name);
    });
    const podTypePath = [...template.specPath, ...podPath, 'type'];
    for (const gap of gaps) {
      const key = gap.where === 'pod' ? POD_ANNOTATION : CONTAINER_ANNOTATION_PREFIX + gap.view.name;
      if (!annotationsWork && annotated(key)) {
        context.report({ messageId: 'annotationIgnored', data: { key }, path: [...template.metadataPath, 'annotations', key], target: 'key' });
      } else if (gap.where === 'pod') {
        context.report({ messageId: 'podMissing', data: { containers: gap.containers }, path: gap.path, target: 'key', fixes: [setFix('fix', podTypePath, 'RuntimeDefault')] });
      } else {
        const fixPath = [...gap.path, 'type'];
        context.report({ messageId: 'containerMissing', data: { container: gap.view.name }, path: gap.path, target: 'key', fixes: [setFix('fix', fixPath, 'RuntimeDefault')] });
      }
    }
  },
});
