/**
 * The rule registry: one explicit, sorted list per checklist section (each section's index.ts),
 * joined here in the checklist's order and sorted by id, so that adding a rule is one import and one
 * line in its section, and the order of findings and of the docs never depends on the file system.
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

export const RULES: readonly Rule[] = [
  ...AUTHN_AUTHZ_RULES,
  ...NETWORK_RULES,
  ...POD_SECURITY_RULES,
  ...LOGS_AUDITING_RULES,
  ...POD_PLACEMENT_RULES,
  ...SECRETS_RULES,
  ...IMAGES_RULES,
  ...ADMISSION_RULES,
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
