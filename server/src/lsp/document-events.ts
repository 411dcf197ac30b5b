/**
 * What makes documents be checked again: opening, editing and closing them, a settings change, a
 * configuration file or a manifest changing on disk. Each event drops exactly what it makes stale
 * (the checker's results, the settings, the configuration files) and schedules the documents that
 * may now show something else.
 */
import { Connection, FileChangeType, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AuditRunner } from './audit';
import type { ClientSettings } from './client-settings';
import { ConfigLookup, isConfigDocument } from './config-lookup';
import type { DiagnosticsPublisher } from './diagnostics-publisher';
import type { DocumentChecker } from './document-checker';
import type { WorkspaceService } from './workspace-service';

export interface EventsHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: ClientSettings;
  readonly configs: ConfigLookup;
  readonly checker: DocumentChecker;
  readonly publisher: DiagnosticsPublisher;
  readonly workspace: WorkspaceService;
  readonly audit: AuditRunner;
  indexWorkspace(): Promise<void>;
}

export function registerDocumentEvents(host: EventsHost): void {
  const { documents, publisher, checker, workspace } = host;
  /** Uris open now: a didOpen of one of them replaces its text, perhaps with the same version. */
  const openUris = new Set<string>();

  documents.onDidOpen((event) => {
    const { uri } = event.document;
    if (openUris.has(uri)) {
      checker.forget(uri);
      publisher.reopened(uri);
      workspace.reopened(uri);
    }
    openUris.add(uri);
    publisher.schedule(event.document);
  });
  documents.onDidChangeContent((event) => {
    publisher.schedule(event.document);
    if (event.document.version > 1) publisher.scheduleNeighbours(event.document);
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    openUris.delete(uri);
    publisher.closed(uri);
    host.settings.forget(uri);
    checker.forget(uri);
    workspace.closed(uri);
    // After an audit, a closed file keeps showing its findings (of its text on disk).
    if (host.audit.diagnosticsFor(uri)) void publisher.publishClosed(uri);
    else void host.connection.sendDiagnostics({ uri, diagnostics: [] });
    publisher.scheduleNeighbours(event.document);
  });
  registerConfigurationEvents(host);
}

function registerConfigurationEvents(host: EventsHost): void {
  const { connection, settings, checker, publisher, workspace } = host;
  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    checker.clear();
    publisher.scheduleAll();
    // `files.exclude` may have changed: refresh the index (only changed files are read).
    if (workspace.folders.size > 0) void host.indexWorkspace();
  });

  // Configuration files change what every open document shows; manifests change the index.
  connection.onDidChangeWatchedFiles(async (params) => {
    if (params.changes.some((change) => isConfigDocument(change.uri))) {
      host.configs.forget();
      settings.clear();
      checker.clear();
      publisher.scheduleAll();
    }
    for (const change of params.changes) {
      if (change.type === FileChangeType.Deleted && host.audit.forget(change.uri) && !host.documents.get(change.uri)) {
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
      }
    }
    await workspace.filesChanged(params.changes);
  });
}
