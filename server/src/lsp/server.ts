/**
 * The language server: keeps the open documents, reads settings per document, and publishes
 * diagnostics on open, on change and when settings change. Work for a document is coalesced so a
 * burst of keystrokes analyzes only the newest text, and results for a stale version are dropped.
 */
import {
  CodeActionKind,
  Connection,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DIRECTIVE_PROBLEM_CODE, Locale, pickLocale, renderDirectiveProblem, ruleDocsUrl } from '../core';
import { AnalysisCache, DocumentAnalysis } from './analysis-cache';
import { APPLY_FIX_ALL_COMMAND, codeActionsFor, fixAllAction, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './code-actions';
import { DIAGNOSTIC_SOURCE, toDiagnostic } from './diagnostics';
import { hoverAt } from './hover';
import { lspMessage } from './lsp-messages';
import { DEFAULT_SETTINGS, readSettings, ServerSettings, SETTINGS_SECTION } from './settings';

/** Documents larger than this are not analyzed while typing; the CLI audit still covers them. */
const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;
const ANALYZED_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const pending = new Map<string, NodeJS.Immediate>();
  const reportedFailures = new Set<string>();
  const oversizeNoticeSent = new Set<string>();
  let locale: Locale = 'en';
  let pullConfiguration = false;
  let pushedSettings: ServerSettings = DEFAULT_SETTINGS;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: string };
    locale = pickLocale(options.locale ?? params.locale);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_DOCS_COMMAND, APPLY_FIX_ALL_COMMAND] },
      },
      serverInfo: { name: 'kube-checklist', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    analyses.clear();
    const pushed = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (pushed !== undefined) pushedSettings = readSettings(pushed);
    documents.all().forEach(schedule);
  });

  // The client watches configuration files; any change may alter what every open document shows.
  connection.onDidChangeWatchedFiles(() => {
    settingsCache.clear();
    analyses.clear();
    documents.all().forEach(schedule);
  });

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!pullConfiguration) return Promise.resolve(pushedSettings);
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = connection.workspace
        .getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
        .then(readSettings, () => DEFAULT_SETTINGS);
      settingsCache.set(uri, settings);
    }
    return settings;
  }

  function schedule(document: TextDocument): void {
    const previous = pending.get(document.uri);
    if (previous) clearImmediate(previous);
    pending.set(
      document.uri,
      setImmediate(() => {
        pending.delete(document.uri);
        void validate(document.uri);
      }),
    );
  }

  async function validate(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await settingsFor(uri);
    const current = documents.get(uri);
    if (!current || current.version !== version) return;
    if (!settings.enable || !isManifestCandidate(current)) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const text = current.getText();
    if (text.length > MAX_DOCUMENT_LENGTH) {
      if (!oversizeNoticeSent.has(uri)) {
        oversizeNoticeSent.add(uri);
        connection.console.info(`${uri}: ${text.length} characters, over the ${MAX_DOCUMENT_LENGTH} limit for live checks; run the audit instead.`);
      }
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const { result } = analyses.analyze(current, settings.options);
    for (const failure of result.ruleFailures) {
      if (reportedFailures.has(failure.ruleId)) continue;
      reportedFailures.add(failure.ruleId);
      connection.console.error(`rule ${failure.ruleId} failed and was skipped: ${failure.message}`);
    }
    const diagnostics = result.findings.map((finding) => toDiagnostic(current, finding, locale));
    for (const problem of result.directiveProblems) {
      diagnostics.push({
        range: { start: current.positionAt(problem.start), end: current.positionAt(problem.end) },
        severity: DiagnosticSeverity.Warning,
        code: DIRECTIVE_PROBLEM_CODE,
        source: DIAGNOSTIC_SOURCE,
        message: renderDirectiveProblem(problem, locale),
      });
    }
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /** The analysis of the document's current text (computed now if the last one is stale). */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: DocumentAnalysis } | undefined> {
    const document = documents.get(uri);
    if (!document || !isManifestCandidate(document) || document.getText().length > MAX_DOCUMENT_LENGTH) return undefined;
    const settings = await settingsFor(uri);
    if (!settings.enable) return undefined;
    const latest = documents.get(uri);
    if (!latest || latest.version !== document.version) return undefined;
    return { document, analysis: analyses.current(document) ?? analyses.analyze(document, settings.options) };
  }

  connection.onHover(async (params) => {
    const target = await analysisOf(params.textDocument.uri);
    if (!target) return null;
    return hoverAt(target.document, target.analysis, target.document.offsetAt(params.position), locale);
  });

  connection.onCodeAction(async (params) => {
    const target = await analysisOf(params.textDocument.uri);
    if (!target) return [];
    return codeActionsFor(params, target.document, target.analysis, locale);
  });

  connection.onExecuteCommand(async (params) => {
    if (params.command === SHOW_DOCS_COMMAND && typeof params.arguments?.[0] === 'string') {
      await connection.window.showDocument({ uri: ruleDocsUrl(params.arguments[0]), external: true });
      return;
    }
    if (params.command === APPLY_FIX_ALL_COMMAND && typeof params.arguments?.[0] === 'string') {
      const target = await analysisOf(params.arguments[0]);
      const action = target && fixAllAction(target.document, target.analysis, locale);
      if (!action?.edit) {
        void connection.window.showInformationMessage(lspMessage('nothingToFix', locale));
        return;
      }
      await connection.workspace.applyEdit({ label: action.title, edit: action.edit });
    }
  });

  documents.onDidOpen((event) => schedule(event.document));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidClose((event) => {
    const previous = pending.get(event.document.uri);
    if (previous) clearImmediate(previous);
    pending.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
    analyses.delete(event.document.uri);
    oversizeNoticeSent.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

function isManifestCandidate(document: TextDocument): boolean {
  return ANALYZED_LANGUAGES.has(document.languageId) || /\.(ya?ml|json)$/i.test(document.uri);
}

declare const __KUBE_CHECKLIST_VERSION__: string | undefined;
const SERVER_VERSION = typeof __KUBE_CHECKLIST_VERSION__ === 'string' ? __KUBE_CHECKLIST_VERSION__ : '0.0.0-dev';
