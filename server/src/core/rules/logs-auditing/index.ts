/**
 * The Logs and auditing section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const LOGS_AUDITING_RULES: readonly Rule[] = [
];
