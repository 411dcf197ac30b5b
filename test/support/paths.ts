/**
 * Where the tests find things: the repository root (tests run from out/test) and the shared data
 * folder that sits beside the clone (../shared), overridable with KUBE_CHECKLIST_SHARED.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export const SHARED_ROOT = process.env.KUBE_CHECKLIST_SHARED
  ? path.resolve(process.env.KUBE_CHECKLIST_SHARED)
  : path.resolve(REPO_ROOT, '..', 'shared');

export function sharedPath(...segments: string[]): string {
  const full = path.join(SHARED_ROOT, ...segments);
  if (!fs.existsSync(full)) {
    throw new Error(`missing shared test data: ${full} (set KUBE_CHECKLIST_SHARED to the shared folder)`);
  }
  return full;
}

export function repoPath(...segments: string[]): string {
  return path.join(REPO_ROOT, ...segments);
}
