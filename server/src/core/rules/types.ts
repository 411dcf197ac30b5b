/**
 * The rule API, and the types rules and engine share. A rule is metadata (the single source of
 * diagnostics, hover, docs, the CLI listing and the scorecard) plus a pure `check` that reads a
 * resource and reports node paths, never ranges; rules are declared with `defineRule`
 * (define-rule.ts), which types their message ids. Pod Security Standards rules also say which
 * level and version range of the standard they implement, and which baseline rule they replace at
 * the restricted level. The engine imports these types; rules never import the engine, and get what
 * they need from it (the Pod Security evaluator) through their context.
 */
import type { Localized } from '../i18n/localized';
import type { PropertyPath } from '../model/values';
import type { Resource, ResourceIdentity } from '../model/resource';
import type { Fix } from '../edits/types';
import type { WorkspaceIndex } from '../workspace/workspace-index';
import type { DockerfileModel, DockerfileNode } from '../dockerfile/dockerfile-model';
import type { EvidenceSource } from '../model/evidence-source';

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
  readonly scope: { readonly kinds: readonly string[] } | 'workspace' | 'dockerfile';
  readonly defaultSeverity: Severity;
  readonly enabledByDefault: boolean;
  readonly pss: PssMeta | null;
  readonly docs: RuleDocs;
  readonly messages: Readonly<Record<string, Localized>>;
}

/** What a rule reports; `M` is the union of the rule's message ids, so a misspelled id does not compile. */
export interface Report<M extends string = string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Path from the resource root to the offending (or missing) node. */
  readonly path: PropertyPath;
  readonly target?: Target;
  /** Declarative fixes; their paths, like `path`, start at the resource root. */
  readonly fixes?: readonly Fix[];
  /** Other places the finding involves (LSP relatedInformation), possibly in other files. */
  readonly related?: readonly RelatedReport<M>[];
  /**
   * For a restricted rule that replaces a baseline rule (`pss.overrides`): this finding also breaks
   * baseline, so it keeps the baseline rule's severity when that is higher (see engine/analyze.ts).
   */
  readonly breaksBaseline?: boolean;
}

/** A second place of a finding: a node of some resource, and (by message id) what it is. */
export interface RelatedReport<M extends string = string> {
  readonly resource: Resource;
  /** Path from that resource's root. */
  readonly path: PropertyPath;
  readonly target?: Target;
  /** A message of the same rule that says what this place is; without it, the finding's message. */
  readonly messageId?: M;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** What a workspace rule reports: a report that also names the resource it sits on. */
export interface WorkspaceReport<M extends string = string> extends Report<M> {
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

export interface RuleContext<M extends string = string> extends BaseRuleContext {
  /**
   * The resources analyzed together with this one: the same file, and in a workspace analysis the
   * resources that would live beside it (its namespace, cluster-scoped resources; see
   * workspace/workspace-index.ts `relatedFor`).
   */
  readonly related: readonly Resource[];
  report(report: Report<M>): void;
}

export interface WorkspaceRuleContext<M extends string = string> extends BaseRuleContext {
  /**
   * False for resources whose findings nobody asked for (a live check asks for one file only):
   * a rule may skip its work for them. Reports on them are dropped anyway.
   */
  wants(resource: Resource): boolean;
  /** Checks workloads against a Pod Security level and version, as a namespace's PSA labels ask. */
  readonly podSecurity: PodSecurityEvaluator;
  report(report: WorkspaceReport<M>): void;
}

/**
 * The Pod Security Standards rules at a given level and version, whatever the configuration says,
 * run by the engine on a rule's request (the PSA namespace rules). The engine may remember results
 * per resource object for as long as its evaluator lives; a rule keeps no cache of its own.
 */
export interface PodSecurityEvaluator {
  /** The findings of the PSS rules of `level` at `version` (`latest` or `v1.N`) on one resource alone. */
  violations(resource: Resource, level: PodSecurityLevel, version: string): readonly Finding[];
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
  /** The one evidence source it reads, when not plain manifests: its items pass only with such a resource. */
  readonly evidence?: EvidenceSource;
  checkWorkspace(context: WorkspaceRuleContext, index: WorkspaceIndex): void;
}

/**
 * A rule over one Dockerfile (scope: dockerfile): it reads the stages of the parsed file and
 * reports a node of the syntax tree (an instruction, an argument, a flag, a property); one module
 * (dockerfile/locate-dockerfile.ts) turns that node into the finding's range.
 */
export interface DockerfileRule extends RuleMeta {
  readonly scope: 'dockerfile';
  check(context: DockerfileRuleContext, dockerfile: DockerfileModel): void;
}

/** What a Dockerfile rule reports: a node of the file and what is wrong with it. */
export interface DockerfileReport<M extends string = string> {
  readonly messageId: M;
  readonly data?: Readonly<Record<string, string | number>>;
  readonly node: DockerfileNode;
}

export interface DockerfileRuleContext<M extends string = string> {
  readonly level: PodSecurityLevel;
  readonly minorVersion: number;
  report(report: DockerfileReport<M>): void;
}

export type Rule = ResourceRule | WorkspaceRule | DockerfileRule;

/** A place in a document: a node path and the range the engine found for it. */
export interface Located {
  /** The file, in workspace analyses (absent when a file is analyzed alone). */
  readonly file?: string;
  /** Path from the document root (a List item's path includes `items`, i). */
  readonly path: PropertyPath;
  readonly target: Target;
  readonly start: number;
  readonly end: number;
  /** False when the reported field is missing and the range sits on its nearest ancestor. */
  readonly exact: boolean;
  readonly documentIndex: number;
  readonly resource: ResourceIdentity;
}

/** A rule's report located in its file: what every face of the tool shows. */
export interface Finding extends Located {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly severity: Severity;
  /** Fixes with paths from the document root, ready for the edits module. */
  readonly fixes: readonly Fix[];
  /** Other places the finding involves (LSP relatedInformation). */
  readonly related?: readonly FindingLocation[];
}

/** A related place of a finding, located like the finding itself. */
export interface FindingLocation extends Located {
  /** A message of the finding's rule that says what this place is. */
  readonly messageId?: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

/** A rule that threw: the others still report, and the caller logs this. */
export interface RuleFailure {
  readonly ruleId: string;
  readonly message: string;
}

export function isWorkspaceRule(rule: Rule): rule is WorkspaceRule {
  return rule.scope === 'workspace';
}

export function isDockerfileRule(rule: Rule): rule is DockerfileRule {
  return rule.scope === 'dockerfile';
}

/** A rule over single resources of some kinds (neither a workspace nor a Dockerfile rule). */
export function isResourceRule(rule: Rule): rule is ResourceRule {
  return typeof rule.scope === 'object';
}
