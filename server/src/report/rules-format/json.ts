/**
 * `rules --format json`, a contract for tools (DESIGN.md): an array, sorted by id, of
 * `{"id", "checklist", "defaultSeverity", "enabledByDefault", "pss": {"level", "since": "v1.N"} | null,
 * "docs"}`. `docs` carries the documentation address, the references, the YAML examples and every
 * text in both languages (`{"en": ..., "zh-cn": ...}`), so one call serves any locale; `--lang`
 * does not change this output.
 */
import { Localized, Rule, ruleDocsUrl } from '../../core';
import { compareIds, versionLabel } from './labels';

export function formatRulesJson(rules: readonly Rule[]): string {
  const listing = [...rules]
    .sort(compareIds)
    .map((rule) => ({
      id: rule.id,
      checklist: [...rule.checklist],
      defaultSeverity: rule.defaultSeverity,
      enabledByDefault: rule.enabledByDefault,
      pss: rule.pss ? { level: rule.pss.level, since: versionLabel(rule.pss.since) } : null,
      docs: {
        url: ruleDocsUrl(rule.id),
        title: both(rule.docs.title),
        summary: both(rule.docs.summary),
        why: both(rule.docs.why),
        remediation: both(rule.docs.remediation),
        fixSafety: both(rule.docs.fixSafety),
        references: [...rule.docs.references],
        examples: { incorrect: rule.docs.examples.incorrect, correct: rule.docs.examples.correct },
      },
    }));
  return JSON.stringify(listing, null, 2) + '\n';
}

function both(text: Localized): Localized {
  return { en: text.en, 'zh-cn': text['zh-cn'] };
}
