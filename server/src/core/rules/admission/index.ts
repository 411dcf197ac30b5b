/**
 * The Admission controllers section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const ADMISSION_RULES: readonly Rule[] = [
];
