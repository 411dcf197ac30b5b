/**
 * The language server's wiring: the open documents, the settings of each (client-settings.ts), the
 * workspace index (workspace-service.ts), the document checker whose one cache per open document
 * holds the result everything reads (document-checker.ts), the diagnostics publisher, the hover and
 * code-action handlers, the requests of the language model tools (tool-requests.ts) and the audit
 * (audit.ts). The units receive what they need from here; none keeps state of its own at module level.
 */
import { Connection, ErrorCodes, ResponseError, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AuditRunner } from './audit';
import { BaselineFiles } from './baseline-files';
import { effectiveConfig, EffectiveConfigRequest } from './effective-config';
import { exportAudit } from './audit-export';
import { previewPodSecurity, PreviewPodSecurityRequest } from './upgrade-preview';
import { AuditWorkspaceRequest, checkAuditParams, ExportAuditRequest, WORKSPACE_TRUSTED_NOTIFICATION } from './audit-protocol';
import { ClientSettings } from './client-settings';
import { DiagnosticsPublisher } from './diagnostics-publisher';
import { ConfigLookup } from './config-lookup';
import { DocumentChecker } from './document-checker';
import { registerDocumentEvents } from './document-events';
import { registerFeatureHandlers, Served } from './feature-handlers';
import { registerLifecycle, SessionState } from './server-lifecycle';
import { registerToolRequests } from './tool-requests';
import { WorkspaceService } from './workspace-service';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const state: SessionState = { locale: 'en', createFiles: false, workspaceTrusted: false, shutDown: false };
  const locale = () => state.locale;
  const configs = new ConfigLookup();
  const settings = new ClientSettings(connection, configs);
  const settingsFor = (uri: string) => settings.settingsFor(uri);
  const served: Served = (handler) => (params, token) =>
    state.shutDown ? new ResponseError(ErrorCodes.InvalidRequest, 'kube-checklist: the server is shutting down.') : handler(params, token);

  const workspace = new WorkspaceService(
    connection,
    () => documents.all(),
    locale,
    (folderUri) => (settings.pull ? settings.configuration(folderUri, 'files') : Promise.resolve(undefined)),
    async (folderUri) => (await settingsFor(folderUri)).maxFileBytes,
  );
  const baselines = new BaselineFiles();
  const checker = new DocumentChecker({ documents, workspace, configs, baselines, settingsFor });
  const publisher = new DiagnosticsPublisher({ connection, documents, checker, workspace, settingsFor, locale });
  const audit = new AuditRunner({
    connection,
    workspace,
    configs,
    baselines,
    clientSettingsFor: (uri) => settings.clientSettingsFor(uri),
    locale,
    openVersion: (uri) => documents.get(uri)?.version,
    trusted: () => state.workspaceTrusted,
    revalidate: (uri) => {
      const document = documents.get(uri);
      if (document) publisher.schedule(document);
    },
    replacedDiagnostics: (uri) => publisher.replaced(uri),
  });
  const indexWorkspace = async () => {
    try {
      await workspace.indexAll();
    } catch (error) {
      connection.console.error(`workspace indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  // The index changed (first indexing done, files changed on disk): open documents may see it.
  workspace.onDidChange(() => publisher.scheduleAll());

  registerLifecycle({ connection, state, settings, workspace, indexWorkspace });
  registerDocumentEvents({ connection, documents, settings, configs, checker, publisher, workspace, audit, indexWorkspace });
  registerFeatureHandlers({ connection, checker, served, locale, createFiles: () => state.createFiles });
  registerToolRequests({ connection, checker, served, locale });
  connection.onRequest(AuditWorkspaceRequest, served((params, token) => audit.run(checkAuditParams(params, state.locale), token)));
  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => {
    state.workspaceTrusted = true;
  });
  connection.onRequest(EffectiveConfigRequest, served((params) => effectiveConfig({ configs, settingsFor }, params)));
  connection.onRequest(
    PreviewPodSecurityRequest,
    served((params, token) => previewPodSecurity({ workspace, configs, clientSettingsFor: (uri) => settings.clientSettingsFor(uri), locale }, params, () => token.isCancellationRequested)),
  );
  connection.onRequest(ExportAuditRequest, served((params) => exportAudit(audit.last, params, state.locale)));

  documents.listen(connection);
  connection.listen();
}
