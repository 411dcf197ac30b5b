/**
 * The audit report model that every output format renders (the audit that builds it is
 * host/audit.ts): files with their findings, suppressed findings and kinds, totals, the
 * scorecard and the warnings of the run. Ranges are 0-based UTF-16 line/character (as LSP counts
 * them; formats that want 1-based add one). Formats never parse or read files.
 */
import { EvidenceSource, Finding, Rule, RuleSelection, Severity, SEVERITIES, ShardSpec } from '../core';
import type { ScorecardEntry } from './scorecard';
import type { Warn, WarningLocation } from './warning';

export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based column in UTF-16 code units. */
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** Another place a finding involves (the Namespace of a workload, the Role of a binding ...). */
export interface RelatedReport {
  /** Display path of the file holding it. */
  readonly path: string;
  readonly range: Range;
  readonly message: string;
}

export interface ReportedFinding {
  readonly finding: Finding;
  readonly rule: Rule;
  readonly range: Range;
  readonly related: readonly RelatedReport[];
  /** The fingerprint a shard's JSON carried (merge): formats use it instead of computing one. */
  readonly fingerprint?: string;
}

export interface SuppressedReport extends ReportedFinding {
  readonly reason: string;
  readonly by: 'comment' | 'annotation' | 'config' | 'baseline';
}

export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  readonly path: string;
  readonly resourceCount: number;
  /** The kinds of the resources checked in the file, sorted, each once. */
  readonly kinds: readonly string[];
  /** The kinds of those that run or configure a control-plane component (static Pods, kubeadm ...). */
  readonly controlPlaneKinds: readonly string[];
  /** The evidence sources besides `manifest` its resources belong to (the CNI ...), sorted. */
  readonly evidence: readonly EvidenceSource[];
  /** By position. */
  readonly findings: readonly ReportedFinding[];
  /** Findings a suppression with a reason covers: counted and shown on request, never lost. */
  readonly suppressed: readonly SuppressedReport[];
}

export interface AuditTotals {
  readonly findings: number;
  readonly bySeverity: Readonly<Record<Severity, number>>;
  /** Files read and parsed (skipped and unreadable files are not counted). */
  readonly files: number;
  readonly filesWithFindings: number;
  readonly resources: number;
  readonly suppressed: number;
}

/** A warning of the run (what could not be checked), as it went to standard error. */
export interface AuditNotification extends WarningLocation {
  /** Localized, without source text (see warnings.ts). */
  readonly text: string;
}

export interface AuditReport {
  /** Every file checked, in path order. */
  readonly files: readonly FileReport[];
  readonly selection: RuleSelection;
  readonly scorecard: readonly ScorecardEntry[];
  readonly totals: AuditTotals;
  /** The warnings of the run, in the order they were given (see `recordWarnings`). */
  readonly notifications: readonly AuditNotification[];
  /** The `.kube-checklist.yaml` files that applied to the inputs, with the policy each gives. */
  readonly configurations?: readonly UsedConfiguration[];
  /** Findings left out of the listing by `--min-severity` (they still count for the exit status and the scorecard). */
  readonly hidden?: { readonly below: Severity; readonly count: number };
  /** The shard of `audit --shard I/N` this report is, if it is one. */
  readonly shard?: ShardSpec;
}

export interface UsedConfiguration {
  /** Its path as the report shows paths. */
  readonly display: string;
  readonly level: string;
  /** `latest` or `v1.NN`. */
  readonly kubernetesVersion: string;
}

/**
 * The report as printed under `--min-severity`: findings below it are left out of the listing and
 * the totals, and counted in `hidden`. The scorecard stays that of every finding: an item does not
 * pass because its findings are not printed.
 */
export function withMinSeverity(report: AuditReport, minimum: Severity): AuditReport {
  const threshold = severityRank(minimum);
  let count = 0;
  const files = report.files.map((file) => {
    const shown = file.findings.filter(({ finding }) => severityRank(finding.severity) >= threshold);
    count += file.findings.length - shown.length;
    return shown.length === file.findings.length ? file : { ...file, findings: shown };
  });
  return { ...report, files, totals: totalsOf(files), hidden: { below: minimum, count } };
}

/**
 * A `Warn` that keeps a copy of every warning before passing it on, so that the formats that carry
 * them (SARIF notifications, the Markdown scorecard) can list what was not checked.
 */
export function recordWarnings(inner: Warn): { readonly warn: Warn; readonly notifications: AuditNotification[] } {
  const notifications: AuditNotification[] = [];
  const warn: Warn = (text, location = {}) => {
    notifications.push({ text, ...location });
    inner(text, location);
  };
  return { warn, notifications };
}

export function totalsOf(files: readonly FileReport[]): AuditTotals {
  const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
  let findings = 0;
  let resources = 0;
  let filesWithFindings = 0;
  for (const file of files) {
    resources += file.resourceCount;
    if (file.findings.length > 0) filesWithFindings++;
    for (const { finding } of file.findings) {
      findings++;
      bySeverity[finding.severity]++;
    }
  }
  return { findings, bySeverity, files: files.length, filesWithFindings, resources, suppressed: files.reduce((sum, file) => sum + file.suppressed.length, 0) };
}

/** The rank of a severity, highest first: error 4, warning 3, info 2, hint 1. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}
