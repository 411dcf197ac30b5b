/**
 * The cap on findings per rule and resource: a resource with a hundred thousand privileged
 * containers must not produce a hundred thousand diagnostics (nor overflow anything on the way).
 * The first MAX_FINDINGS_PER_RULE reports of a rule are kept; the rest are counted in one summary
 * report of the same rule on the resource root, so nothing is lost silently.
 */
import type { Localized } from '../i18n/localized';
import type { Report } from '../rules/types';

export const MAX_FINDINGS_PER_RULE = 100;

/** The message id of the summary; any rule can carry it (see ENGINE_MESSAGES). */
export const MORE_FINDINGS_MESSAGE_ID = 'engine.moreFindings';

/** Messages the engine adds to any rule's findings. */
export const ENGINE_MESSAGES: Readonly<Record<string, Localized>> = {
  [MORE_FINDINGS_MESSAGE_ID]: {
    en: 'and {{count}} more findings of this rule in this resource',
    'zh-cn': '该资源中还有 {{count}} 处同一规则的问题',
  },
};

/** The reports of one rule on one resource, capped, with a summary for the rest. */
export function capReports(reports: readonly Report[], max = MAX_FINDINGS_PER_RULE): readonly Report[] {
  if (reports.length <= max) return reports;
  const kept = reports.slice(0, max);
  kept.push({ path: [], target: 'key', messageId: MORE_FINDINGS_MESSAGE_ID, data: { count: reports.length - max } });
  return kept;
}
