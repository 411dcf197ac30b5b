/**
 * The checklist scorecard of an audit: one entry per item of the Kubernetes Security Checklist, in
 * the page's order, with one of four statuses:
 *
 * - `manual`: the item is a process or a property no file shows (`check: manual` in items.yaml),
 *   or no active rule covers it in this run (none written yet, or all of them turned off);
 * - `fail`: an active rule covering the item reported something (suppressed findings do not count);
 * - `pass`: active rules cover the item, none reported anything, and at least one resource those
 *   rules look at was checked (a resource of one of the kinds of a rule's scope, or of the
 *   `inputKinds` of a workspace rule; for the control-plane flag rules, a resource that runs or
 *   configures a control-plane component, see `looksAtAny`);
 * - `not-applicable`: active rules cover the item but nothing they look at was in the audited
 *   files (no RBAC object at all, no control-plane manifest ...): a pass would claim too much;
 * - `not-evaluated`: rules exist for the item but none of them ran (turned off in the
 *   configuration or the settings, or left out with --rule / --disable): nothing judged it.
 *
 * (`manual` then means: files cannot settle the item, or no rule for it is written yet.)
 *
 * A manual item for which the configuration records evidence (the day of the last access review,
 * `reviews.access`) is judged by it: `pass` while current, `fail` once stale (review-evidence.ts).
 * Dockerfile rules look at the kind `Dockerfile` (a Dockerfile the audit read); with one, they
 * also judge the manual item images/minimal.
 * `evidence` names where the judgement came from (see core/model/evidence-source.ts): a rule that
 * declares a source (the CNI rule: `cni`) counts only when a resource of that source was checked.
 *
 * `findings` counts the findings of the covering rules. The JSON format prints `item`, `status`,
 * `findings` and `evidence`; the other fields serve the Markdown scorecard. Pure: it reads findings,
 * resource kinds and the rule selection only (the audit collects the kinds, with `carriesControlPlane`).
 */
import { CHECKLIST_ITEMS, DOCKERFILE_KIND, EVIDENCE_SOURCES, EvidenceSource, isDockerfileRule, Resource, Rule, RuleSelection, RULES } from '../core';
import { ACCESS_REVIEW_ITEM, ChecklistEvidence, reviewIsCurrent } from '../core/checklist/review-evidence';
import { CONTROL_PLANE_KINDS, controlPlaneComponents } from '../core/model/control-plane';

export type ScorecardStatus = 'pass' | 'fail' | 'manual' | 'not-applicable' | 'not-evaluated';

export interface ScorecardEntry {
  readonly item: string;
  readonly status: ScorecardStatus;
  /** Findings of the active rules covering the item, suppressed ones excepted. */
  readonly findings: number;
  /** The active rules covering the item, by id. */
  readonly rules: readonly string[];
  /** Findings of those rules hidden by a suppression with a reason. */
  readonly suppressed: number;
  /** For a manual item judged by recorded evidence: the day of the last review (see review-evidence.ts). */
  readonly reviewed?: string;
  /** Where the evidence that judged the item came from (empty unless it passed or failed). */
  readonly evidence: readonly EvidenceSource[];
}

/** What the audit looked at, by kind. */
export interface CheckedResources {
  /** The kinds of every resource checked. */
  readonly kinds: Iterable<string>;
  /** The kinds of the resources that run or configure a control-plane component (none when absent). */
  readonly controlPlaneKinds?: Iterable<string>;
  /** The evidence sources besides manifests that were checked (`extraEvidenceOf`). */
  readonly evidence?: Iterable<EvidenceSource>;
}

interface CheckedSets {
  readonly kinds: ReadonlySet<string>;
  readonly controlPlaneKinds: ReadonlySet<string>;
  readonly evidence: ReadonlySet<EvidenceSource>;
}

export function computeScorecard(
  findings: Iterable<{ readonly ruleId: string }>,
  selection: RuleSelection,
  checked: CheckedResources,
  suppressed: Iterable<{ readonly ruleId: string }> = [],
  evidence?: ChecklistEvidence,
): ScorecardEntry[] {
  const findingsByRule = countByRule(findings);
  const suppressedByRule = countByRule(suppressed);
  const kinds: CheckedSets = { kinds: new Set(checked.kinds), controlPlaneKinds: new Set(checked.controlPlaneKinds ?? []), evidence: new Set(checked.evidence ?? []) };
  return CHECKLIST_ITEMS.map(({ id, check }) => {
    // A manual item is judged only by rules that read what manifests cannot show: the Dockerfile
    // rules when the audit read a Dockerfile (images/minimal), and rules with a declared evidence
    // source (the CNI), which leave it manual when that evidence is absent.
    const manual = check === 'manual';
    const covers = (rule: Rule): boolean =>
      rule.checklist.includes(id) && (!manual || (isDockerfileRule(rule) && kinds.kinds.has(DOCKERFILE_KIND)) || declaredEvidence(rule) !== undefined);
    const covering = selection.rules.filter(({ rule }) => covers(rule)).map(({ rule }) => rule);
    const count = sum(covering, findingsByRule);
    const written = !manual && RULES.some((rule) => rule.checklist.includes(id));
    const looked = covering.filter((rule) => looksAtAny(rule, kinds));
    const unjudged = covering.every((rule) => declaredEvidence(rule) !== undefined) ? 'manual' : 'not-applicable';
    const status: ScorecardStatus = covering.length === 0 ? (written ? 'not-evaluated' : 'manual') : count > 0 ? 'fail' : looked.length > 0 ? 'pass' : unjudged;
    const sources = status === 'pass' || status === 'fail' ? evidenceOf(status === 'fail' ? covering.filter((rule) => (findingsByRule.get(rule.id) ?? 0) > 0) : looked, kinds) : [];
    const entry: ScorecardEntry = { item: id, status, findings: count, rules: covering.map((rule) => rule.id), suppressed: sum(covering, suppressedByRule), evidence: sources };
    return withEvidence(entry, evidence);
  });
}

/** A manual item with recorded evidence passes while it is current and fails once it is stale. */
function withEvidence(entry: ScorecardEntry, evidence: ChecklistEvidence | undefined): ScorecardEntry {
  if (entry.item !== ACCESS_REVIEW_ITEM || entry.status !== 'manual' || !evidence?.accessReviewed) return entry;
  const reviewed = evidence.accessReviewed;
  return { ...entry, status: reviewIsCurrent(reviewed, evidence.today) ? 'pass' : 'fail', reviewed, evidence: ['config'] };
}

/**
 * What a rule looks at: resources of `kinds`, and for the control-plane flag rules (those whose
 * scope holds kubeadm's configuration kinds) resources of `carriers` (Pods, Deployments, kubeadm
 * configurations ...) only when they run or configure kube-apiserver, etcd, the kubelet ...: an
 * application's Deployment does not make "kube-controller-manager runs with
 * --use-service-account-credentials" pass. `undefined`: any resource (a workspace rule without
 * `inputKinds`).
 */
export interface RuleInputs {
  readonly kinds: readonly string[];
  readonly carriers: readonly string[];
}

export function ruleInputs(rule: Rule): RuleInputs | undefined {
  const looksAt = inputKindsOf(rule);
  if (looksAt === undefined) return undefined;
  if (!looksAt.some((kind) => KUBEADM_KINDS.includes(kind))) return { kinds: looksAt, carriers: [] };
  return { kinds: looksAt.filter((kind) => !CONTROL_PLANE_CARRIERS.has(kind)), carriers: looksAt.filter((kind) => CONTROL_PLANE_CARRIERS.has(kind)) };
}

/** Whether a rule had something to look at (see `ruleInputs`). */
export function looksAtAny(rule: Rule, checked: CheckedSets): boolean {
  const declared = declaredEvidence(rule);
  if (declared !== undefined && !checked.evidence.has(declared)) return false;
  const inputs = ruleInputs(rule);
  if (inputs === undefined) return checked.kinds.size > 0;
  return inputs.kinds.some((kind) => checked.kinds.has(kind)) || inputs.carriers.some((kind) => checked.controlPlaneKinds.has(kind));
}

/** The evidence source a rule declares (`evidence` of a workspace rule), if any. */
function declaredEvidence(rule: Rule): EvidenceSource | undefined {
  return rule.scope === 'workspace' ? rule.evidence : undefined;
}

/** The sources of the rules that judged an item, in EVIDENCE_SOURCES order. */
function evidenceOf(rules: readonly Rule[], checked: CheckedSets): EvidenceSource[] {
  const sources = new Set<EvidenceSource>();
  for (const rule of rules) {
    const inputs = ruleInputs(rule);
    const declared = declaredEvidence(rule);
    if (declared) sources.add(declared);
    else if (inputs && inputs.carriers.some((kind) => checked.controlPlaneKinds.has(kind))) sources.add('control-plane');
    else sources.add('manifest');
  }
  return EVIDENCE_SOURCES.filter((source) => sources.has(source));
}

const CONTROL_PLANE_CARRIERS: ReadonlySet<string> = new Set(CONTROL_PLANE_KINDS);

/** ClusterConfiguration, InitConfiguration, JoinConfiguration: only control-plane rules read them. */
const KUBEADM_KINDS: readonly string[] = CONTROL_PLANE_KINDS.filter((kind) => kind.endsWith('Configuration'));

/** Whether a resource counts for the control-plane flag rules: it runs or configures a component. */
export function carriesControlPlane(resource: Resource): boolean {
  return CONTROL_PLANE_CARRIERS.has(resource.kind) && controlPlaneComponents(resource).length > 0;
}

/**
 * The kinds a rule looks at: its scope's kinds, or for a workspace rule the `inputKinds` it
 * declares; `undefined` for a workspace rule that declares none (any resource will do).
 */
export function inputKindsOf(rule: Rule): readonly string[] | undefined {
  if (isDockerfileRule(rule)) return [DOCKERFILE_KIND];
  if (rule.scope !== 'workspace') return rule.scope.kinds;
  return (rule as { readonly inputKinds?: readonly string[] }).inputKinds;
}

/** How many items have each status. */
export function statusCounts(scorecard: readonly ScorecardEntry[]): Record<ScorecardStatus, number> {
  const counts: Record<ScorecardStatus, number> = { fail: 0, pass: 0, 'not-applicable': 0, 'not-evaluated': 0, manual: 0 };
  for (const entry of scorecard) counts[entry.status]++;
  return counts;
}

function countByRule(findings: Iterable<{ readonly ruleId: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { ruleId } of findings) counts.set(ruleId, (counts.get(ruleId) ?? 0) + 1);
  return counts;
}

function sum(rules: readonly Rule[], counts: ReadonlyMap<string, number>): number {
  return rules.reduce((total, rule) => total + (counts.get(rule.id) ?? 0), 0);
}
