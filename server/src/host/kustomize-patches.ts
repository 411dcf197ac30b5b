/**
 * Which files Kustomize uses as patches, for the audit of both faces: every patch that a
 * kustomization among the audited files names (`patches`, `patchesStrategicMerge`, resolved from
 * the kustomization's folder). A patch is partial by design, so it is checked alone and only for
 * the values it sets.
 */
import * as path from 'node:path';
import { KUSTOMIZATION_FILE_NAMES, kustomizationPatches } from '../core';

export function isKustomizationFile(absolute: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(path.basename(absolute));
}

/** The absolute paths of the patches that the given kustomization files name. */
export function patchesNamedBy(kustomizations: Iterable<{ readonly absolute: string; readonly text: string }>): Set<string> {
  const patches = new Set<string>();
  for (const { absolute, text } of kustomizations) {
    const directory = path.dirname(absolute);
    for (const patch of kustomizationPatches(text)) patches.add(path.resolve(directory, patch));
  }
  return patches;
}
