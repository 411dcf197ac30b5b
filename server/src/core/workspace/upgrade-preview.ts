/**
 * What a Kubernetes upgrade changes for Pod Security: every resource with a Pod template (Pods and
 * the templates of workloads) is checked at one level with the engine's Pod Security evaluator (the
 * one the PSA namespace rules use, which runs the Pod Security Standards rules at exactly a given
 * version) at the version the cluster runs now and at the version it will run. A resource whose
 * verdict flips is listed with the checks that decide it: those that fail at the new version for a
 * resource that starts failing, those that failed at the old one for a resource that starts
 * passing. Namespaces of the inputs that enforce a level at `latest` (or without a version label,
 * which PSA reads as latest) follow the cluster's version: for each, the workloads it would start
 * rejecting, evaluated at that namespace's own level. Pure: the caller gives the index and the evaluator.
 */
import { podTemplateOf } from '../model/pod-spec';
import type { Resource } from '../model/resource';
import { modePolicy } from '../rules/shared/psa-namespace';
import type { Finding, PodSecurityEvaluator, PodSecurityLevel } from '../rules/types';
import type { WorkspaceIndex } from './workspace-index';

export interface UpgradeVersions {
  readonly level: PodSecurityLevel;
  /** Minor version numbers (1.NN), as parseKubernetesVersion gives them. */
  readonly from: number;
  readonly to: number;
}

export type UpgradeDirection = 'starts-failing' | 'starts-passing';

export interface UpgradeChange {
  readonly resource: Resource;
  readonly direction: UpgradeDirection;
  /** The rule ids of the checks that fail at the failing version, sorted, each once. */
  readonly checks: readonly string[];
  /** The violations at the failing version (paths from the document root). */
  readonly violations: readonly Finding[];
}

export interface NamespaceUpgrade {
  readonly namespace: Resource;
  /** The level the namespace enforces (its own, not the run's). */
  readonly level: PodSecurityLevel;
  /** The workloads of the namespace it would start rejecting at `to`. */
  readonly rejects: readonly UpgradeChange[];
}

export interface UpgradePreview extends UpgradeVersions {
  /** In the order of the index (file, then document). */
  readonly changes: readonly UpgradeChange[];
  /** Only the namespaces that would start rejecting something. */
  readonly namespaces: readonly NamespaceUpgrade[];
}

export function versionLabelOf(minor: number): string {
  return `v1.${minor}`;
}

/** How one resource's verdict changes between two versions at a level, if it does. */
export function verdictChange(evaluator: PodSecurityEvaluator, resource: Resource, level: PodSecurityLevel, from: number, to: number): UpgradeChange | undefined {
  const before = evaluator.violations(resource, level, versionLabelOf(from));
  const after = evaluator.violations(resource, level, versionLabelOf(to));
  if ((before.length === 0) === (after.length === 0)) return undefined;
  const direction: UpgradeDirection = before.length === 0 ? 'starts-failing' : 'starts-passing';
  const violations = direction === 'starts-failing' ? after : before;
  return { resource, direction, checks: [...new Set(violations.map((finding) => finding.ruleId))].sort(), violations };
}

export function previewUpgrade(index: WorkspaceIndex, evaluator: PodSecurityEvaluator, versions: UpgradeVersions): UpgradePreview {
  const { level, from, to } = versions;
  const changes: UpgradeChange[] = [];
  for (const resource of index.resources) {
    if (!podTemplateOf(resource)) continue;
    const change = verdictChange(evaluator, resource, level, from, to);
    if (change) changes.push(change);
  }
  return { level, from, to, changes, namespaces: namespaceUpgrades(index, evaluator, from, to) };
}

function namespaceUpgrades(index: WorkspaceIndex, evaluator: PodSecurityEvaluator, from: number, to: number): NamespaceUpgrade[] {
  const byNamespace = index.workloadsByNamespace();
  const result: NamespaceUpgrade[] = [];
  for (const namespace of index.ofKind('Namespace', '')) {
    const policy = modePolicy(namespace, 'enforce');
    // A pinned version does not move with the cluster; privileged rejects nothing.
    if (!policy || policy.level === 'privileged' || policy.version !== 'latest') continue;
    const workloads = namespace.name ? byNamespace.get(namespace.name) ?? [] : [];
    const rejects = workloads
      .map((workload) => verdictChange(evaluator, workload.resource, policy.level as PodSecurityLevel, from, to))
      .filter((change): change is UpgradeChange => change?.direction === 'starts-failing');
    if (rejects.length > 0) result.push({ namespace, level: policy.level, rejects });
  }
  return result;
}
