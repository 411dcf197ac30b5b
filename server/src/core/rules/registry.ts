/**
 * The rule registry: one explicit list per checklist section (each section's index.ts), each kept
 * sorted by id in the source, merged here into one list sorted by id, so that adding a rule is one
 * import and one line in its section, and the order of findings and of the docs never depends on
 * the file system. The lists are not sorted at run time: a test (test/rule-registry.test.ts) fails
 * when a section list is out of order or a rule file is missing from its section, and the merge
 * below only interleaves lists that are already sorted.
 */
import { ADMISSION_RULES } from './admission';
import { AUTHN_AUTHZ_RULES } from './authn-authz';
import { IMAGES_RULES } from './images';
import { LOGS_AUDITING_RULES } from './logs-auditing';
import { NETWORK_RULES } from './network';
import { POD_PLACEMENT_RULES } from './pod-placement';
import { POD_SECURITY_RULES } from './pod-security';
import { SECRETS_RULES } from './secrets';
import type { Rule } from './types';

/** The section lists in the checklist's order. */
export const SECTION_RULES: Readonly<Record<string, readonly Rule[]>> = {
  'authn-authz': AUTHN_AUTHZ_RULES,
  network: NETWORK_RULES,
  'pod-security': POD_SECURITY_RULES,
  'logs-auditing': LOGS_AUDITING_RULES,
  'pod-placement': POD_PLACEMENT_RULES,
  secrets: SECRETS_RULES,
  images: IMAGES_RULES,
  admission: ADMISSION_RULES,
};

export const RULES: readonly Rule[] = mergeById(Object.values(SECTION_RULES));

/** Interleaves lists sorted by id into one sorted list: each step takes the smallest head. */
function mergeById(lists: readonly (readonly Rule[])[]): Rule[] {
  const merged: Rule[] = [];
  const next = lists.map(() => 0);
  for (;;) {
    let pick = -1;
    lists.forEach((list, i) => {
      if (next[i] < list.length && (pick < 0 || list[next[i]].id < lists[pick][next[pick]].id)) pick = i;
    });
    if (pick < 0) return merged;
    merged.push(lists[pick][next[pick]++]);
  }
}

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
