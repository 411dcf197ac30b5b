/** How the CI formats name a resource: `Kind namespace/name` (`Kind name` without namespace, `?` without a name). */
import type { Finding } from '../../core';

export function resourceLabel({ kind, namespace, name }: Finding['resource']): string {
  return `${kind} ${[namespace, name ?? '?'].filter((part) => part !== undefined).join('/')}`;
}
