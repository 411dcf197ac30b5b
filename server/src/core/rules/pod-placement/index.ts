/**
 * The Pod placement section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const POD_PLACEMENT_RULES: readonly Rule[] = [
];
