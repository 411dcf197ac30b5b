/**
 * The Pod Security Admission labels of a Namespace, parsed as PSA parses them
 * (pod-security-admission api/helpers.go): levels `privileged | baseline | restricted`, versions
 * `latest | v1.N` (exactly, no patch and no leading zeros). An invalid enforce level makes PSA
 * enforce restricted, invalid audit and warn levels fall back to privileged, an invalid version
 * evaluates as latest, and PSA refuses to create a Namespace (or change its labels) with invalid
 * values. Also which namespaces are system namespaces that are expected to run privileged Pods.
 */
import type { Resource } from '../../model/resource';
import { recordAt } from '../../model/values';

export const PSA_PREFIX = 'pod-security.kubernetes.io/';
export const PSA_MODES = ['enforce', 'audit', 'warn'] as const;
export type PsaMode = (typeof PSA_MODES)[number];
export type PsaLevel = 'privileged' | 'baseline' | 'restricted';

export const LEVEL_RANK: Readonly<Record<PsaLevel, number>> = { privileged: 0, baseline: 1, restricted: 2 };

/** Namespaces that Kubernetes creates and whose Pods (kube-proxy, CNI agents) need privileges. */
export const SYSTEM_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const NAMESPACE_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/concepts/security/pod-security-admission/',
  'https://kubernetes.io/docs/tasks/configure-pod-container/enforce-standards-namespace-labels/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security',
];

export interface NamespaceView {
  readonly name: string;
  /** Every label, as written (values may be non-strings in a broken manifest). */
  readonly labels: Readonly<Record<string, unknown>>;
}

export function namespaceOf(resource: Resource): NamespaceView | undefined {
  if (resource.kind !== 'Namespace' || resource.apiVersion !== 'v1') return undefined;
  return { name: resource.name ?? '', labels: recordAt(recordAt(resource.value, 'metadata'), 'labels') ?? {} };
}

export function levelLabel(mode: PsaMode): string {
  return `${PSA_PREFIX}${mode}`;
}

export function versionLabel(mode: PsaMode): string {
  return `${PSA_PREFIX}${mode}-version`;
}

export function parseLevel(value: unknown): PsaLevel | undefined {
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : undefined;
}

/** `latest` -> 'latest', `v1.N` -> N, anything else -> undefined. */
export function parseVersion(value: unknown): 'latest' | number | undefined {
  if (value === 'latest') return 'latest';
  if (typeof value !== 'string') return undefined;
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** The level a mode label sets, when present and valid. */
export function modeLevel(namespace: NamespaceView, mode: PsaMode): PsaLevel | undefined {
  return parseLevel(namespace.labels[levelLabel(mode)]);
}

export function hasLabel(namespace: NamespaceView, key: string): boolean {
  return namespace.labels[key] !== undefined && namespace.labels[key] !== null;
}

export function labelPath(key: string): string[] {
  return ['metadata', 'labels', key];
}
