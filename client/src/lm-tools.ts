/**
 * The language model tools the extension contributes (`contributes.languageModelTools`):
 * `kube-checklist_check`, `kube-checklist_fix` and `kube-checklist_explain`, so that an agent in
 * chat checks and fixes the manifests it writes with the same rules the user sees. Each is a thin
 * call into the running language server (tool-protocol.ts): the server's document checker, its
 * fix-all choice of fixes and its rule reference answer, so the tools cannot disagree with the
 * diagnostics, quick fixes or hover. Editing a file asks the user first (`confirmationMessages`)
 * and goes through a WorkspaceEdit on the open document, so it can be undone; a text handed over
 * is fixed and handed back, and changes nothing. The answers are JSON text for the model.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ServerController } from './server-controller';
import { CheckDocumentRequest, ExplainRuleRequest, FixDocumentRequest, type FixDocumentResult, type ToolDocumentParams } from './tool-protocol';

/** Tool names, as contributed in package.json. */
export const ToolNames = {
  check: 'kube-checklist_check',
  fix: 'kube-checklist_fix',
  explain: 'kube-checklist_explain',
} as const;

/** What the check and fix tools take: a file (path or URI), a text, or neither (the active editor). */
export interface DocumentInput {
  readonly file?: string;
  readonly text?: string;
  readonly languageId?: 'yaml' | 'json';
}

export interface FixInput extends DocumentInput {
  readonly ruleIds?: string[];
  readonly includeSuggestions?: boolean;
}

export interface ExplainInput {
  readonly ruleId: string;
}

/** Registers the tools where the editor has the API (VS Code 1.95 and later); none elsewhere. */
export function registerLanguageModelTools(controller: ServerController): vscode.Disposable[] {
  if (typeof vscode.lm?.registerTool !== 'function') return [];
  return [
    vscode.lm.registerTool<DocumentInput>(ToolNames.check, {
      prepareInvocation: ({ input }) => ({ invocationMessage: vscode.l10n.t('Checking {0} against the Kubernetes Security Checklist', targetLabel(input)) }),
      invoke: async ({ input }, token) => {
        const client = await runningClient(controller);
        const { params } = await documentParams(input);
        return jsonResult(await client.sendRequest(CheckDocumentRequest, params, token));
      },
    }),
    vscode.lm.registerTool<FixInput>(ToolNames.fix, {
      prepareInvocation: ({ input }) => fixPreparation(input),
      invoke: async ({ input }, token) => jsonResult(await fix(await runningClient(controller), input, token)),
    }),
    vscode.lm.registerTool<ExplainInput>(ToolNames.explain, {
      prepareInvocation: ({ input }) => ({ invocationMessage: vscode.l10n.t('Explaining the rule {0}', String(input.ruleId)) }),
      invoke: async ({ input }, token) => {
        const client = await runningClient(controller);
        const result = await client.sendRequest(ExplainRuleRequest, { ruleId: String(input.ruleId ?? '') }, token);
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.markdown)]);
      },
    }),
  ];
}

/** Editing a file needs the user's consent; fixing a given text changes nothing and does not ask. */
function fixPreparation(input: FixInput): vscode.PreparedToolInvocation {
  const label = targetLabel(input);
  if (input.text !== undefined) return { invocationMessage: vscode.l10n.t('Fixing the given manifest text') };
  const what = input.includeSuggestions
    ? vscode.l10n.t('The safe fixes and, where there is none, the first suggestion of each finding (suggestions may change how the workload runs).')
    : vscode.l10n.t('Only the safe fixes, the ones "Fix all" applies.');
  return {
    invocationMessage: vscode.l10n.t('Fixing {0}', label),
    confirmationMessages: {
      title: vscode.l10n.t('Apply Kubernetes Checklist fixes to {0}?', label),
      message: new vscode.MarkdownString(`${what}\n\n${vscode.l10n.t('The file is edited in the editor and not saved; Undo reverts it.')}`),
    },
  };
}

/** Fixes a text (and returns it) or an open document (and edits it, returning what was applied). */
async function fix(client: LanguageClient, input: FixInput, token: vscode.CancellationToken): Promise<FixDocumentResult> {
  const { params, document } = await documentParams(input);
  const version = document?.version;
  const result = await client.sendRequest(FixDocumentRequest, { ...params, ruleIds: input.ruleIds, includeSuggestions: input.includeSuggestions }, token);
  if (!document || !result.edit) return result;
  if (document.version !== version) throw new Error(vscode.l10n.t('{0} changed while it was being fixed; run the tool again.', targetLabel(input)));
  const edit = new vscode.WorkspaceEdit();
  const { start, end } = result.edit.range;
  edit.replace(document.uri, new vscode.Range(start.line, start.character, end.line, end.character), result.edit.newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('The fixes could not be applied to {0}.', targetLabel(input)));
  // The editor holds the new text now; the model needs what changed and what remains, not the text.
  return { ...result, text: null };
}

/**
 * The request's parameters: a text as given; a file through its document (opened if need be),
 * with its current text, so the server checks what the editor holds even before it has seen it.
 */
async function documentParams(input: DocumentInput): Promise<{ params: ToolDocumentParams; document?: vscode.TextDocument }> {
  const uri = input.file ? fileUri(input.file) : undefined;
  if (typeof input.text === 'string') return { params: { text: input.text, languageId: input.languageId, uri: uri?.toString() } };
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) throw new Error(vscode.l10n.t('No file is open: pass the file or the text to check.'));
  const languageId = document.languageId === 'json' || document.languageId === 'jsonc' ? 'json' : 'yaml';
  return { params: { uri: document.uri.toString(), text: document.getText(), languageId }, document };
}

/** A URI, an absolute path, or a path relative to the first workspace folder. */
function fileUri(file: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(file) || file.startsWith('untitled:')) return vscode.Uri.parse(file);
  if (path.isAbsolute(file)) return vscode.Uri.file(file);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, ...file.split(/[\\/]/)) : vscode.Uri.file(path.resolve(file));
}

function targetLabel(input: DocumentInput): string {
  if (input.text !== undefined) return vscode.l10n.t('the given text');
  if (input.file) return vscode.workspace.asRelativePath(fileUri(input.file));
  const active = vscode.window.activeTextEditor?.document;
  return active ? vscode.workspace.asRelativePath(active.uri) : vscode.l10n.t('the active file');
}

function jsonResult(value: unknown): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(value))]);
}

/** The running language client; the tool fails with a sentence for the model when there is none. */
async function runningClient(controller: ServerController): Promise<LanguageClient> {
  const client = await controller.runningClient();
  if (!client) throw new Error(vscode.l10n.t('The Kubernetes Checklist server is not running.'));
  return client;
}
