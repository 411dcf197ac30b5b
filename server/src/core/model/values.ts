/**
 * Defensive readers for plain values decoded from YAML. Manifests being typed are full of wrong
 * types (a string where a list belongs, null containers, numbers as names); rules read through
 * these helpers so that a wrong type reads as "absent", the way Kubernetes' decoder would refuse
 * it, and never as a crash.
 */

export type PropertyPath = readonly (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return isRecord(child) ? child : undefined;
}

export function arrayAt(value: unknown, key: string): unknown[] {
  if (!isRecord(value)) return [];
  const child = value[key];
  return Array.isArray(child) ? child : [];
}

export function stringAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'string' ? child : undefined;
}

export function booleanAt(value: unknown, key: string): boolean | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'boolean' ? child : undefined;
}

export function numberAt(value: unknown, key: string): number | undefined {
  if (!isRecord(value)) return undefined;
  const child = value[key];
  return typeof child === 'number' && Number.isFinite(child) ? child : undefined;
}

/** True when the key is present with a non-null value (Go decodes `key: null` as an absent pointer). */
export function hasValue(value: unknown, key: string): boolean {
  return isRecord(value) && value[key] !== undefined && value[key] !== null;
}
