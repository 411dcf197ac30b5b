/**
 * Words for problems with suppression directives, in both languages.
 */
import { formatText, Locale, Localized, localize } from '../i18n/localized';
import type { DirectiveProblem, DirectiveProblemId } from './apply-suppressions';

export const DIRECTIVE_PROBLEM_CODE = 'kube-checklist-directive';

const MESSAGES: Record<DirectiveProblemId, Localized> = {
  missingReason: {
    en: 'This suppression has no reason, so it does not apply: add one after "--" (or set kube-checklist.io/ignore-reason).',
    'zh-cn': '该抑制没有写明理由，因此不生效：请在 "--" 之后写明理由（或设置 kube-checklist.io/ignore-reason）。',
  },
  unknownRule: {
    en: 'Unknown rule id "{{ruleId}}" in this suppression.',
    'zh-cn': '该抑制中的规则 id "{{ruleId}}" 不存在。',
  },
  noRule: {
    en: 'This directive names no rule id: write the ids it applies to.',
    'zh-cn': '该指令没有写规则 id：请写明它适用的规则。',
  },
  blanketExemption: {
    en: 'The blanket exemption "{{annotation}}" names no check and gives no reason, so it does not apply to errors: exempt each check with a reason (or set honorForeignSuppressions to "all").',
    'zh-cn': '整体豁免 "{{annotation}}" 没有指明检查项，也没有写明理由，因此对 error 级别的问题不生效：请逐项豁免并写明理由（或将 honorForeignSuppressions 设为 "all"）。',
  },
};

export function renderDirectiveProblem(problem: DirectiveProblem, locale: Locale): string {
  return formatText(localize(MESSAGES[problem.messageId], locale), problem.data);
}
