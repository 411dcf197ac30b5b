/**
 * The Images section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const IMAGES_RULES: readonly Rule[] = [
];
