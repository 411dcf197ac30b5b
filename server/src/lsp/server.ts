/**
 * The language server: keeps the open documents, reads settings per document, and publishes
 * diagnostics on open, on change and when settings change. Work for a document is coalesced so a
 * burst of keystrokes analyzes only the newest text, and results for a stale version are dropped.
 * With workspace folders it also keeps the workspace index (workspace-service.ts): open documents
 * are checked within their workspace (related resources from other files, and the workspace rules
 * unless `workspaceRules.liveInEditor` is off), and the audit request (audit.ts) checks every file.
 */
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeSource, AnalysisResult, analyzeWorkspace, isWorkspaceRule, Locale, parseSourceFile, patchFindings, pickLocale, redactDetail, ruleById, ruleDocsUrl, SourceFile } from '../core';
import { AnalysisCache, DocumentAnalysis, WorkspaceContext } from './analysis-cache';
import { AuditRunner } from './audit';
import { exportAudit } from './audit-export';
import { AuditWorkspaceRequest, checkAuditParams, ExportAuditRequest, WORKSPACE_TRUSTED_NOTIFICATION } from './audit-protocol';
import { APPLY_FIX_ALL_COMMAND, codeActionsFor, fixAllAction, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './code-actions';
import { hoverAt } from './hover';
import { sizeLabel } from '../host/read-source';
import { analyzeSliced, forgetSliced, SLICED_ANALYSIS_THRESHOLD } from './sliced-analysis';
import { isHelmTemplate, isKustomizePatch } from './repo-layout';
import { configDiagnostics } from './config-diagnostics';
import { configFor, excludedByConfig, forgetConfigs, isConfigDocument, withConfig, withConfigSuppressions } from './config-lookup';
import { lspMessage } from './lsp-messages';
import { DEFAULT_SETTINGS, readSettings, ServerSettings, SETTINGS_SECTION } from './settings';
import { Positioner, resultDiagnostics, sourcePositioner } from './workspace-diagnostics';
import { WorkspaceService } from './workspace-service';

const ANALYZED_LANGUAGES = new Set(['yaml', 'json', 'jsonc']);
/** Open documents of a folder are checked again this long after another one changed. */
const NEIGHBOUR_DELAY_MS = 300;
/** Files the server asks the client to watch (dynamic registration) for the workspace index. */
const WATCHED_GLOBS = ['**/*.{yaml,yml,json}', '**/.gitignore', '**/.kube-checklist.{yaml,yml}'];
/** A workspace/configuration request the client leaves unanswered this long falls back to defaults. */
const CONFIGURATION_TIMEOUT_MS = 3000;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new AnalysisCache();
  const settingsCache = new Map<string, Promise<ServerSettings>>();
  const pending = new Map<string, NodeJS.Immediate>();
  const reportedFailures = new Set<string>();
  const oversizeNoticeSent = new Set<string>();
  /** What each document's last diagnostics were made from, so the same result is not sent twice. */
  const published = new Map<string, { version: number; result: AnalysisResult; config: unknown }>();
  let locale: Locale = 'en';
  let pullConfiguration = false;
  let pushedSettings: ServerSettings = DEFAULT_SETTINGS;
  let initialFolders: WorkspaceFolder[] = [];
  let watchFilesDynamically = false;
  let configurationChangesDynamically = false;
  let folderNotifications = false;
  let createFiles = false;
  /** Only a client that says the workspace is trusted gets renderers run (see audit-rendering.ts). */
  let workspaceTrusted = false;
  const neighbourTimers = new Map<string, NodeJS.Timeout>();
  /** After `shutdown`, requests are refused with InvalidRequest (the protocol says so). */
  let shutDown = false;
  let configurationTimeoutLogged = false;

  /** The client's configuration, or undefined (then defaults) when it does not answer in time. */
  function configuration(scopeUri: string, section: string): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        if (!configurationTimeoutLogged) {
          configurationTimeoutLogged = true;
          connection.console.warn(`kube-checklist: the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the default settings.`);
        }
        resolve(undefined);
      }, CONFIGURATION_TIMEOUT_MS);
    });
    const answer = connection.workspace.getConfiguration({ scopeUri, section });
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }

  /** A request handler that refuses to serve once the server was asked to shut down. */
  function served<P, T, R>(handler: (params: P, token: T) => R): (params: P, token: T) => R | ResponseError<void> {
    return (params, token) => (shutDown ? new ResponseError(ErrorCodes.InvalidRequest, 'kube-checklist: the server is shutting down.') : handler(params, token));
  }

  const workspace = new WorkspaceService(
    connection,
    () => documents.all(),
    () => locale,
    (folderUri) => (pullConfiguration ? configuration(folderUri, 'files') : Promise.resolve(undefined)),
    async (folderUri) => (await settingsFor(folderUri)).maxFileBytes,
  );
  const audit = new AuditRunner({
    connection,
    workspace,
    settingsFor: (uri) => settingsFor(uri),
    locale: () => locale,
    openVersion: (uri) => documents.get(uri)?.version,
    trusted: () => workspaceTrusted,
    revalidate: (uri) => {
      const document = documents.get(uri);
      if (document) schedule(document);
    },
    replacedDiagnostics: (uri) => published.delete(uri),
  });
  // The index changed (first indexing done, files changed on disk): open documents may see it.
  workspace.onDidChange(() => documents.all().forEach(schedule));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: string; trustedWorkspace?: boolean };
    workspaceTrusted = options.trustedWorkspace === true;
    locale = pickLocale(options.locale ?? params.locale);
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    watchFilesDynamically = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationChangesDynamically = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    folderNotifications = params.capabilities.workspace?.workspaceFolders === true;
    createFiles = params.capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create') === true;
    initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: folderName(params.rootUri) }] : []);
    workspace.setFolders(initialFolders);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [SHOW_DOCS_COMMAND, APPLY_FIX_ALL_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'kube-checklist', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    const refused = (what: string) => (error: unknown) => connection.console.warn(`kube-checklist: the client refused to register ${what}: ${error instanceof Error ? error.message : String(error)}`);
    if (pullConfiguration && configurationChangesDynamically) {
      // `files` too: its `exclude` decides what the workspace index holds.
      connection.client.register(DidChangeConfigurationNotification.type, { section: [SETTINGS_SECTION, 'files'] }).catch(refused('configuration changes'));
    }
    if (watchFilesDynamically) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) }).catch(refused('file watchers'));
    }
    if (folderNotifications) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        const folders = [...workspace.folders.values()].filter((folder) => !removed.has(folder.uri)).map((folder) => ({ uri: folder.uri, name: folder.name }));
        workspace.setFolders([...folders, ...event.added]);
        void indexWorkspace();
      });
    }
    void indexWorkspace();
  });

  async function indexWorkspace(): Promise<void> {
    try {
      await workspace.indexAll();
    } catch (error) {
      connection.console.error(`workspace indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  connection.onDidChangeConfiguration((change) => {
    settingsCache.clear();
    analyses.clear();
    const pushed = (change.settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (pushed !== undefined) pushedSettings = readSettings(pushed);
    documents.all().forEach(schedule);
    // `files.exclude` may have changed: refresh the index (only changed files are read).
    if (workspace.folders.size > 0) void indexWorkspace();
  });

  // Configuration files change what every open document shows; manifests change the index.
  connection.onDidChangeWatchedFiles(async (params) => {
    const configuration = params.changes.some((change) => isConfigDocument(change.uri));
    if (configuration) {
      forgetConfigs();
      settingsCache.clear();
      analyses.clear();
      documents.all().forEach(schedule);
    }
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted && audit.forget(change.uri) && !documents.get(change.uri)) {
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    await workspace.filesChanged(params.changes);
  });

  connection.onShutdown(() => {
    shutDown = true;
  });
  connection.onRequest(AuditWorkspaceRequest, served((params, token) => audit.run(checkAuditParams(params, locale), token)));
  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    workspaceTrusted = true;
  });
  connection.onRequest(ExportAuditRequest, served((params) => exportAudit(audit.last, params, locale)));

  function settingsFor(uri: string): Promise<ServerSettings> {
    if (!pullConfiguration) return Promise.resolve(withConfig(pushedSettings, configFor(uri)?.file.config));
    let settings = settingsCache.get(uri);
    if (!settings) {
      settings = configuration(uri, SETTINGS_SECTION)
        .then(readSettings, () => DEFAULT_SETTINGS)
        .then((read) => withConfig(read, configFor(uri)?.file.config));
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
    // The same object too: a document opened again may have new text under the same version.
    if (!current || current !== document || current.version !== version) return;
    if (isConfigDocument(uri)) {
      published.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(current, locale) });
      return;
    }
    const found = configFor(uri);
    if (!settings.enable || !isManifestCandidate(current) || isHelmTemplate(uri) || excludedByConfig(found, uri)) {
      published.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const text = current.getText();
    if (text.length > settings.maxFileBytes) {
      if (!oversizeNoticeSent.has(uri)) {
        oversizeNoticeSent.add(uri);
        const message = lspMessage('tooLargeToCheck', locale, { file: displayName(uri), limit: sizeLabel(settings.maxFileBytes) });
        connection.console.info(message);
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
      }
      published.delete(uri);
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const { result } = text.length > SLICED_ANALYSIS_THRESHOLD ? (await analyzeBig(current, settings)) ?? {} : analyzeOpen(current, settings);
    if (!result) return;
    // A second request for an analysis already published (the index finishing while a big file
    // was being checked) would send tens of thousands of identical diagnostics again.
    const last = published.get(uri);
    if (last && last.version === version && last.result === result && last.config === found) return;
    published.set(uri, { version, result, config: found });
    for (const failure of result.ruleFailures) {
      if (reportedFailures.has(failure.ruleId)) continue;
      reportedFailures.add(failure.ruleId);
      connection.console.error(`rule ${failure.ruleId} failed and was skipped: ${redactDetail(failure.message)}`);
    }
    // A Kustomize patch is partial: only the values it sets are findings.
    const configured = withConfigSuppressions(found, uri, result, Date.now());
    const shown = isKustomizePatch(uri) ? { ...configured, findings: patchFindings(configured.findings) } : configured;
    const diagnostics = resultDiagnostics(current, shown, locale, positionerOf);
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * The analysis of an open document: within its workspace folder once the folder is indexed (the
   * index holds this very text), else alone. Without `workspaceRules.liveInEditor` the workspace
   * rules stay out of it (their findings come with the audit).
   */
  function analyzeOpen(document: TextDocument, settings: ServerSettings): DocumentAnalysis {
    const folder = workspace.folderOf(document.uri);
    const folderIndex = folder ? workspace.indexFor(folder) : undefined;
    const entry = folderIndex ? workspace.sourceOf(document) : undefined;
    if (folderIndex && entry?.source) {
      const source = entry.source;
      return analyses.analyze(document, settings.options, {
        key: `${folderIndex.key}|${settings.workspaceRulesLive}`,
        source,
        analyze: () =>
          analyzeWorkspace(folderIndex.index, settings.options, { files: new Set([document.uri]), workspaceRules: settings.workspaceRulesLive }).files[0] ??
          analyzeSource(source, settings.options),
      });
    }
    if (settings.workspaceRulesLive) return analyses.analyze(document, settings.options);
    let parsed: SourceFile | undefined;
    const alone: WorkspaceContext = {
      key: 'alone, without workspace rules',
      get source() {
        return (parsed ??= parseSourceFile(document.getText()));
      },
      analyze: () => withoutWorkspaceRules(analyzeSource(alone.source, settings.options)),
    };
    return analyses.analyze(document, settings.options, alone);
  }

  /**
   * A big document, parsed and checked in slices and on its own (see sliced-analysis.ts); the
   * workspace index reuses the parse. Undefined when a newer version arrived meanwhile.
   */
  async function analyzeBig(document: TextDocument, settings: ServerSettings): Promise<DocumentAnalysis | undefined> {
    const ready = analyses.current(document);
    if (ready) return ready;
    const version = document.version;
    const isCurrent = () => documents.get(document.uri) === document && document.version === version;
    const sliced = await analyzeSliced(document, settings.options, isCurrent);
    if (!sliced) return undefined;
    workspace.prime(document, sliced.source);
    const result = settings.workspaceRulesLive ? sliced.result : withoutWorkspaceRules(sliced.result);
    return analyses.analyze(document, settings.options, { key: 'sliced', source: sliced.source, analyze: () => result });
  }

  /** Positions in another file of a related place: the indexed text of that file. */
  function positionerOf(uri: string): Positioner | undefined {
    const folder = workspace.folderOf(uri);
    const file = folder ? workspace.indexFor(folder)?.index.file(uri) : undefined;
    return file ? sourcePositioner(uri, file.source) : undefined;
  }

  /** After an edit, the other open documents of the folder may show other workspace findings. */
  function scheduleNeighbours(changed: TextDocument): void {
    const folder = workspace.folderOf(changed.uri);
    if (!folder) return;
    const previous = neighbourTimers.get(folder.uri);
    if (previous) clearTimeout(previous);
    neighbourTimers.set(
      folder.uri,
      setTimeout(() => {
        neighbourTimers.delete(folder.uri);
        for (const document of documents.all()) {
          if (document.uri !== changed.uri && workspace.folderOf(document.uri) === folder) schedule(document);
        }
      }, NEIGHBOUR_DELAY_MS),
    );
  }

  /** The analysis of the document's current text (computed now if the last one is stale). */
  async function analysisOf(uri: string): Promise<{ document: TextDocument; analysis: DocumentAnalysis } | undefined> {
    const document = documents.get(uri);
    if (!document || !isManifestCandidate(document)) return undefined;
    const version = document.version;
    const settings = await settingsFor(uri);
    if (!settings.enable || document.getText().length > settings.maxFileBytes) return undefined;
    const latest = documents.get(uri);
    if (!latest || latest !== document || latest.version !== version) return undefined;
    const analysis = analyses.current(document) ?? (document.getText().length > SLICED_ANALYSIS_THRESHOLD ? await analyzeBig(document, settings) : analyzeOpen(document, settings));
    return analysis ? { document, analysis } : undefined;
  }

  connection.onHover(served(async (params) => {
    const target = await analysisOf(params.textDocument.uri);
    if (!target) return null;
    return hoverAt(target.document, target.analysis, target.document.offsetAt(params.position), locale);
  }));

  connection.onCodeAction(served(async (params) => {
    const target = await analysisOf(params.textDocument.uri);
    if (!target) return [];
    return codeActionsFor(params, target.document, target.analysis, locale, { createFiles });
  }));

  connection.onExecuteCommand(served(async (params) => {
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
  }));

  /** Uris open now: a didOpen of one of them replaces its text, perhaps with the same version. */
  const openUris = new Set<string>();
  documents.onDidOpen((event) => {
    const { uri } = event.document;
    if (openUris.has(uri)) {
      analyses.delete(uri);
      forgetSliced(uri);
      published.delete(uri);
      workspace.reopened(uri);
    }
    openUris.add(uri);
    schedule(event.document);
  });
  documents.onDidChangeContent((event) => {
    schedule(event.document);
    if (event.document.version > 1) scheduleNeighbours(event.document);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    openUris.delete(uri);
    const previous = pending.get(uri);
    if (previous) clearImmediate(previous);
    pending.delete(uri);
    settingsCache.delete(uri);
    analyses.delete(uri);
    forgetSliced(uri);
    oversizeNoticeSent.delete(uri);
    published.delete(uri);
    workspace.closed(uri);
    // After an audit, a closed file keeps showing its findings (of its text on disk).
    if (audit.diagnosticsFor(uri)) void publishClosed(uri);
    else void connection.sendDiagnostics({ uri, diagnostics: [] });
    scheduleNeighbours(event.document);
  });

  /** The diagnostics of a file that is not open, from its indexed (disk) text. */
  async function publishClosed(uri: string): Promise<void> {
    const folder = workspace.folderOf(uri);
    const folderIndex = folder ? workspace.indexFor(folder) : undefined;
    const settings = folder ? await settingsFor(folder.uri) : DEFAULT_SETTINGS;
    if (documents.get(uri)) return;
    const file = folderIndex?.index.file(uri);
    if (!folderIndex || !file || !settings.enable) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const result = analyzeWorkspace(folderIndex.index, settings.options, { files: new Set([uri]) }).files[0];
    void connection.sendDiagnostics({ uri, diagnostics: result ? resultDiagnostics(sourcePositioner(uri, file.source), result, locale, positionerOf) : [] });
  }

  documents.listen(connection);
  connection.listen();
}

/** The result without the findings of workspace rules (live checks with `workspaceRules.liveInEditor` off). */
function withoutWorkspaceRules(result: AnalysisResult): AnalysisResult {
  const keep = (ruleId: string) => {
    const rule = ruleById(ruleId);
    return !rule || !isWorkspaceRule(rule);
  };
  return { ...result, findings: result.findings.filter((finding) => keep(finding.ruleId)), suppressed: result.suppressed.filter(({ finding }) => keep(finding.ruleId)) };
}

/** The last segment of a document's uri, for messages. */
function displayName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  try {
    return decodeURIComponent(uri.slice(slash + 1));
  } catch {
    return uri.slice(slash + 1);
  }
}

function folderName(uri: string): string {
  try {
    return path.basename(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

function isManifestCandidate(document: TextDocument): boolean {
  return ANALYZED_LANGUAGES.has(document.languageId) || /\.(ya?ml|json)$/i.test(document.uri);
}

declare const __KUBE_CHECKLIST_VERSION__: string | undefined;
const SERVER_VERSION = typeof __KUBE_CHECKLIST_VERSION__ === 'string' ? __KUBE_CHECKLIST_VERSION__ : '0.0.0-dev';
