/**
 * The handlers that act on findings: hover, code actions (quick fixes, fix-all, ignore and
 * disable), and the commands behind them (show a rule's documentation, apply fix-all). Each reads
 * the document checker's result of the current text, the one the diagnostics were made from, so a
 * finding that is suppressed, excluded or quieted on a patch is neither explained nor fixed.
 */
import type { Connection, ResponseError } from 'vscode-languageserver/node';
import { Locale, ruleDocsUrl } from '../core';
import { APPLY_FIX_ALL_COMMAND, codeActionsFor, fixAllAction, SHOW_DOCS_COMMAND } from './code-actions';
import type { DocumentChecker } from './document-checker';
import { hoverAt } from './hover';
import { lspMessage } from './lsp-messages';

/** Wraps a request handler so it refuses to serve once the server was asked to shut down. */
export type Served = <P, T, R>(handler: (params: P, token: T) => R) => (params: P, token: T) => R | ResponseError<void>;

export interface FeatureHost {
  readonly connection: Connection;
  readonly checker: DocumentChecker;
  readonly served: Served;
  locale(): Locale;
  /** The client applies WorkspaceEdits that create files. */
  createFiles(): boolean;
}

export function registerFeatureHandlers(host: FeatureHost): void {
  const { connection, checker, served } = host;

  connection.onHover(served(async (params) => {
    const target = await checker.analysisOf(params.textDocument.uri);
    if (!target) return null;
    return hoverAt(target.document, target.analysis, target.document.offsetAt(params.position), host.locale());
  }));

  connection.onCodeAction(served(async (params) => {
    const target = await checker.analysisOf(params.textDocument.uri);
    if (!target) return [];
    return codeActionsFor(params, target.document, target.analysis, host.locale(), { createFiles: host.createFiles() });
  }));

  connection.onExecuteCommand(served(async (params) => {
    if (params.command === SHOW_DOCS_COMMAND && typeof params.arguments?.[0] === 'string') {
      await connection.window.showDocument({ uri: ruleDocsUrl(params.arguments[0]), external: true });
      return;
    }
    if (params.command === APPLY_FIX_ALL_COMMAND && typeof params.arguments?.[0] === 'string') {
      const target = await checker.analysisOf(params.arguments[0]);
      const action = target && fixAllAction(target.document, target.analysis, host.locale());
      if (!action?.edit) {
        void connection.window.showInformationMessage(lspMessage('nothingToFix', host.locale()));
        return;
      }
      await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
    }
  }));
}
