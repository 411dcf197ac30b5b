/**
 * The Authentication & Authorization section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';

export const AUTHN_AUTHZ_RULES: readonly Rule[] = [
];
