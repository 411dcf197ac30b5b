/**
 * The requests behind the editor's language model tools, a contract with the VS Code client and
 * any other LSP client (shapes in server/src/protocol/tool-types.ts):
 *
 * - `kubeChecklist/checkDocument`, params `ToolDocumentParams`, result `CheckDocumentResult`: the
 *   findings of an open document (its cached check, the one its diagnostics show) or of a given
 *   text, checked as if it lived at `uri` (that folder's settings and configuration), alone.
 * - `kubeChecklist/fixDocument`, params `FixDocumentParams`, result `FixDocumentResult`: the fixes
 *   fix-all applies (optionally only some rules, optionally with suggestions), as the one minimal
 *   edit on the checked text and as the fixed text, with what the fixed text still has. It changes
 *   nothing itself: the client applies the edit (after asking the user) or hands the text back.
 * - `kubeChecklist/explainRule`, params `{ ruleId }`, result `ExplainRuleResult`: the rule's section
 *   of docs/rules.md in the session's language; for an unknown id, the ids that exist.
 *
 * Parameters of the wrong shape fail with InvalidParams (-32602), as the audit's do.
 */
import { Connection, ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixEdit, Finding, Locale, redactSecrets, renderFixTitle, renderMessage, ruleById, ruleDocsUrl, RULES } from '../core';
import { formatRuleMarkdown } from '../report/rules-format/markdown';
import {
  CHECK_DOCUMENT_METHOD,
  EXPLAIN_RULE_METHOD,
  FIX_DOCUMENT_METHOD,
  type CheckDocumentResult,
  type ExplainRuleParams,
  type ExplainRuleResult,
  type FixDocumentParams,
  type FixDocumentResult,
  type ToolDocumentParams,
  type ToolFinding,
  type ToolUncheckedReason,
} from '../protocol/tool-types';
import { chosenFixes } from './code-actions';
import type { DocumentCheck, DocumentChecker } from './document-checker';
import type { Served } from './feature-handlers';
import { lspMessage } from './lsp-messages';
import { workspaceMessage } from './workspace-messages';

export * from '../protocol/tool-types';

export const CheckDocumentRequest = new RequestType<ToolDocumentParams, CheckDocumentResult, void>(CHECK_DOCUMENT_METHOD);
export const FixDocumentRequest = new RequestType<FixDocumentParams, FixDocumentResult, void>(FIX_DOCUMENT_METHOD);
export const ExplainRuleRequest = new RequestType<ExplainRuleParams, ExplainRuleResult, void>(EXPLAIN_RULE_METHOD);

/** Where a text handed over without a URI is taken to live: no folder, so the defaults apply. */
const LOOSE_TEXT_URI = { yaml: 'untitled:kube-checklist-tool.yaml', json: 'untitled:kube-checklist-tool.json' } as const;

export interface ToolRequestHost {
  readonly connection: Connection;
  readonly checker: DocumentChecker;
  readonly served: Served;
  locale(): Locale;
}

export function registerToolRequests(host: ToolRequestHost): void {
  const { connection, checker, served } = host;
  connection.onRequest(CheckDocumentRequest, served(async (params) => {
    const checked = await checkOf(checker, checkDocumentParams(params, CHECK_DOCUMENT_METHOD, host.locale()));
    if (checked.check?.kind !== 'checked') return { uri: checked.uri, checked: false, reason: reasonOf(checked.check), findings: [], suppressed: 0 };
    const { document, analysis } = checked.check;
    return { uri: checked.uri, checked: true, findings: toolFindings(document, analysis.result.findings, host.locale()), suppressed: analysis.result.suppressed.length };
  }));
  connection.onRequest(FixDocumentRequest, served((params) => fixDocument(checker, checkFixParams(params, host.locale()), host.locale())));
  connection.onRequest(ExplainRuleRequest, served((params) => explainRule(checkExplainParams(params, host.locale()), host.locale())));
}

/** The check a request asks for: the open document's own, or one of the given text. */
async function checkOf(checker: DocumentChecker, params: ToolDocumentParams): Promise<{ uri: string; check: DocumentCheck | undefined }> {
  const languageId = params.languageId === 'json' ? 'json' : 'yaml';
  const uri = params.uri ?? LOOSE_TEXT_URI[languageId];
  const open = params.uri !== undefined ? await checker.check(params.uri) : undefined;
  if (params.text === undefined || open?.document.getText() === params.text) return { uri, check: open };
  return { uri, check: await checker.checkText(TextDocument.create(uri, languageId, 0, params.text)) };
}

function reasonOf(check: DocumentCheck | undefined): ToolUncheckedReason {
  if (!check) return 'not-open';
  if (check.kind === 'configuration') return 'configuration';
  return check.kind === 'unchecked' && check.sizeLimit !== undefined ? 'too-large' : 'unchecked';
}

async function fixDocument(checker: DocumentChecker, params: FixDocumentParams, locale: Locale): Promise<FixDocumentResult> {
  const { uri, check } = await checkOf(checker, params);
  if (check?.kind !== 'checked') return { uri, checked: false, reason: reasonOf(check), applied: [], edit: null, text: null, remaining: [] };
  const { document, analysis } = check;
  const chosen = chosenFixes(analysis.result.findings, { ruleIds: params.ruleIds && new Set(params.ruleIds), includeSuggestions: params.includeSuggestions === true });
  const text = analysis.source.text;
  const edit = fixEdit(text, chosen.map(({ fix }) => fix));
  if (!edit) return { uri, checked: true, applied: [], edit: null, text: null, remaining: toolFindings(document, analysis.result.findings, locale) };
  const fixedText = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  const after = await checker.checkText(TextDocument.create(uri, document.languageId, document.version + 1, fixedText));
  return {
    uri,
    checked: true,
    applied: chosen.map(({ finding, fix }) => ({ ruleId: finding.ruleId, title: renderFixTitle(fix.fix.title, locale), tier: fix.fix.tier })),
    edit: { range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.newText },
    text: fixedText,
    remaining: after.kind === 'checked' ? toolFindings(after.document, after.analysis.result.findings, locale) : [],
  };
}

function explainRule(params: ExplainRuleParams, locale: Locale): ExplainRuleResult {
  const rule = ruleById(params.ruleId);
  if (rule) return { ruleId: rule.id, found: true, markdown: formatRuleMarkdown(rule, locale) };
  const ids = RULES.map((known) => known.id).sort().join(', ');
  return { ruleId: params.ruleId, found: false, markdown: lspMessage('unknownRule', locale, { ruleId: redactSecrets(params.ruleId), ids }) };
}

function toolFindings(document: TextDocument, findings: readonly Finding[], locale: Locale): ToolFinding[] {
  return findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: renderMessage(finding, locale),
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    resource: {
      kind: finding.resource.kind,
      name: finding.resource.name === undefined ? null : redactSecrets(finding.resource.name),
      namespace: finding.resource.namespace === undefined ? null : redactSecrets(finding.resource.namespace),
    },
    checklist: [...(ruleById(finding.ruleId)?.checklist ?? [])],
    docsUrl: ruleDocsUrl(finding.ruleId),
    fixes: finding.fixes.filter((fix) => !fix.newFile).map((fix) => ({ title: renderFixTitle(fix.title, locale), tier: fix.tier })),
  }));
}

function invalid(field: string, method: string, locale: Locale): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, workspaceMessage('invalidParams', locale, { field, method }));
}

function fieldsOf(params: unknown, method: string, locale: Locale): Record<string, unknown> {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) throw invalid('params', method, locale);
  return params as Record<string, unknown>;
}

/** A document request's parameters, checked: a URI or a text (or both), a known language. */
function checkDocumentParams(params: unknown, method: string, locale: Locale): ToolDocumentParams {
  const { uri, text, languageId } = fieldsOf(params, method, locale);
  if (uri !== undefined && (typeof uri !== 'string' || !uri)) throw invalid('uri', method, locale);
  if (text !== undefined && typeof text !== 'string') throw invalid('text', method, locale);
  if (uri === undefined && text === undefined) throw invalid('uri', method, locale);
  if (languageId !== undefined && languageId !== 'yaml' && languageId !== 'json') throw invalid('languageId', method, locale);
  return params as ToolDocumentParams;
}

function checkFixParams(params: unknown, locale: Locale): FixDocumentParams {
  const checked = checkDocumentParams(params, FIX_DOCUMENT_METHOD, locale) as FixDocumentParams;
  if (checked.ruleIds !== undefined && !(Array.isArray(checked.ruleIds) && checked.ruleIds.every((id) => typeof id === 'string'))) throw invalid('ruleIds', FIX_DOCUMENT_METHOD, locale);
  if (checked.includeSuggestions !== undefined && typeof checked.includeSuggestions !== 'boolean') throw invalid('includeSuggestions', FIX_DOCUMENT_METHOD, locale);
  return checked;
}

function checkExplainParams(params: unknown, locale: Locale): ExplainRuleParams {
  const { ruleId } = fieldsOf(params, EXPLAIN_RULE_METHOD, locale);
  if (typeof ruleId !== 'string' || !ruleId) throw invalid('ruleId', EXPLAIN_RULE_METHOD, locale);
  return { ruleId };
}
