/**
 * The Secrets section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const SECRETS_RULES: readonly Rule[] = [
];
