/**
 * Code actions: for each kube-checklist diagnostic in the request, its fixes and suggestions, "make
 * this workload meet restricted", ignore-for-this-resource (annotation), disable-for-this-line
 * (comment) and show-documentation; and `source.fixAll.kubeChecklist` with the safe fixes of the
 * whole file. Diagnostics are matched to findings of the current text by code and data, never by
 * message, so a stale diagnostic yields no action rather than a wrong edit.
 */
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit as LspTextEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentFix,
  EditOp,
  Finding,
  fixEdit,
  hardeningFixesAt,
  IGNORE_ANNOTATION,
  IGNORE_REASON_ANNOTATION,
  levelFixPlan,
  Locale,
  renderFixTitle,
  resourceBase,
} from '../core';
import type { DocumentAnalysis } from './analysis-cache';
import { DIAGNOSTIC_SOURCE, DiagnosticData } from './diagnostics';
import { lspMessage } from './lsp-messages';
import { newFileAction } from './new-file-action';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kubeChecklist`;
export const SHOW_DOCS_COMMAND = 'kube-checklist.showRuleDocs';
export const APPLY_FIX_ALL_COMMAND = 'kube-checklist.applyFixAll';

export interface CodeActionOptions {
  /** The client applies WorkspaceEdits that create files (fixes that add a new manifest). */
  readonly createFiles: boolean;
}

export function codeActionsFor(
  params: CodeActionParams,
  document: TextDocument,
  analysis: DocumentAnalysis,
  locale: Locale,
  options: CodeActionOptions = { createFiles: false },
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(FIX_ALL_KIND)) {
    const fixAll = fixAllAction(document, analysis, locale);
    if (fixAll) actions.push(fixAll);
  }
  if (wants(CodeActionKind.RefactorRewrite)) actions.push(...hardeningActions(params, document, analysis, locale));
  if (!wants(CodeActionKind.QuickFix)) return actions;
  for (const diagnostic of params.context.diagnostics) {
    const finding = findingFor(diagnostic, analysis, document);
    if (finding) actions.push(...quickFixes(diagnostic, finding, document, analysis, locale, options));
  }
  return actions;
}

function findingFor(diagnostic: Diagnostic, analysis: DocumentAnalysis, document: TextDocument): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const data = diagnostic.data as DiagnosticData | undefined;
  if (!data) {
    // `data` is optional in the protocol and some clients drop it: the rule id and the exact range
    // still identify the finding (a stale diagnostic matches nothing and gets no edit).
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    return analysis.result.findings.find((finding) => finding.ruleId === diagnostic.code && finding.start === start && finding.end === end);
  }
  if (data.ruleId !== diagnostic.code) return undefined;
  const path = JSON.stringify(data.path);
  return analysis.result.findings.find(
    (finding) => finding.ruleId === data.ruleId && finding.messageId === data.messageId && JSON.stringify(finding.path) === path,
  );
}

function editAction(title: string, kind: string, document: TextDocument, text: string, fixes: DocumentFix[], diagnostic?: Diagnostic): CodeAction | undefined {
  const edit = fixEdit(text, fixes);
  if (!edit) return undefined;
  const textEdit = LspTextEdit.replace({ start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, edit.newText);
  return { title, kind, diagnostics: diagnostic ? [diagnostic] : undefined, edit: { changes: { [document.uri]: [textEdit] } } };
}

function quickFixes(diagnostic: Diagnostic, finding: Finding, document: TextDocument, analysis: DocumentAnalysis, locale: Locale, options: CodeActionOptions): CodeAction[] {
  const text = analysis.source.text;
  const actions: CodeAction[] = [];
  for (const fix of finding.fixes) {
    if (fix.newFile) {
      const created = options.createFiles ? newFileAction(diagnostic, fix, document, text, locale) : undefined;
      if (created) actions.push(created);
      continue;
    }
    const action = editAction(renderFixTitle(fix.title, locale), CodeActionKind.QuickFix, document, text, [{ documentIndex: finding.documentIndex, fix }], diagnostic);
    if (!action) continue;
    if (fix.tier === 'fix') action.isPreferred = true;
    actions.push(action);
  }
  const level = meetLevelAction(diagnostic, finding, document, analysis, locale);
  if (level) actions.push(level);
  // A Dockerfile has no resource to annotate; the disable-line comment still applies.
  const ignore = analysis.source.dockerfile ? undefined : ignoreResourceAction(diagnostic, finding, document, analysis, locale);
  if (ignore) actions.push(ignore);
  actions.push(disableLineAction(diagnostic, finding, document, text, locale));
  actions.push({
    title: lspMessage('showDocs', locale, { ruleId: finding.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title: lspMessage('showDocs', locale, { ruleId: finding.ruleId }), command: SHOW_DOCS_COMMAND, arguments: [finding.ruleId] },
  });
  return actions;
}

/** At most this many changes are named in the combined fix's title; the others are counted. */
const CHANGES_IN_TITLE = 3;

/**
 * Every Pod Security fix of the resource in one edit (core/edits/level-fix.ts), titled by what it
 * changes; "partly" when findings no fix clears remain; never preferred, since it may change how
 * the workload runs.
 */
function meetLevelAction(diagnostic: Diagnostic, finding: Finding, document: TextDocument, analysis: DocumentAnalysis, locale: Locale): CodeAction | undefined {
  const plan = levelFixPlan(analysis.result.findings, finding);
  if (!plan) return undefined;
  const titles = [...new Set(plan.changes.map((title) => renderFixTitle(title, locale)))];
  const shown = titles.slice(0, CHANGES_IN_TITLE).join('; ');
  const changes = titles.length > CHANGES_IN_TITLE ? lspMessage('andMore', locale, { shown, count: String(titles.length - CHANGES_IN_TITLE) }) : shown;
  const data = { name: finding.resource.name ?? finding.resource.kind, level: analysis.options.level, changes };
  const title = plan.unfixable.length
    ? lspMessage('meetLevelPartly', locale, { ...data, rules: [...new Set(plan.unfixable.map((other) => other.ruleId))].join(', ') })
    : lspMessage(plan.changesBehaviour ? 'meetLevelBehaviour' : 'meetLevel', locale, data);
  return editAction(title, CodeActionKind.QuickFix, document, analysis.source.text, [...plan.fixes], diagnostic);
}

function ignoreResourceAction(diagnostic: Diagnostic, finding: Finding, document: TextDocument, analysis: DocumentAnalysis, locale: Locale): CodeAction | undefined {
  const base = resourceBase(finding.path);
  let value: unknown = analysis.source.documents[finding.documentIndex]?.toJS({ maxAliasCount: 1000 });
  for (const segment of base) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  const annotations = ((value as { metadata?: { annotations?: Record<string, unknown> } } | undefined)?.metadata?.annotations ?? {}) as Record<string, unknown>;
  const existing = typeof annotations[IGNORE_ANNOTATION] === 'string' ? (annotations[IGNORE_ANNOTATION] as string).split(/[\s,]+/).filter(Boolean) : [];
  const ops: EditOp[] = [{ op: 'set', path: [...base, 'metadata', 'annotations', IGNORE_ANNOTATION], value: [...new Set([...existing, finding.ruleId])].join(',') }];
  if (typeof annotations[IGNORE_REASON_ANNOTATION] !== 'string') {
    ops.push({ op: 'set', path: [...base, 'metadata', 'annotations', IGNORE_REASON_ANNOTATION], value: lspMessage('reasonPlaceholder', locale) });
  }
  const fix = { tier: 'suggestion' as const, title: { id: 'ignore' }, ops };
  return editAction(lspMessage('ignoreResource', locale, { ruleId: finding.ruleId }), CodeActionKind.QuickFix, document, analysis.source.text, [{ documentIndex: finding.documentIndex, fix }], diagnostic);
}

function disableLineAction(diagnostic: Diagnostic, finding: Finding, document: TextDocument, text: string, locale: Locale): CodeAction {
  const line = document.positionAt(finding.start).line;
  const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = `${indent}# kube-checklist-disable-next-line ${finding.ruleId} -- ${lspMessage('reasonPlaceholder', locale)}${eol}`;
  return {
    title: lspMessage('disableLine', locale, { ruleId: finding.ruleId }),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [LspTextEdit.insert({ line, character: 0 }, comment)] } },
  };
}

/** Hardening the cursor's container beyond the checklist (core/edits/hardening.ts), as refactorings. */
function hardeningActions(params: CodeActionParams, document: TextDocument, analysis: DocumentAnalysis, locale: Locale): CodeAction[] {
  const text = analysis.source.text;
  return hardeningFixesAt(analysis.source, document.offsetAt(params.range.start))
    .map((fix) => editAction(renderFixTitle(fix.fix.title, locale), CodeActionKind.RefactorRewrite, document, text, [fix]))
    .filter((action): action is CodeAction => action !== undefined);
}

/** Every safe fix of the file in one edit; undefined when there is none. */
export function fixAllAction(document: TextDocument, analysis: DocumentAnalysis, locale: Locale): CodeAction | undefined {
  const fixes = chosenFixes(analysis.result.findings).map((chosen) => chosen.fix);
  if (!fixes.length) return undefined;
  return editAction(lspMessage('fixAll', locale), FIX_ALL_KIND, document, analysis.source.text, fixes);
}

/** Which findings to fix and how far: fix-all takes every rule and safe fixes only. */
export interface FixChoice {
  /** Only findings of these rules; all when absent. */
  readonly ruleIds?: ReadonlySet<string>;
  /** A finding without a safe fix gets its first suggestion (it may change behaviour). */
  readonly includeSuggestions?: boolean;
}

/**
 * The one fix of each finding that fix-all (and the fix tool) applies: its safe fix, else, when
 * suggestions are wanted, its first suggestion; never a fix that creates a file (that needs its own
 * edit). The fixes of one file compose: each operation runs on the text the previous ones left.
 */
export function chosenFixes(findings: readonly Finding[], choice: FixChoice = {}): { finding: Finding; fix: DocumentFix }[] {
  const chosen: { finding: Finding; fix: DocumentFix }[] = [];
  for (const finding of findings) {
    if (choice.ruleIds && !choice.ruleIds.has(finding.ruleId)) continue;
    const inFile = finding.fixes.filter((candidate) => !candidate.newFile);
    const fix = inFile.find((candidate) => candidate.tier === 'fix') ?? (choice.includeSuggestions ? inFile[0] : undefined);
    if (fix) chosen.push({ finding, fix: { documentIndex: finding.documentIndex, fix } });
  }
  return chosen;
}
