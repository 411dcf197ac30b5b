/**
 * Pod Security Admission as a namespace applies it: the `pod-security.kubernetes.io/<mode>` and
 * `<mode>-version` labels of a Namespace object (modes enforce, warn, audit), parsed as PSA parses
 * them (a level or version it cannot parse means restricted / latest; a missing level means the
 * cluster default, taken as privileged), and the workloads of that namespace checked with the
 * Pod Security Standards rules at exactly that level and version, whatever the editor settings say
 * (the engine's evaluator, handed to the rules through their context, runs those rules).
 */
import { LATEST_MINOR } from '../../model/kubernetes-version';
import type { Resource } from '../../model/resource';
import { isRecord, PropertyPath, recordAt } from '../../model/values';
import type { Workload, WorkspaceIndex } from '../../workspace/workspace-index';
import type { Finding, PodSecurityLevel, RelatedReport, WorkspaceRuleContext } from '../types';

export type PsaMode = 'enforce' | 'warn' | 'audit';

export const PSA_LABEL_PREFIX = 'pod-security.kubernetes.io/';

export interface ModePolicy {
  readonly mode: PsaMode;
  readonly level: PodSecurityLevel | 'privileged';
  /** `latest` or `v1.N`, as evaluated. */
  readonly version: string;
  readonly labelPath: PropertyPath;
}

const LEVELS = new Set(['privileged', 'baseline', 'restricted']);

/** The policy of one mode, or undefined when the namespace has no label for it. */
export function modePolicy(namespace: Resource, mode: PsaMode): ModePolicy | undefined {
  const labels = recordAt(recordAt(namespace.value, 'metadata'), 'labels');
  if (!isRecord(labels)) return undefined;
  const levelKey = `${PSA_LABEL_PREFIX}${mode}`;
  const rawLevel = labels[levelKey];
  if (rawLevel === undefined || rawLevel === null) return undefined;
  const rawVersion = labels[`${levelKey}-version`];
  const level = typeof rawLevel === 'string' && LEVELS.has(rawLevel) ? (rawLevel as ModePolicy['level']) : 'restricted';
  return { mode, level, version: parseVersion(rawVersion), labelPath: ['metadata', 'labels', levelKey] };
}

function parseVersion(raw: unknown): string {
  if (typeof raw !== 'string') return 'latest';
  const match = /^v1\.(0|[1-9][0-9]*)$/.exec(raw);
  if (!match || Number(match[1]) >= LATEST_MINOR) return 'latest';
  return raw;
}

/**
 * The violations of a workload against a policy, as findings (paths from the document root). The
 * engine's evaluator runs the Pod Security Standards rules at exactly that level and version, and
 * remembers the result per resource object, so this module keeps no cache of its own.
 */
export function violationsOf(context: WorkspaceRuleContext, workload: Workload, policy: ModePolicy): readonly Finding[] {
  if (policy.level === 'privileged') return [];
  return context.podSecurity.violations(workload.resource, policy.level, policy.version);
}

/** The Namespace objects of the workspace with the workloads that live in them. */
export function labelledNamespaces(index: WorkspaceIndex): { namespace: Resource; workloads: Workload[] }[] {
  const byNamespace = index.workloadsByNamespace();
  const result: { namespace: Resource; workloads: Workload[] }[] = [];
  for (const namespace of index.ofKind('Namespace', '')) {
    const workloads = namespace.name ? byNamespace.get(namespace.name) : undefined;
    if (workloads?.length) result.push({ namespace, workloads });
  }
  return result;
}

export interface ViolationReport {
  readonly workload: Workload;
  readonly findings: readonly Finding[];
}

/** The messages every PSA namespace rule has for the related places of its findings. */
export type PsaRelatedMessage = 'namespaceLabel' | 'violation';

/**
 * Reports one finding per violating workload: on the first violating field, with the namespace
 * label and every violation as related places. `messageId` picks the rule's message.
 */
export function reportViolations<M extends string>(
  context: WorkspaceRuleContext<M | PsaRelatedMessage>,
  namespace: Resource,
  policy: ModePolicy,
  workload: Workload,
  violations: readonly Finding[],
  messageId: M,
  extra: Readonly<Record<string, string>> = {},
): void {
  const { resource } = workload;
  const findings = [...violations].sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  const strip = (path: PropertyPath) => path.slice(resource.basePath.length);
  const checks = [...new Set(findings.map((finding) => finding.ruleId))];
  const related: RelatedReport<PsaRelatedMessage>[] = [
    { resource: namespace, path: policy.labelPath, target: 'pair', messageId: 'namespaceLabel', data: { mode: policy.mode, level: policy.level } },
    ...findings.map((finding): RelatedReport<PsaRelatedMessage> => ({ resource, path: strip(finding.path), target: finding.target, messageId: 'violation', data: { check: finding.ruleId, level: policy.level } })),
  ];
  const first = findings[0];
  context.report({
    resource,
    path: strip(first.path),
    target: first.target,
    messageId,
    data: {
      namespace: namespace.name ?? '',
      level: policy.level,
      version: policy.version,
      kind: resource.kind,
      name: resource.name ?? '',
      checks: checks.join(', '),
      ...extra,
    },
    related,
  });
}
