/**
 * Explicit root user (checklist images/non-root). A manifest cannot show the image's USER, but it
 * can show `runAsUser: 0`, which runs the container as root whatever the image says. At the
 * restricted level (v1.23+) pss-run-as-user already forbids that, so this rule reports only where
 * that check is not in force (see enforcedByRestricted), mostly at baseline. runAsNonRoot is left to
 * pss-run-as-non-root: a missing runAsNonRoot is no evidence that the image runs as root. Pods in a
 * user namespace (hostUsers: false) are skipped, since their root is unprivileged on the node, and
 * so are Windows Pods, which name users differently.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { podSecurityContextOf, securityContextOf } from '../shared/pss';
import { containersOf, enforcedByRestricted, isWindowsPod, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'run-as-root-user',
  checklist: ['images/non-root'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Runs as root (runAsUser: 0)', 'zh-cn': '以 root 运行（runAsUser: 0）' },
    summary: {
      en: 'No Pod or container sets securityContext.runAsUser to 0 (root).',
      'zh-cn': 'Pod 和容器都不应把 securityContext.runAsUser 设为 0（root）。',
    },
    why: {
      en: 'runAsUser: 0 overrides the unprivileged USER an image may have been built with and runs the process as root, which owns every file of the container and is root on the node as soon as one isolation layer fails. At the restricted level pss-run-as-user reports it; this rule covers the baseline level, which allows it.',
      'zh-cn': 'runAsUser: 0 会覆盖镜像构建时可能设置的非特权 USER，以 root 运行进程；root 拥有容器内的所有文件，一旦某层隔离失效就是节点上的 root。restricted 级别下由 pss-run-as-user 报告；本规则覆盖允许这样做的 baseline 级别。',
    },
    remediation: {
      en: 'Remove runAsUser: 0 and build the image with a non-root USER, or set runAsUser to a non-zero UID (and runAsNonRoot: true).',
      'zh-cn': '删除 runAsUser: 0，并用非 root 的 USER 构建镜像，或把 runAsUser 设为非零 UID（并设置 runAsNonRoot: true）。',
    },
    fixSafety: {
      en: 'Changes behaviour: a program that writes to root-owned paths or binds ports below 1024 fails as another user.',
      'zh-cn': '会改变行为：写入 root 所有路径或绑定 1024 以下端口的程序，换成其他用户后会失败。',
    },
    references: [
      'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#images',
    ],
    examples: {
      incorrect: 'securityContext:\n  runAsUser: 0',
      correct: 'securityContext:\n  runAsUser: 10001\n  runAsNonRoot: true',
    },
  },
  messages: {
    podRoot: {
      en: 'The Pod sets securityContext.runAsUser: 0, so these containers run as root: {{containers}}',
      'zh-cn': 'Pod 设置了 securityContext.runAsUser: 0，因此以下容器以 root 运行：{{containers}}',
    },
    containerRoot: {
      en: 'Container "{{container}}" sets securityContext.runAsUser: 0 and runs as root',
      'zh-cn': '容器 "{{container}}" 设置了 securityContext.runAsUser: 0，以 root 运行',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (enforcedByRestricted(context, 23) || template.spec.hostUsers === false || isWindowsPod(template.spec)) return;
    const inheriting: string[] = [];
    for (const view of containersOf(template)) {
      const own = securityContextOf(view.container);
      const value = isRecord(own) ? own.runAsUser : undefined;
      if (value === 0) {
        const path = [...view.path, 'securityContext', 'runAsUser'];
        context.report({ messageId: 'containerRoot', data: { container: view.name }, path, target: 'value' });
      } else if (typeof value !== 'number') {
        inheriting.push(`"${view.name}"`);
      }
    }
    if (podSecurityContextOf(template.spec)?.runAsUser === 0 && inheriting.length > 0) {
      const path = [...template.specPath, 'securityContext', 'runAsUser'];
      context.report({ messageId: 'podRoot', data: { containers: inheriting.join(', ') }, path, target: 'value' });
    }
  },
});
