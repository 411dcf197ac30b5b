/**
 * Where an open file sits in a repository, as far as checking goes: under a Helm chart's
 * `templates/` (Go templates: never checked as YAML) or named as a patch by a kustomization near it
 * (host/kustomize-patches.ts, the audit's detector too: only the values it sets are checked).
 */
import { fsPathOf } from './workspace-scanner';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { helmChartOfTemplate } from '../core';
import { KustomizePatchLookup } from '../host/kustomize-patches';


export function isHelmTemplate(uri: string): boolean {
  const file = fsPathOf(uri);
  if (!file) return false;
  return helmChartOfTemplate(file.split(path.sep).join('/'), (directory) => fs.existsSync(path.join(directory, 'Chart.yaml'))) !== undefined;
}

/** The open documents' view of the repository layout; one per server. */
export class RepoLayout {
  private readonly patches = new KustomizePatchLookup();

  isKustomizePatch(uri: string): boolean {
    const file = fsPathOf(uri);
    return file !== undefined && this.patches.isPatch(file);
  }
}
