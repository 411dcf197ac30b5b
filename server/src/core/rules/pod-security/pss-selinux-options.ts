/**
 * PSS baseline `seLinuxOptions`: SELinux may only use the container types, and must not set a
 * custom user or role. v1.31 added `container_engine_t` to the allowed types. The suggestion removes
 * the offending field, so the runtime's default label applies.
 */
import { defineRule } from '../define-rule';
import { removeFix } from '../../edits/fix-builders';
import type { PropertyPath } from '../../model/values';
import { isRecord } from '../../model/values';
import type { RuleContext } from '../types';
import { containersOf, POD_TEMPLATE_KINDS, podSecurityContextOf, podTemplateOf, PSS_REFERENCES, securityContextOf } from '../shared/pss';

const TYPES_SINCE_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
const TYPES_SINCE_1_31 = [...TYPES_SINCE_1_0, 'container_engine_t'];

function allowedTypes(context: RuleContext): readonly string[] {
  return context.minorVersion >= 31 ? TYPES_SINCE_1_31 : TYPES_SINCE_1_0;
}

/** Reports on the Pod's options when `container` is undefined, else on that container's. */
function checkOptions(context: RuleContext, options: unknown, path: PropertyPath, container?: string): void {
  if (!isRecord(options)) return;
  const owner = container === undefined ? 'pod' : 'container';
  const data: Record<string, string> = container === undefined ? {} : { container };
  const type = options.type;
  if (type !== undefined && type !== null && !allowedTypes(context).includes(String(type))) {
    context.report({ messageId: `${owner}Type`, data: { ...data, value: String(type) }, path: [...path, 'type'], target: 'value', fixes: [removeFix('suggestion', [...path, 'type'])] });
  }
  for (const field of ['User', 'Role'] as const) {
    const value = options[field.toLowerCase()];
    if (value === undefined || value === null || value === '') continue;
    const fieldPath = [...path, field.toLowerCase()];
    context.report({ messageId: `${owner}${field}`, data, path: fieldPath, target: 'value', fixes: [removeFix('suggestion', fieldPath)] });
  }
}

export default defineRule({
  id: 'pss-selinux-options',
  checklist: ['pod-security/pss-enforced', 'pod-security/apparmor-selinux'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'seLinuxOptions', since: 0 },
  docs: {
    title: { en: 'SELinux options', 'zh-cn': 'SELinux 选项' },
    summary: {
      en: 'seLinuxOptions may set only a container type, and no custom user or role.',
      'zh-cn': 'seLinuxOptions 只能使用容器类的 type，不得自定义 user 或 role。',
    },
    why: {
      en: 'A custom SELinux type, user or role can label the container as a trusted host process and escape the SELinux confinement of containers.',
      'zh-cn': '自定义的 SELinux type、user 或 role 可以把容器标记成受信任的宿主机进程，从而摆脱 SELinux 对容器的约束。',
    },
    remediation: {
      en: 'Remove seLinuxOptions.user and seLinuxOptions.role; use type container_t, container_init_t, container_kvm_t or (v1.31+) container_engine_t, or leave the type out.',
      'zh-cn': '删除 seLinuxOptions.user 和 seLinuxOptions.role；type 使用 container_t、container_init_t、container_kvm_t 或（v1.31 起）container_engine_t，或者不设置。',
    },
    fixSafety: {
      en: 'May change behaviour on SELinux nodes: files labelled for the custom type become unreadable.',
      'zh-cn': '在启用 SELinux 的节点上可能改变行为：按自定义类型打标签的文件将无法读取。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'securityContext:\n  seLinuxOptions:\n    type: spc_t',
      correct: 'securityContext:\n  seLinuxOptions:\n    type: container_t',
    },
  },
  messages: {
    podType: {
      en: 'seLinuxOptions: the Pod must not set securityContext.seLinuxOptions.type to "{{value}}"',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：Pod 不得把 securityContext.seLinuxOptions.type 设为 "{{value}}"',
    },
    containerType: {
      en: 'seLinuxOptions: container "{{container}}" must not set securityContext.seLinuxOptions.type to "{{value}}"',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：容器 "{{container}}" 不得把 securityContext.seLinuxOptions.type 设为 "{{value}}"',
    },
    podUser: {
      en: 'seLinuxOptions: the Pod must not set securityContext.seLinuxOptions.user',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：Pod 不得设置 securityContext.seLinuxOptions.user',
    },
    containerUser: {
      en: 'seLinuxOptions: container "{{container}}" must not set securityContext.seLinuxOptions.user',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：容器 "{{container}}" 不得设置 securityContext.seLinuxOptions.user',
    },
    podRole: {
      en: 'seLinuxOptions: the Pod must not set securityContext.seLinuxOptions.role',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：Pod 不得设置 securityContext.seLinuxOptions.role',
    },
    containerRole: {
      en: 'seLinuxOptions: container "{{container}}" must not set securityContext.seLinuxOptions.role',
      'zh-cn': 'seLinuxOptions（SELinux 选项）：容器 "{{container}}" 不得设置 securityContext.seLinuxOptions.role',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const podOptions = podSecurityContextOf(template.spec)?.seLinuxOptions;
    checkOptions(context, podOptions, [...template.specPath, 'securityContext', 'seLinuxOptions']);
    for (const view of containersOf(template)) {
      const options = securityContextOf(view.container)?.seLinuxOptions;
      checkOptions(context, options, [...view.path, 'securityContext', 'seLinuxOptions'], view.name);
    }
  },
});
