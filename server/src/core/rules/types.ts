/**
 * The rule API. A rule is metadata (the single source of diagnostics, hover, docs, the CLI listing
 * and the scorecard) plus a pure `check` that reads a resource and reports node paths, never
 * ranges. Pod Security Standards rules also say which level and version range of the standard they
 * implement, and which baseline rule they replace at the restricted level.
 */
import type { Localized } from '../i18n/localized';
import type { PropertyPath } from '../model/values';
import type { Resource } from '../model/resource';
import type { Fix } from '../edits/types';
import type { WorkspaceIndex } from '../workspace/workspace-index';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export type PodSecurityLevel = 'baseline' | 'restricted';

/** Where a finding sits on its path: the key, the value, or the whole `key: value` pair. */
export type Target = 'key' | 'value' | 'pair';

export interface PssMeta {
  /** The lowest level whose policy contains this check. */
  readonly level: PodSecurityLevel;
  /** The Pod Security Admission check id, e.g. `capabilities_restricted`. */
  readonly checkId: string;
  /** The first Kubernetes minor version (1.N) whose policy contains the check. */
  readonly since: number;
  /** A baseline rule this restricted rule replaces whenever it applies. */
  readonly overrides?: string;
}

export interface RuleDocs {
  readonly title: Localized;
  readonly summary: Localized;
  readonly why: Localized;
  readonly remediation: Localized;
  /** Whether applying the remediation can change how the workload behaves at run time. */
  readonly fixSafety: Localized;
  readonly references: readonly string[];
  readonly examples: { readonly incorrect: string; readonly correct: string };
}

export interface RuleMeta {
  readonly id: string;
  readonly checklist: readonly string[];
  readonly scope: { readonly kinds: readonly string[] } | 'workspace';
  readonly defaultSeverity: Severity;
  readonly enabledByDefault: boolean;
  readonly pss: PssMeta | null;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<string, Localized>>;
}

export interface Report {
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Path from the resource root to the offending (or missing) node. */
  readonly path: PropertyPath;
  readonly target?: Target;
  /** Declarative fixes; their paths, like `path`, start at the resource root. */
  readonly fixes?: readonly Fix[];
  /** Other places the finding involves (LSP relatedInformation), possibly in other files. */
  readonly related?: readonly RelatedReport[];
  /**
   * For a restricted rule that replaces a baseline rule (`pss.overrides`): this finding also breaks
   * baseline, so it keeps the baseline rule's severity when that is higher (see engine/analyze.ts).
   */
  readonly breaksBaseline?: boolean;
}

/** A second place of a finding: a node of some resource, and (by message id) what it is. */
export interface RelatedReport {
  readonly resource: Resource;
  /** Path from that resource's root. */
  readonly path: PropertyPath;
  readonly target?: Target;
  /** A message of the same rule that says what this place is; without it, the finding's message. */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** What a workspace rule reports: a report that also names the resource it sits on. */
export interface WorkspaceReport extends Report {
  readonly resource: Resource;
}

/** What every rule is told: the policy level and version, the clock, sensitivity. */
export interface BaseRuleContext {
  readonly level: PodSecurityLevel;
  /** The Kubernetes minor version the policy is evaluated at (latest is the newest we know). */
  readonly minorVersion: number;
  /** The time findings are judged at (epoch milliseconds), e.g. for certificate expiry. */
  readonly now: number;
  /** Whether the configuration marks this workload as sensitive (see model/sensitivity.ts). */
  isSensitive(resource: Resource): boolean;
}

export interface RuleContext extends BaseRuleContext {
  /**
   * The resources analyzed together with this one: the same file, and in a workspace analysis the
   * resources that would live beside it (its namespace, cluster-scoped resources; see
   * workspace/workspace-index.ts `relatedFor`).
   */
  readonly related: readonly Resource[];
  report(report: Report): void;
}

export interface WorkspaceRuleContext extends BaseRuleContext {
  /**
   * False for resources whose findings nobody asked for (a live check asks for one file only):
   * a rule may skip its work for them. Reports on them are dropped anyway.
   */
  wants(resource: Resource): boolean;
  report(report: WorkspaceReport): void;
}

/** A rule that judges one resource at a time (scope: kinds). */
export interface ResourceRule extends RuleMeta {
  readonly scope: { readonly kinds: readonly string[] };
  check(context: RuleContext, resource: Resource): void;
}

/**
 * A rule that judges resources together (scope: workspace): it runs once over the index of every
 * resource of the workspace (one file when a file is analyzed alone) and reports on one resource,
 * with related places in others.
 */
export interface WorkspaceRule extends RuleMeta {
  readonly scope: 'workspace';
  /** The kinds it judges: with none of them in the workspace, its checklist items are not applicable. */
  readonly inputKinds: readonly string[];
  checkWorkspace(context: WorkspaceRuleContext, index: WorkspaceIndex): void;
}

export type Rule = ResourceRule | WorkspaceRule;

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule {
  return rule.scope === 'workspace';
}
