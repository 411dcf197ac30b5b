/**
 * Istio mesh resources for the service-mesh-encryption rules: where a PeerAuthentication applies
 * (the whole mesh when it sits in the root namespace without a selector, a namespace without a
 * selector, else the selected workloads) and every place that sets an mTLS mode (`spec.mtls.mode`
 * and `spec.portLevelMtls.<port>.mode`). The root namespace is `istio-system` unless meshConfig
 * changes it, which a manifest cannot show.
 */
import type { Resource } from '../../model/resource';
import { isRecord, PropertyPath, recordAt } from '../../model/values';

export const ISTIO_ROOT_NAMESPACE = 'istio-system';

export type PeerAuthenticationScope = 'mesh' | 'namespace' | 'workload';

export interface MtlsMode {
  readonly mode: string;
  readonly path: PropertyPath;
  /** The port of a portLevelMtls entry; undefined for spec.mtls. */
  readonly port?: string;
}

export function isIstioResource(resource: Resource, group: string): boolean {
  return resource.apiVersion.startsWith(`${group}/`);
}

export function peerAuthenticationScope(resource: Resource): PeerAuthenticationScope {
  const selector = recordAt(resource.value, 'spec')?.selector;
  const selects = isRecord(selector) && Object.keys(selector).some((key) => selector[key] !== null && selector[key] !== undefined);
  if (selects) return 'workload';
  return resource.namespace === ISTIO_ROOT_NAMESPACE ? 'mesh' : 'namespace';
}

/** Every mTLS mode the PeerAuthentication sets, upper-cased as Istio compares them. */
export function mtlsModes(resource: Resource): MtlsMode[] {
  const spec = recordAt(resource.value, 'spec');
  const modes: MtlsMode[] = [];
  const mode = recordAt(spec, 'mtls')?.mode;
  if (typeof mode === 'string') modes.push({ mode: mode.toUpperCase(), path: ['spec', 'mtls', 'mode'] });
  const ports = recordAt(spec, 'portLevelMtls');
  for (const [port, setting] of Object.entries(ports ?? {})) {
    const portMode = isRecord(setting) ? setting.mode : undefined;
    if (typeof portMode === 'string') modes.push({ mode: portMode.toUpperCase(), path: ['spec', 'portLevelMtls', port, 'mode'], port });
  }
  return modes;
}
