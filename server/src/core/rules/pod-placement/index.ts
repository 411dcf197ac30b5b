/**
 * The Pod placement section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import sensitiveNodePlacement from './sensitive-node-placement';
import sensitiveRuntimeClass from './sensitive-runtime-class';

export const POD_PLACEMENT_RULES: readonly Rule[] = [
  sensitiveNodePlacement,
  sensitiveRuntimeClass,
];
