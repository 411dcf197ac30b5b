/**
 * Publishing diagnostics: work for a document is coalesced so a burst of keystrokes checks only
 * the newest text, a result for a stale version is dropped, the same result is not sent twice, and
 * after an edit the other open documents of the folder are checked again a moment later (they may
 * show other workspace findings). What is published is the document checker's result, the same
 * one hover and code actions read.
 */
import { Connection, MessageType, ShowMessageNotification, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisResult, analyzeWorkspace, Locale, redactDetail } from '../core';
import { sizeLabel } from '../host/read-source';
import { configDiagnostics } from './config-diagnostics';
import type { DocumentCheck, DocumentChecker } from './document-checker';
import { lspMessage } from './lsp-messages';
import type { ServerSettings } from './settings';
import { Positioner, resultDiagnostics, sourcePositioner } from './workspace-diagnostics';
import type { WorkspaceService } from './workspace-service';

/** Open documents of a folder are checked again this long after another one changed. */
const NEIGHBOUR_DELAY_MS = 300;

export interface PublisherHost {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly checker: DocumentChecker;
  readonly workspace: WorkspaceService;
  settingsFor(uri: string): Promise<ServerSettings>;
  locale(): Locale;
}

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, NodeJS.Immediate>();
  /** What each document's last diagnostics were made from, so the same result is not sent twice. */
  private readonly published = new Map<string, { version: number; result: AnalysisResult }>();
  private readonly reportedFailures = new Set<string>();
  private readonly oversizeNoticeSent = new Set<string>();
  private readonly neighbourTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly host: PublisherHost) {}

  schedule(document: TextDocument): void {
    const previous = this.pending.get(document.uri);
    if (previous) clearImmediate(previous);
    this.pending.set(
      document.uri,
      setImmediate(() => {
        this.pending.delete(document.uri);
        void this.validate(document.uri);
      }),
    );
  }

  scheduleAll(): void {
    this.host.documents.all().forEach((document) => this.schedule(document));
  }

  /** After an edit, the other open documents of the folder may show other workspace findings. */
  scheduleNeighbours(changed: TextDocument): void {
    const { workspace, documents } = this.host;
    const folder = workspace.folderOf(changed.uri);
    if (!folder) return;
    const previous = this.neighbourTimers.get(folder.uri);
    if (previous) clearTimeout(previous);
    this.neighbourTimers.set(
      folder.uri,
      setTimeout(() => {
        this.neighbourTimers.delete(folder.uri);
        for (const document of documents.all()) {
          if (document.uri !== changed.uri && workspace.folderOf(document.uri) === folder) this.schedule(document);
        }
      }, NEIGHBOUR_DELAY_MS),
    );
  }

  /** Someone else (the audit) published the document's diagnostics: the next result is sent again. */
  replaced(uri: string): boolean {
    return this.published.delete(uri);
  }

  /** The document was opened again: its next result is sent even if it equals the last one. */
  reopened(uri: string): void {
    this.published.delete(uri);
  }

  /** The document closed: nothing of it is kept, and no work for it is left pending. */
  closed(uri: string): void {
    const previous = this.pending.get(uri);
    if (previous) clearImmediate(previous);
    this.pending.delete(uri);
    this.oversizeNoticeSent.delete(uri);
    this.published.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const check = await this.host.checker.check(uri);
    if (!check) return;
    if (check.kind !== 'checked') {
      this.publishUnchecked(check);
      return;
    }
    const { document, analysis } = check;
    const { version } = document;
    const { result } = analysis;
    // A second request for a result already published (the index finishing while a big file was
    // being checked) would send tens of thousands of identical diagnostics again.
    const last = this.published.get(uri);
    if (last && last.version === version && last.result === result) return;
    this.published.set(uri, { version, result });
    this.reportFailures(result);
    const diagnostics = resultDiagnostics(document, result, this.host.locale(), (other) => this.positionerOf(other));
    void this.host.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  private publishUnchecked(check: Exclude<DocumentCheck, { kind: 'checked' }>): void {
    const { connection, locale } = this.host;
    const { uri, version } = check.document;
    this.published.delete(uri);
    if (check.kind === 'configuration') {
      void connection.sendDiagnostics({ uri, version, diagnostics: configDiagnostics(check.document, locale()) });
      return;
    }
    if (check.sizeLimit !== undefined && !this.oversizeNoticeSent.has(uri)) {
      this.oversizeNoticeSent.add(uri);
      const message = lspMessage('tooLargeToCheck', locale(), { file: displayName(uri), limit: sizeLabel(check.sizeLimit) });
      connection.console.info(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
    }
    void connection.sendDiagnostics({ uri, version, diagnostics: [] });
  }

  private reportFailures(result: AnalysisResult): void {
    for (const failure of result.ruleFailures) {
      if (this.reportedFailures.has(failure.ruleId)) continue;
      this.reportedFailures.add(failure.ruleId);
      this.host.connection.console.error(`rule ${failure.ruleId} failed and was skipped: ${redactDetail(failure.message)}`);
    }
  }

  /**
   * The diagnostics of a file that is not open, from its indexed (disk) text, after the same steps
   * as an open document's (patch quieting, the configuration's exclusions and suppressions).
   */
  async publishClosed(uri: string): Promise<void> {
    const { connection, documents, workspace } = this.host;
    const folder = workspace.folderOf(uri);
    const folderIndex = folder ? workspace.indexFor(folder) : undefined;
    const settings = folder ? await this.host.settingsFor(folder.uri) : undefined;
    if (documents.get(uri)) return;
    const file = folderIndex?.index.file(uri);
    const steps = this.host.checker.stepsOf(uri, settings);
    if (!folderIndex || !file || !settings?.enable || steps.skipped) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const analyzed = analyzeWorkspace(folderIndex.index, settings.options, { files: new Set([uri]) }).files[0];
    const result = analyzed && steps.apply(analyzed);
    const diagnostics = result ? resultDiagnostics(sourcePositioner(uri, file.source), result, this.host.locale(), (other) => this.positionerOf(other)) : [];
    void connection.sendDiagnostics({ uri, diagnostics });
  }

  /** Positions in another file of a related place: the indexed text of that file. */
  private positionerOf(uri: string): Positioner | undefined {
    const { workspace } = this.host;
    const folder = workspace.folderOf(uri);
    const file = folder ? workspace.indexFor(folder)?.index.file(uri) : undefined;
    return file ? sourcePositioner(uri, file.source) : undefined;
  }
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
