/**
 * PSS restricted `runAsNonRoot`: the Pod, or else every container, must set runAsNonRoot to true,
 * and nothing may set it to false. From v1.35 Pods in a user namespace (`hostUsers: false`) are exempt.
 */
import { defineRule } from '../define-rule';
import { containersOf, exemptAsUserNamespacePod, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';
import { setFix } from '../../edits/fix-builders';

export default defineRule({
  id: 'pss-run-as-non-root',
  checklist: ['pod-security/pss-enforced', 'images/non-root'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'runAsNonRoot', since: 0 },
  docs: {
    title: { en: 'Running as root', 'zh-cn': '以 root 身份运行' },
    summary: {
      en: 'The Pod or every container must set securityContext.runAsNonRoot to true.',
      'zh-cn': 'Pod 或每个容器都必须把 securityContext.runAsNonRoot 设为 true。',
    },
    why: {
      en: 'With runAsNonRoot the kubelet refuses to start a container whose user is root (UID 0); root in a container is root on the node as soon as one isolation layer fails.',
      'zh-cn': '设置 runAsNonRoot 后，kubelet 会拒绝启动以 root（UID 0）运行的容器；只要有一层隔离失效，容器里的 root 就是节点上的 root。',
    },
    remediation: {
      en: 'Set `runAsNonRoot: true` in spec.securityContext, and make the image run as a non-root user (USER in the Dockerfile, or runAsUser).',
      'zh-cn': '在 spec.securityContext 中设置 `runAsNonRoot: true`，并让镜像以非 root 用户运行（Dockerfile 中的 USER，或 runAsUser）。',
    },
    fixSafety: {
      en: 'May change behaviour: an image built to run as root will no longer start.',
      'zh-cn': '可能改变行为：按 root 身份构建的镜像将无法启动。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'spec:\n  containers:\n    - name: app\n      image: app:1.0',
      correct: 'spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:\n    - name: app\n      image: app:1.0',
    },
  },
  messages: {
    podFalse: {
      en: 'runAsNonRoot != true: the Pod must not set securityContext.runAsNonRoot=false',
      'zh-cn': 'runAsNonRoot != true：Pod 不得设置 securityContext.runAsNonRoot=false',
    },
    containerFalse: {
      en: 'runAsNonRoot != true: container "{{container}}" must not set securityContext.runAsNonRoot=false',
      'zh-cn': 'runAsNonRoot != true：容器 "{{container}}" 不得设置 securityContext.runAsNonRoot=false',
    },
    missing: {
      en: 'runAsNonRoot != true: the Pod or container "{{container}}" must set securityContext.runAsNonRoot=true',
      'zh-cn': 'runAsNonRoot != true：Pod 或容器 "{{container}}" 必须设置 securityContext.runAsNonRoot=true',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsUserNamespacePod(context, template.spec)) return;
    const podValue = podSecurityContextOf(template.spec)?.runAsNonRoot;
    if (podValue === false) {
      const path = [...template.specPath, 'securityContext', 'runAsNonRoot'];
      context.report({ messageId: 'podFalse', path, target: 'value', fixes: [setFix('suggestion', path, true)] });
    }
    for (const view of containersOf(template)) {
      const value = securityContextOf(view.container)?.runAsNonRoot;
      const path = [...view.path, 'securityContext', 'runAsNonRoot'];
      if (value === false) {
        context.report({ messageId: 'containerFalse', data: { container: view.name }, path, target: 'value', fixes: [setFix('suggestion', path, true)] });
      } else if (value !== true && podValue !== true) {
        // Report where the fix belongs: the Pod level when it has nothing, else the container.
        context.report({
          messageId: 'missing',
          data: { container: view.name },
          path,
          target: 'value',
          fixes: [setFix('suggestion', podValue === false || !template.podFields ? path : [...template.specPath, 'securityContext', 'runAsNonRoot'], true)],
        });
      }
    }
  },
});
