/**
 * The `suppressions` of `.kube-checklist.yaml`: a finding is accepted when a suppression names its
 * rule and every selector it sets matches (path globs relative to the configuration's folder,
 * kind, namespace, name, container). A suppression past its `expires` date lets the finding through
 * again, and the caller is told which ones expired so it can say so.
 */
import type { Finding } from '../engine/analyze';
import type { SuppressedFinding } from '../suppress/apply-suppressions';
import { globToRegExp } from '../workspace/glob';
import type { ConfigSuppression } from './config-file';

export interface ConfigSuppressionResult {
  readonly kept: Finding[];
  readonly suppressed: SuppressedFinding[];
  /** Indexes (in the configuration) of the expired suppressions that matched a finding. */
  readonly expired: readonly number[];
  /** Indexes of the suppressions that matched a finding (expired or not). */
  readonly used: readonly number[];
}

/** Whether the suppression's date is past: it holds through the whole `expires` day (UTC). */
export function isExpired(suppression: ConfigSuppression, now: number): boolean {
  return suppression.expires !== undefined && Date.parse(`${suppression.expires}T23:59:59.999Z`) < now;
}

export function applyConfigSuppressions(
  findings: readonly Finding[],
  relativePath: string,
  suppressions: readonly ConfigSuppression[],
  now: number,
): ConfigSuppressionResult {
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const expired = new Set<number>();
  const used = new Set<number>();
  for (const finding of findings) {
    const index = suppressions.findIndex((suppression) => matches(suppression, finding, relativePath));
    if (index >= 0) used.add(index);
    if (index < 0) {
      kept.push(finding);
    } else if (isExpired(suppressions[index], now)) {
      expired.add(index);
      kept.push(finding);
    } else {
      suppressed.push({ finding, reason: suppressions[index].reason, by: 'config' });
    }
  }
  const sorted = (indexes: Set<number>) => [...indexes].sort((a, b) => a - b);
  return { kept, suppressed, expired: sorted(expired), used: sorted(used) };
}

function matches(suppression: ConfigSuppression, finding: Finding, relativePath: string): boolean {
  if (suppression.rule !== finding.ruleId) return false;
  if (suppression.paths && !suppression.paths.some((glob) => globToRegExp(glob.replace(/^\.\//, '')).test(relativePath))) return false;
  const { kind, namespace, name } = finding.resource;
  if (suppression.kind !== undefined && suppression.kind !== kind) return false;
  if (suppression.namespace !== undefined && suppression.namespace !== (namespace ?? 'default')) return false;
  if (suppression.name !== undefined && suppression.name !== name) return false;
  if (suppression.container !== undefined && finding.data.container !== suppression.container) return false;
  return true;
}
