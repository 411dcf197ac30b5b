/**
 * Reading an EncryptionConfiguration (apiserver.config.k8s.io/v1; `kind: EncryptionConfig` of
 * `apiVersion: v1` before 1.13): which entry of `resources` governs Secrets (the first one whose
 * list names `secrets`, `*.` or `*.*`) and which provider encrypts new writes (the first of its
 * providers). Key material (`secret:` values) is never read into messages.
 */
import type { Resource } from '../../model/resource';
import { arrayAt, isRecord, PropertyPath } from '../../model/values';

export const ENCRYPTION_KINDS: readonly string[] = ['EncryptionConfig', 'EncryptionConfiguration'];

export function isEncryptionConfig(resource: Resource): boolean {
  return (
    (resource.kind === 'EncryptionConfiguration' && resource.apiVersion.startsWith('apiserver.config.k8s.io/')) ||
    (resource.kind === 'EncryptionConfig' && resource.apiVersion === 'v1')
  );
}

export interface SecretsEntry {
  readonly index: number;
  readonly path: PropertyPath;
  /** The write provider's type (`identity`, `aescbc`, `aesgcm`, `secretbox`, `kms`) and its map. */
  readonly provider?: { readonly type: string; readonly config: unknown; readonly path: PropertyPath };
}

const COVERS_SECRETS = new Set(['secrets', '*.', '*.*']);

/** The entry that governs Secrets, or undefined when no entry covers them. */
export function secretsEntry(resource: Resource): SecretsEntry | undefined {
  const entries = arrayAt(resource.value, 'resources');
  for (let index = 0; index < entries.length; index++) {
    const names = arrayAt(entries[index], 'resources');
    if (!names.some((name) => typeof name === 'string' && COVERS_SECRETS.has(name.trim()))) continue;
    const path: PropertyPath = ['resources', index];
    const first = arrayAt(entries[index], 'providers')[0];
    const type = isRecord(first) ? Object.keys(first)[0] : undefined;
    return { index, path, provider: type && isRecord(first) ? { type, config: first[type], path: [...path, 'providers', 0, type] } : undefined };
  }
  return undefined;
}

export const ENCRYPTION_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/',
  'https://kubernetes.io/docs/tasks/administer-cluster/kms-provider/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#secrets',
];

export const ENCRYPTION_EXAMPLE = (providers: readonly string[]): string =>
  ['apiVersion: apiserver.config.k8s.io/v1', 'kind: EncryptionConfiguration', 'resources:', '  - resources:', '      - secrets', '    providers:', ...providers].join('\n');
