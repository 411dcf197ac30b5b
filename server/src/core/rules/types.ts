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
}

export interface RuleContext {
  readonly level: PodSecurityLevel;
  /** The Kubernetes minor version the policy is evaluated at (latest is the newest we know). */
  readonly minorVersion: number;
  /** Every resource analyzed together with this one (the same file; the workspace in an audit). */
  readonly related: readonly Resource[];
  /** The time findings are judged at (epoch milliseconds), e.g. for certificate expiry. */
  readonly now: number;
  /** Whether the configuration marks this workload as sensitive (see model/sensitivity.ts). */
  isSensitive(resource: Resource): boolean;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(context: RuleContext, resource: Resource): void;
}
