/**
 * The procMount test shared by `pss-proc-mount` (baseline) and `pss-proc-mount-restricted`:
 * every container's securityContext.procMount must be unset or `Default`.
 */
import type { Localized } from '../../i18n/localized';
import type { RuleContext, RuleDocs } from '../types';
import { containersOf, PodTemplateView, PSS_REFERENCES, securityContextOf } from './pss';
import { setFix } from '../../edits/fix-builders';

/** `breaksBaseline`: whether these findings also break baseline (for the restricted rule that replaces it). */
export function reportUnmaskedProcMounts(context: RuleContext, template: PodTemplateView, breaksBaseline?: boolean): void {
  for (const view of containersOf(template)) {
    const procMount = securityContextOf(view.container)?.procMount;
    if (procMount === undefined || procMount === null || procMount === 'Default') continue;
    context.report({
      messageId: 'procMount',
      data: { container: view.name, value: String(procMount) },
      path: [...view.path, 'securityContext', 'procMount'],
      target: 'value',
      fixes: [setFix('suggestion', [...view.path, 'securityContext', 'procMount'], 'Default')],
      ...(breaksBaseline === undefined ? {} : { breaksBaseline }),
    });
  }
}

export const PROC_MOUNT_MESSAGES: Readonly<Record<string, Localized>> = {
  procMount: {
    en: 'procMount: container "{{container}}" must not set securityContext.procMount to "{{value}}"',
    'zh-cn': 'procMount（/proc 挂载）：容器 "{{container}}" 不得把 securityContext.procMount 设为 "{{value}}"',
  },
};

export function procMountDocs(relaxed: boolean): RuleDocs {
  return {
    title: relaxed
      ? { en: 'Unmasked /proc', 'zh-cn': '未屏蔽的 /proc' }
      : { en: 'Unmasked /proc (restricted)', 'zh-cn': '未屏蔽的 /proc（restricted）' },
    summary: relaxed
      ? {
          en: 'securityContext.procMount must be Default; from v1.35 Unmasked is allowed for Pods with hostUsers: false.',
          'zh-cn': 'securityContext.procMount 必须是 Default；从 v1.35 起，设置了 hostUsers: false 的 Pod 可以使用 Unmasked。',
        }
      : {
          en: 'securityContext.procMount must be Default, even for Pods in a user namespace.',
          'zh-cn': 'securityContext.procMount 必须是 Default，即使 Pod 使用了用户命名空间也一样。',
        },
    why: {
      en: 'The default /proc mount hides kernel files that leak information about the node or allow writing kernel settings. Unmasked removes that protection.',
      'zh-cn': '默认的 /proc 挂载会屏蔽一些内核文件，它们会泄露节点信息或允许修改内核参数；Unmasked 去掉了这层保护。',
    },
    remediation: { en: 'Remove procMount or set it to Default.', 'zh-cn': '删除 procMount 或改为 Default。' },
    fixSafety: {
      en: 'Usually safe: only nested container runtimes need an unmasked /proc.',
      'zh-cn': '通常是安全的：只有嵌套运行容器的程序才需要未屏蔽的 /proc。',
    },
    references: PSS_REFERENCES,
    examples: { incorrect: 'securityContext:\n  procMount: Unmasked', correct: 'securityContext:\n  procMount: Default' },
  };
}
