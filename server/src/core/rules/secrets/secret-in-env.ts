/**
 * Secrets handed to containers as environment variables (env[].valueFrom.secretKeyRef,
 * envFrom[].secretRef) instead of mounted files. Checklist item secrets/external-store: the
 * checklist's paragraph on that item says Pods should get secrets through volumes (ideally in
 * memory), whether from Kubernetes Secrets or injected from a third-party store, and warns that
 * environment variables leak more easily than access-controlled files. Opt-in: `secretKeyRef` is
 * the pattern the Kubernetes documentation teaches and many programs read only the environment, so
 * on by default it fired on nearly every workload. Names of variables and Secrets are shown, never values.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { containersOf, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/workloads';

export default defineRule({
  id: 'secret-in-env',
  checklist: ['secrets/external-store'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'info',
  enabledByDefault: false,
  docs: {
    title: { en: 'Secret in an environment variable', 'zh-cn': 'Secret 作为环境变量' },
    summary: {
      en: 'Containers read Secrets from mounted files rather than from environment variables.',
      'zh-cn': '容器应从挂载的文件读取 Secret，而不是从环境变量读取。',
    },
    why: {
      en: 'Environment variables are copied to child processes, printed by crash handlers and debug pages, shown by `kubectl describe` tooling and kept in process listings; files can be restricted by permissions, and a mounted Secret is updated in place when it changes. The checklist recommends volumes, also for secrets injected from a third-party store. The rule is off by default: `secretKeyRef` and `envFrom.secretRef` are the documented Kubernetes way of handing a Secret to a program, many programs read their configuration only from the environment, and a finding on nearly every workload would bury the ones that matter. Turn it on (`rules: {secret-in-env: info}` in `.kube-checklist.yaml`) when your team has decided to mount secrets as files.',
      'zh-cn': '环境变量会被复制给子进程，会被崩溃处理程序和调试页面打印出来，也会留在进程信息中；文件则可以用权限加以限制，而且挂载的 Secret 变化时会就地更新。安全检查清单建议使用卷，从第三方存储注入的机密信息也一样。该规则默认关闭：`secretKeyRef` 和 `envFrom.secretRef` 是 Kubernetes 文档介绍的把 Secret 交给程序的标准方式，很多程序只从环境变量读取配置，如果几乎每个工作负载都报告，真正重要的发现就会被淹没。当团队决定以文件方式挂载机密信息时，再开启它（在 `.kube-checklist.yaml` 中写 `rules: {secret-in-env: info}`）。',
    },
    remediation: {
      en: 'Mount the Secret as a volume (secret or projected, or a Secrets Store CSI volume) and let the program read the file; many programs accept a `*_FILE` variable that names it.',
      'zh-cn': '把 Secret 作为卷挂载（secret 卷、projected 卷或 Secrets Store CSI 卷），让程序读取文件；很多程序支持用 `*_FILE` 变量指定文件路径。',
    },
    fixSafety: {
      en: 'Changes behaviour: the program must read the value from a file instead of its environment.',
      'zh-cn': '会改变行为：程序必须改为从文件读取该值，而不是从环境变量读取。',
    },
    references: [
      'https://kubernetes.io/docs/concepts/security/secrets-good-practices/',
      'https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-files-from-a-pod',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
    ],
    examples: {
      incorrect: 'env:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: db\n        key: password',
      correct:
        'spec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n      env:\n        - name: DB_PASSWORD_FILE\n          value: /var/run/secrets/db/password\n      volumeMounts:\n        - name: db\n          mountPath: /var/run/secrets/db\n          readOnly: true\n  volumes:\n    - name: db\n      secret:\n        secretName: db'
    },
  },
  messages: {
    secretKeyRef: {
      en: 'Container "{{container}}" gets key "{{key}}" of Secret "{{secret}}" in environment variable {{variable}}: mount it as a file instead',
      'zh-cn': '容器 "{{container}}" 通过环境变量 {{variable}} 获取 Secret "{{secret}}" 的键 "{{key}}"：请改为以文件方式挂载',
    },
    secretRef: {
      en: 'Container "{{container}}" gets every key of Secret "{{secret}}" as environment variables (envFrom): mount it as files instead',
      'zh-cn': '容器 "{{container}}" 通过 envFrom 把 Secret "{{secret}}" 的所有键作为环境变量获取：请改为以文件方式挂载',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    for (const view of containersOf(template)) {
      const { env, envFrom } = view.container as { env?: unknown; envFrom?: unknown };
      (Array.isArray(env) ? env : []).forEach((entry, index) => {
        const ref = isRecord(entry) && isRecord(entry.valueFrom) ? entry.valueFrom.secretKeyRef : undefined;
        if (!isRecord(ref)) return;
        context.report({
          messageId: 'secretKeyRef',
          data: { container: view.name, variable: String(entry.name ?? ''), secret: String(ref.name ?? ''), key: String(ref.key ?? '') },
          path: [...view.path, 'env', index, 'valueFrom', 'secretKeyRef'],
          target: 'key',
        });
      });
      (Array.isArray(envFrom) ? envFrom : []).forEach((entry, index) => {
        if (!isRecord(entry) || !isRecord(entry.secretRef)) return;
        context.report({
          messageId: 'secretRef',
          data: { container: view.name, secret: String(entry.secretRef.name ?? '') },
          path: [...view.path, 'envFrom', index, 'secretRef'],
          target: 'key',
        });
      });
    }
  },
});
