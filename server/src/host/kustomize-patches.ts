/**
 * Which files Kustomize uses as patches (`patches`, `patchesStrategicMerge`, resolved from the
 * kustomization's folder), the one detector of both faces: for an audit, every patch that a
 * kustomization among the audited files names; for one open file, the kustomizations in its folder
 * and the two above it, read from disk and kept until they change. A patch is partial by design,
 * so it is checked alone and only for the values it sets.
 */
import * as fs from 'node:fs';
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

/** How many folders above a file a kustomization naming it as a patch is looked for. */
const LEVELS_UP = 3;

/** The patches of the kustomizations on disk near one file, kept by modification time. */
export class KustomizePatchLookup {
  private readonly cache = new Map<string, { readonly mtimeMs: number; readonly patches: readonly string[] }>();

  isPatch(absolute: string): boolean {
    let directory = path.dirname(absolute);
    for (let level = 0; level < LEVELS_UP; level++) {
      for (const name of KUSTOMIZATION_FILE_NAMES) {
        if (this.patchesOf(path.join(directory, name)).some((patch) => path.resolve(directory, patch) === absolute)) return true;
      }
      const parent = path.dirname(directory);
      if (parent === directory) break;
      directory = parent;
    }
    return false;
  }

  private patchesOf(kustomization: string): readonly string[] {
    let mtimeMs: number;
    try {
      mtimeMs = fs.statSync(kustomization).mtimeMs;
    } catch {
      return [];
    }
    const cached = this.cache.get(kustomization);
    if (cached && cached.mtimeMs === mtimeMs) return cached.patches;
    let patches: readonly string[] = [];
    try {
      patches = kustomizationPatches(fs.readFileSync(kustomization, 'utf8'));
    } catch {
      // unreadable: no patches
    }
    this.cache.set(kustomization, { mtimeMs, patches });
    return patches;
  }
}
