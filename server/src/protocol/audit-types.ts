/**
 * The shapes of the workspace-audit requests (`kubeChecklist/auditWorkspace`,
 * `kubeChecklist/exportAuditReport`): plain data and method names with no imports, so the server,
 * the VS Code client and any other LSP client share one definition. server/src/lsp/audit-protocol.ts
 * documents the behaviour and builds the typed requests of the server side.
 */
export const AUDIT_WORKSPACE_METHOD = 'kubeChecklist/auditWorkspace';
export const EXPORT_AUDIT_METHOD = 'kubeChecklist/exportAuditReport';
/** Client → server notification: the user has granted the workspace trust (renderers may run). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'kubeChecklist/workspaceTrusted';

export const AUDIT_RESULT_VERSION = 1;

export interface AuditWorkspaceParams {
  readonly workDoneToken?: number | string;
  /** Workspace folder URIs to audit; all folders when absent. */
  readonly folders?: readonly string[];
}

export interface AuditPosition {
  readonly line: number;
  readonly character: number;
}

export interface AuditRange {
  readonly start: AuditPosition;
  readonly end: AuditPosition;
}

export interface AuditRelated {
  readonly uri: string;
  readonly range: AuditRange;
  readonly message: string;
}

export interface AuditFinding {
  /** Index in `findings`; checklist items refer to findings by it. */
  readonly id: number;
  readonly uri: string;
  /** Folder-relative path with forward slashes (prefixed by the folder name when there are several). */
  readonly path: string;
  /** 0-based, UTF-16, as LSP counts. */
  readonly range: AuditRange;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly ruleId: string;
  readonly message: string;
  readonly checklist: readonly string[];
  readonly docsUrl: string;
  readonly resource: { readonly apiVersion: string; readonly kind: string; readonly name: string | null; readonly namespace: string | null };
  readonly related: readonly AuditRelated[];
}

export type AuditItemStatus = 'pass' | 'fail' | 'manual' | 'not-applicable' | 'not-evaluated';

export interface AuditItem {
  readonly id: string;
  readonly summary: string;
  /** How far files can verify it (items.yaml `check`). */
  readonly check: string;
  readonly status: AuditItemStatus;
  readonly findings: number;
  readonly suppressed: number;
  /** Active rules covering the item. */
  readonly rules: readonly string[];
  readonly findingIds: readonly number[];
  /** What a person must verify (every item has some; the view shows it where files cannot settle it). */
  readonly guidance: string | null;
  /** Where the evidence that judged it came from, localized ("Evidence from: the CNI install"); null when not judged. */
  readonly evidence: string | null;
  readonly url: string;
}

export interface AuditSection {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly items: readonly AuditItem[];
}

export interface AuditStats {
  /** YAML and JSON files found (after exclusions). */
  readonly files: number;
  /** Files holding Kubernetes resources. */
  readonly manifests: number;
  readonly resources: number;
  readonly findings: number;
  readonly suppressed: number;
  readonly bySeverity: Readonly<Record<'error' | 'warning' | 'info' | 'hint', number>>;
  /** Files read from disk by this audit (the others were indexed and unchanged). */
  readonly read: number;
  readonly skipped: { readonly tooLarge: number; readonly binary: number; readonly unreadable: number };
  readonly durationMs: number;
}

/** A Kustomize overlay or Helm chart of the audit: rendered, failed (with the tool's reason), or no tool found. */
export interface AuditRender {
  /** Folder-relative directory ('.' for a missing tool). */
  readonly directory: string;
  readonly tool: 'kustomize' | 'helm';
  readonly status: 'rendered' | 'failed' | 'no-tool' | 'untrusted';
  readonly reason?: string;
}

/** A `.kube-checklist.yaml` suppression that no longer holds. */
export interface AuditSuppressionProblem {
  /** The configuration file. */
  readonly uri: string;
  readonly path: string;
  /** The suppression's place in the file (its `rule`). */
  readonly range: AuditRange;
  /** Its index in `suppressions` (0-based). */
  readonly index: number;
  readonly rule: string;
  /** `unused`: it applied to audited files but matched no finding; `expired`: it matched one after its `expires` day, so the finding is reported. */
  readonly problem: 'unused' | 'expired';
  readonly expires?: string;
}

/** Exceptions that no longer hold, as `kube-checklist audit` warns about them. */
export interface AuditExceptions {
  readonly suppressions: readonly AuditSuppressionProblem[];
  /** The baseline of each folder that sets `kubeChecklist.baseline`: its entries, those that held a finding, those gone. */
  readonly baselines: readonly { readonly path: string; readonly entries: number; readonly held: number; readonly gone: number }[];
}

export interface AuditResult {
  readonly version: typeof AUDIT_RESULT_VERSION;
  readonly locale: string;
  readonly folders: readonly { readonly uri: string; readonly name: string }[];
  readonly level: string;
  readonly kubernetesVersion: string;
  readonly stats: AuditStats;
  readonly findings: readonly AuditFinding[];
  readonly checklist: readonly AuditSection[];
  readonly skippedFiles: readonly { readonly uri: string; readonly path: string; readonly reason: 'too-large' | 'binary' | 'unreadable' }[];
  readonly ruleFailures: readonly { readonly ruleId: string; readonly message: string }[];
  /** What was rendered (trusted workspaces only; empty when nothing was to render). */
  readonly renders?: readonly AuditRender[];
  /** Formats `kubeChecklist/exportAuditReport` accepts. */
  readonly exportFormats: readonly string[];
  /** Suppressions that matched nothing or expired, and baseline entries that are gone. */
  readonly exceptions?: AuditExceptions;
  /** The `.kube-checklist.yaml` files that applied, with the policy each gives (the header's level is the folders' own). */
  readonly configurations?: readonly { readonly uri: string; readonly path: string; readonly level: string; readonly kubernetesVersion: string }[];
}

export interface ExportAuditParams {
  readonly format: string;
}

export interface ExportAuditResult {
  readonly format: string;
  /** A file name to suggest, e.g. `kube-checklist-audit.sarif`. */
  readonly fileName: string;
  readonly content: string;
}
