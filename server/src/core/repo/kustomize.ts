/**
 * Kustomize: which files a kustomization uses as patches. A patch is a partial resource (a
 * strategic-merge patch names only the fields it changes; a JSON 6902 patch is a list of
 * operations), so it is never judged for what it leaves out: only values it does set can be
 * findings. Pure: the caller reads the files; paths stay as written, relative to the
 * kustomization's directory.
 */
import { parse } from 'yaml';
import type { Finding } from '../engine/analyze';
import { ruleById } from '../rules/registry';
import { isWorkspaceRule } from '../rules/types';

export const KUSTOMIZATION_FILE_NAMES: readonly string[] = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The patch files a kustomization names (patchesStrategicMerge, patches[].path, patchesJson6902[].path). */
export function kustomizationPatches(text: string): string[] {
  let value: unknown;
  try {
    value = parse(text, { logLevel: 'silent', maxAliasCount: 100 });
  } catch {
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const paths: string[] = [];
  const list = (key: string): unknown[] => (Array.isArray(record[key]) ? (record[key] as unknown[]) : []);
  for (const entry of list('patchesStrategicMerge')) {
    // An inline patch (a YAML string holding the patch itself) has a line break; a path has none.
    if (typeof entry === 'string' && !entry.includes('\n')) paths.push(entry);
  }
  for (const key of ['patches', 'patchesJson6902']) {
    for (const entry of list(key)) {
      const path = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).path : undefined;
      if (typeof path === 'string' && path !== '') paths.push(path);
    }
  }
  return paths;
}

/**
 * The findings that stand on a patch: values it sets (an exact finding of a resource rule). What a
 * patch leaves out is in the base, and a patch is not a workload of its own for workspace rules.
 */
export function patchFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => {
    const rule = ruleById(finding.ruleId);
    return finding.exact && rule !== undefined && !isWorkspaceRule(rule);
  });
}
