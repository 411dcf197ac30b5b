/**
 * Where the evidence for a checklist item comes from: the scorecard names it for every item it
 * judged, so a reader knows whether "pass" rests on application manifests, on control-plane files,
 * on the CNI install, on a Dockerfile, a CI pipeline or a cluster tool's configuration. A rule may
 * declare the one source it reads (`evidence`); its items then pass only when a resource of that
 * source was checked. Pure.
 */
import type { Resource } from './resource';
import { cniOf } from './cni';

export type EvidenceSource = 'manifest' | 'control-plane' | 'dockerfile' | 'pipeline' | 'cni' | 'config';

export const EVIDENCE_SOURCES: readonly EvidenceSource[] = ['manifest', 'control-plane', 'dockerfile', 'pipeline', 'cni', 'config'];

/** The sources a resource belongs to besides `manifest` (every Kubernetes resource is a manifest). */
export function extraEvidenceOf(resource: Resource): EvidenceSource[] {
  const sources: EvidenceSource[] = [];
  if (cniOf(resource)) sources.push('cni');
  if (resource.apiVersion.startsWith('kind.x-k8s.io/')) sources.push('config');
  return sources;
}
