/**
 * The Network security section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const NETWORK_RULES: readonly Rule[] = [
];
