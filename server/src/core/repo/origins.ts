/**
 * Where a rendered resource came from. `kustomize build` with `buildMetadata: [originAnnotations]`
 * writes `config.kubernetes.io/origin: "path: base/deployment.yaml"` on each resource; `helm
 * template` writes `# Source: chart/templates/deployment.yaml` before each document. Pure.
 */
import { parse } from 'yaml';
import type { Resource } from '../model/resource';
import { isRecord, recordAt } from '../model/values';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

export interface Origin {
  /** As the tool wrote it: relative to the kustomization it built, or `<chart>/templates/...`. */
  readonly path: string;
  readonly tool: 'kustomize' | 'helm';
}

/** `text`: the rendered text the resource was parsed from (Helm's comments are read from it). */
export function originOf(resource: Resource, text: string): Origin | undefined {
  const annotation = recordAt(recordAt(resource.value, 'metadata'), 'annotations')?.[ORIGIN_ANNOTATION];
  if (typeof annotation === 'string') {
    try {
      const value = parse(annotation, { logLevel: 'silent' }) as unknown;
      const path = isRecord(value) ? value.path : undefined;
      if (typeof path === 'string' && path) return { path, tool: 'kustomize' };
    } catch {
      // not YAML: no origin
    }
  }
  // The `# Source:` line sits between the previous document marker and this document's content.
  const contentStart = resource.document.contents?.range?.[0] ?? 0;
  const head = text.slice(0, contentStart);
  const marker = Math.max(head.lastIndexOf('\n---'), head.startsWith('---') ? 0 : -1);
  const source = /^#\s*Source:\s*(\S+)\s*$/m.exec(head.slice(Math.max(0, marker)));
  return source ? { path: source[1], tool: 'helm' } : undefined;
}
