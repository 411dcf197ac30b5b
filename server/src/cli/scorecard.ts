/**
 * The checklist scorecard of an audit, one entry per item of the Kubernetes Security Checklist in
 * the page's order: `fail` with the number of findings of the rules that cover the item, `pass`
 * when an active rule covers it and found nothing, `manual` when no active rule covers it. This is
 * the first cut; `not-applicable` (no resource a covering rule looks at) comes with the scorecard
 * proper. Pure: it reads findings and the rule selection only.
 */
import { CHECKLIST_ITEMS, RuleSelection } from '../core';

export type ScorecardStatus = 'pass' | 'fail' | 'manual' | 'not-applicable';

export interface ScorecardEntry {
  readonly item: string;
  readonly status: ScorecardStatus;
  readonly findings: number;
}

export function computeScorecard(findings: Iterable<{ readonly ruleId: string }>, selection: RuleSelection): ScorecardEntry[] {
  const findingsByRule = new Map<string, number>();
  for (const { ruleId } of findings) findingsByRule.set(ruleId, (findingsByRule.get(ruleId) ?? 0) + 1);
  return CHECKLIST_ITEMS.map(({ id }) => {
    const covering = selection.rules.filter(({ rule }) => rule.checklist.includes(id));
    const count = covering.reduce((sum, { rule }) => sum + (findingsByRule.get(rule.id) ?? 0), 0);
    const status: ScorecardStatus = count > 0 ? 'fail' : covering.length > 0 ? 'pass' : 'manual';
    return { item: id, status, findings: count };
  });
}
