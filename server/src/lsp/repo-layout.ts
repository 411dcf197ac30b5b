/**
 * Where an open file sits in a repository, as far as checking goes: under a Helm chart's
 * `templates/` (Go templates: never checked as YAML) or named as a patch by a kustomization in its
 * folder or the two above it (only the values it sets are checked). Reads the disk; kustomization
 * texts are cached by path and modification time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { helmChartOfTemplate, KUSTOMIZATION_FILE_NAMES, kustomizationPatches } from '../core';

const patchCache = new Map<string, { mtimeMs: number; patches: readonly string[] }>();

function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function isHelmTemplate(uri: string): boolean {
  const file = fsPathOf(uri);
  if (!file) return false;
  return helmChartOfTemplate(file.split(path.sep).join('/'), (directory) => fs.existsSync(path.join(directory, 'Chart.yaml'))) !== undefined;
}

export function isKustomizePatch(uri: string): boolean {
  const file = fsPathOf(uri);
  if (!file) return false;
  let directory = path.dirname(file);
  for (let level = 0; level < 3; level++) {
    for (const name of KUSTOMIZATION_FILE_NAMES) {
      const patches = patchesOf(path.join(directory, name));
      if (patches.some((patch) => path.resolve(directory, patch) === file)) return true;
    }
    const parent = path.dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return false;
}

function patchesOf(kustomization: string): readonly string[] {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(kustomization).mtimeMs;
  } catch {
    return [];
  }
  const cached = patchCache.get(kustomization);
  if (cached && cached.mtimeMs === mtimeMs) return cached.patches;
  let patches: readonly string[] = [];
  try {
    patches = kustomizationPatches(fs.readFileSync(kustomization, 'utf8'));
  } catch {
    // unreadable: no patches
  }
  patchCache.set(kustomization, { mtimeMs, patches });
  return patches;
}
