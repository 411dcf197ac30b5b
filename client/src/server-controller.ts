/**
 * Owns the one language client of the extension: creates it, starts it, restarts it on request and
 * stops it on shutdown, and reports a simple status (starting / running / stopped) that the UI
 * shows. A restart always builds a fresh client, because a client whose start failed cannot be
 * started again. Lifecycle operations are queued so that two quick restarts do not interleave.
 */
import * as vscode from 'vscode';
import { WORKSPACE_TRUSTED_NOTIFICATION } from './audit-protocol';
import { DocumentSelector, LanguageClient, LanguageClientOptions, State } from 'vscode-languageclient/node';
import { CLIENT_ID, createClientOptions, DOCUMENT_SELECTOR } from './client-options';
import { RestartingErrorHandler } from './error-handler';

/** What the user needs to know about the server. */
export type ServerStatus = 'starting' | 'running' | 'stopped';

/**
 * Makes a language client with its server: over node IPC on the desktop (node-server.ts), in a web
 * worker in the browser (browser/web-client.ts). Only the launch differs; everything else is shared.
 */
export interface ClientLauncher {
  readonly documentSelector?: DocumentSelector;
  create(id: string, name: string, options: LanguageClientOptions): LanguageClient | Promise<LanguageClient>;
}

/** Starts, restarts and stops the language server, and tells listeners how it is doing. */
export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientDisposables: vscode.Disposable[] = [];
  private queue: Promise<void> = Promise.resolve();
  private currentStatus: ServerStatus = 'stopped';
  private readonly statusEmitter = new vscode.EventEmitter<ServerStatus>();
  private readonly errorHandler = new RestartingErrorHandler((message) => void this.reportGaveUp(message));

  /** Fires whenever {@link status} changes. */
  readonly onDidChangeStatus = this.statusEmitter.event;

  constructor(
    private readonly outputChannel: vscode.LogOutputChannel,
    private readonly launcher: ClientLauncher,
  ) {}

  /** The server's status as of the last state change. */
  get status(): ServerStatus {
    return this.currentStatus;
  }

  /** Starts the server unless it is already started. */
  start(): Promise<void> {
    if (!this.client) this.setStatus('starting');
    return this.enqueue(() => this.startClient());
  }

  /** Stops the server (if any) and starts a new one, forgetting earlier crashes. */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.errorHandler.reset();
      this.setStatus('starting');
      await this.disposeClient();
      await this.startClient();
    });
  }

  /** The running language client, for requests of its own (the audit); undefined when none runs. */
  get languageClient(): LanguageClient | undefined {
    return this.client && this.currentStatus === 'running' ? this.client : undefined;
  }

  /** The language client once the server runs: a request right after activation waits for the start. */
  async runningClient(): Promise<LanguageClient | undefined> {
    if (!this.languageClient) await this.start().catch(() => undefined);
    return this.languageClient;
  }

  /** Runs a command of the server (workspace/executeCommand); false when no server is running. */
  async executeServerCommand(command: string, args: unknown[]): Promise<boolean> {
    if (!this.client || this.currentStatus !== 'running') return false;
    await this.client.sendRequest('workspace/executeCommand', { command, arguments: args });
    return true;
  }

  /** Stops the server; used when the extension is deactivated. */
  stop(): Promise<void> {
    return this.enqueue(async () => {
      await this.disposeClient();
      this.setStatus('stopped');
    });
  }

  /** Stops the server without waiting, and drops the listeners. */
  dispose(): void {
    void this.stop();
    this.statusEmitter.dispose();
  }

  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async startClient(): Promise<void> {
    if (this.client) return;
    const { options, watcher } = createClientOptions(this.outputChannel, this.errorHandler, this.launcher.documentSelector ?? DOCUMENT_SELECTOR);
    let client: LanguageClient;
    try {
      client = await this.launcher.create(CLIENT_ID, vscode.l10n.t('Kubernetes Checklist'), options);
    } catch (error) {
      watcher.dispose();
      this.outputChannel.error(vscode.l10n.t('The Kubernetes Checklist server could not be started.'), error);
      this.setStatus('stopped');
      return;
    }
    this.client = client;
    this.clientDisposables = [
      watcher,
      client.onDidChangeState((event) => this.setStatus(toStatus(event.newState))),
      // Trust granted later: from then on the audit may run the renderers (kubectl, helm).
      vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION).catch(() => undefined)),
    ];
    this.setStatus('starting');
    try {
      await client.start();
    } catch (error) {
      // The language client has already logged the cause and told the user.
      this.outputChannel.error(vscode.l10n.t('The Kubernetes Checklist server could not be started.'), error);
    }
    this.setStatus(toStatus(client.state));
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    const disposables = this.clientDisposables;
    this.client = undefined;
    this.clientDisposables = [];
    disposables.forEach((disposable) => disposable.dispose());
    if (!client) return;
    try {
      await client.dispose();
    } catch {
      // A client that never got running cannot be shut down politely; its process is ended anyway.
    }
  }

  private setStatus(status: ServerStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.statusEmitter.fire(status);
  }

  private async reportGaveUp(message: string): Promise<void> {
    const showOutput = vscode.l10n.t('Show Output');
    const restart = vscode.l10n.t('Restart');
    const choice = await vscode.window.showErrorMessage(message, showOutput, restart);
    if (choice === showOutput) {
      this.outputChannel.show();
    } else if (choice === restart) {
      await this.restart();
    }
  }
}

function toStatus(state: State): ServerStatus {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    default:
      return 'stopped';
  }
}
