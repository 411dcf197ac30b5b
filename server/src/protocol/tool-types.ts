/**
 * The shapes of the requests behind the editor's language model tools (`kubeChecklist/checkDocument`,
 * `kubeChecklist/fixDocument`, `kubeChecklist/explainRule`): plain data and method names with no
 * imports, so the server, the VS Code client and any other LSP client share one definition.
 * server/src/lsp/tool-requests.ts documents the behaviour and answers them with the same document
 * checker, quick fixes and rule documentation as diagnostics, code actions and hover.
 */
export const CHECK_DOCUMENT_METHOD = 'kubeChecklist/checkDocument';
export const FIX_DOCUMENT_METHOD = 'kubeChecklist/fixDocument';
export const EXPLAIN_RULE_METHOD = 'kubeChecklist/explainRule';

/** Which text to check: an open document (`uri`), or `text` (checked as if it lived at `uri`). */
export interface ToolDocumentParams {
  /** The document's URI; with `text`, where that text would live (its folder's settings and configuration apply). */
  readonly uri?: string;
  /** Text to check instead of the open document's; a document open with exactly this text reuses its check. */
  readonly text?: string;
  /** `yaml` (default) or `json`. */
  readonly languageId?: string;
}

export interface ToolPosition {
  readonly line: number;
  readonly character: number;
}

export interface ToolRange {
  readonly start: ToolPosition;
  readonly end: ToolPosition;
}

export interface ToolFinding {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info' | 'hint';
  readonly message: string;
  /** 0-based, UTF-16, as LSP counts. */
  readonly range: ToolRange;
  readonly resource: { readonly kind: string; readonly name: string | null; readonly namespace: string | null };
  readonly checklist: readonly string[];
  readonly docsUrl: string;
  /** The mechanical edits the finding offers: `fix` is safe (fix-all applies it), `suggestion` may change behaviour. */
  readonly fixes: readonly { readonly title: string; readonly tier: 'fix' | 'suggestion' }[];
}

/** Why a text was not checked: a `.kube-checklist.yaml`, checks off, not a manifest, excluded, over the size limit, or no such open document. */
export type ToolUncheckedReason = 'configuration' | 'unchecked' | 'too-large' | 'not-open';

export interface CheckDocumentResult {
  readonly uri: string;
  readonly checked: boolean;
  readonly reason?: ToolUncheckedReason;
  readonly findings: readonly ToolFinding[];
  /** Findings hidden by suppressions (comments, annotations, the configuration). */
  readonly suppressed: number;
}

export interface FixDocumentParams extends ToolDocumentParams {
  /** Only the findings of these rules; every rule when absent. */
  readonly ruleIds?: readonly string[];
  /** Also apply the first suggestion of findings without a safe fix (they may change behaviour). */
  readonly includeSuggestions?: boolean;
}

export interface FixDocumentResult {
  readonly uri: string;
  readonly checked: boolean;
  readonly reason?: ToolUncheckedReason;
  /** The fixes applied, in order. */
  readonly applied: readonly { readonly ruleId: string; readonly title: string; readonly tier: 'fix' | 'suggestion' }[];
  /** The one minimal edit on the checked text; null when nothing was fixed. */
  readonly edit: { readonly range: ToolRange; readonly newText: string } | null;
  /** The whole fixed text (null when nothing was fixed). */
  readonly text: string | null;
  /** What the fixed text still has, checked the same way. */
  readonly remaining: readonly ToolFinding[];
}

export interface ExplainRuleParams {
  readonly ruleId: string;
}

export interface ExplainRuleResult {
  readonly ruleId: string;
  readonly found: boolean;
  /** The rule's documentation (the section of docs/rules.md), or what to ask instead when unknown. */
  readonly markdown: string;
}
