/**
 * The language server: keeps the open documents, reads settings per document, and publishes
 * diagnostics on open, on change and when settings change. Work for a document is coalesced so a
 * burst of keystrokes analyzes only the newest text, and results for a stale version are dropped.
 */
import {
  Connection,
  DidChangeConfigurationNotification,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeSource, Locale, parseSourceFile, pickLocale } from '../core';
import { toDiagnostic } from './diagnostics';
import { DEFAULT_SETTINGS, readSettings, ServerSettings, SETTINGS_SECTION } from './settings';

/** Documents larger than this are not analyzed while typing; the CLI audit still covers them. */
const MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;
const ANALYZED_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
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
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
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
    const pushed = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (pushed !== undefined) pushedSettings = readSettings(pushed);
    documents.all().forEach(schedule);
  });

  // The client watches configuration files; any change may alter what every open document shows.
  connection.onDidChangeWatchedFiles(() => {
    settingsCache.clear();
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
    const result = analyzeSource(parseSourceFile(text), settings.options);
    for (const failure of result.ruleFailures) {
      if (reportedFailures.has(failure.ruleId)) continue;
      reportedFailures.add(failure.ruleId);
      connection.console.error(`rule ${failure.ruleId} failed and was skipped: ${failure.message}`);
    }
    const diagnostics = result.findings.map((finding) => toDiagnostic(current, finding, locale));
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  documents.onDidOpen((event) => schedule(event.document));
  documents.onDidChangeContent((event) => schedule(event.document));
  documents.onDidClose((event) => {
    const previous = pending.get(event.document.uri);
    if (previous) clearImmediate(previous);
    pending.delete(event.document.uri);
    settingsCache.delete(event.document.uri);
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
