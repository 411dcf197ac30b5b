/**
 * A real LSP client for tests: spawns the bundled server (dist/server.js --stdio), speaks JSON-RPC
 * through vscode-languageserver-protocol, answers workspace/configuration from a settings object the
 * test can change (and the `files` section from `filesSettings`), records work-done progress and
 * capability registrations, and lets a test wait for the next diagnostics of a document.
 */
import { ChildProcess, spawn } from 'node:child_process';
import {
  createProtocolConnection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ConfigurationRequest,
  Range,
  RegistrationParams,
  ShutdownRequest,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
  WorkspaceFolder,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repoPath } from './paths';

export type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

export interface InitializeOptions {
  readonly workspaceFolders?: WorkspaceFolder[];
  /** What the VS Code client says about workspace trust (renderers run only when true). */
  readonly trustedWorkspace?: boolean;
}

export class TestLspClient {
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown> = {};
  /** What workspace/configuration answers for the `files` section. */
  filesSettings: Record<string, unknown> = {};
  /** Work-done progress tokens the server created (window/workDoneProgress/create). */
  readonly createdProgress: (string | number)[] = [];
  /** Every $/progress value, by token, in arrival order. */
  readonly progress = new Map<string | number, ProgressValue[]>();
  readonly registrations: RegistrationParams[] = [];
  private readonly progressWaiters: { token: string | number; kind: string; resolve: (value: ProgressValue) => void }[] = [];
  private readonly process: ChildProcess;
  private readonly waiters = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'files' ? this.filesSettings : this.settings)));
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.createdProgress.push(params.token);
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: ProgressValue }) => {
      const list = this.progress.get(params.token) ?? [];
      list.push(params.value);
      this.progress.set(params.token, list);
      for (const waiter of [...this.progressWaiters]) {
        if (waiter.token === params.token && waiter.kind === params.value.kind) {
          this.progressWaiters.splice(this.progressWaiters.indexOf(waiter), 1);
          waiter.resolve(params.value);
        }
      }
    });
    this.connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      this.registrations.push(params);
      return null;
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      const queue = this.waiters.get(params.uri);
      const next = queue?.shift();
      if (next) next(params);
    });
    this.connection.listen();
  }

  async initialize(locale = 'en', options: InitializeOptions = {}): Promise<void> {
    const folders = options.workspaceFolders;
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: folders
        ? {
            workspace: {
              configuration: true,
              didChangeConfiguration: { dynamicRegistration: true },
              didChangeWatchedFiles: { dynamicRegistration: true },
              workspaceFolders: true,
              workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
            },
            window: { workDoneProgress: true },
          }
        : { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      workspaceFolders: folders ?? null,
      ...(options.trustedWorkspace !== undefined ? { initializationOptions: { locale, trustedWorkspace: options.trustedWorkspace } } : {}),
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next $/progress value of that kind for the token (or one already received). */
  nextProgress(token: string | number, kind: ProgressValue['kind'], timeoutMs = 30000): Promise<ProgressValue> {
    const seen = this.progress.get(token)?.find((value) => value.kind === kind);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${kind} progress for ${token} within ${timeoutMs} ms`)), timeoutMs);
      this.progressWaiters.push({ token, kind, resolve: (value) => { clearTimeout(timer); resolve(value); } });
    });
  }

  /** Resolves with the next diagnostics published for the uri (rejects after a generous bound). */
  nextDiagnostics(uri: string, timeoutMs = 15000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const queue = this.waiters.get(uri) ?? [];
      queue.push((params) => {
        clearTimeout(timer);
        resolve(params);
      });
      this.waiters.set(uri, queue);
    });
  }

  /** The latest diagnostics of a document if they satisfy the predicate, else the next ones that do. */
  async diagnosticsUntil(uri: string, predicate: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && predicate(latest)) return latest;
    for (;;) {
      const next = await this.nextDiagnostics(uri, timeoutMs);
      if (predicate(next)) return next;
    }
  }

  async open(uri: string, text: string, languageId = 'yaml', version = 1, timeoutMs?: number): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return (await next).diagnostics;
  }

  async change(uri: string, version: number, range: Range, text: string, timeoutMs?: number): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri, timeoutMs);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
    return (await next).diagnostics;
  }

  async changeSettings(settings: Record<string, unknown>, uri: string): Promise<Diagnostic[]> {
    this.settings = settings;
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    return (await next).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await next).diagnostics;
  }

  /** Writes bytes to the server's input as they are: for malformed messages. */
  writeRaw(bytes: string): void {
    this.process.stdin!.write(bytes);
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The 0-based range of the n-th occurrence (0-based) of `needle` in `text`, as LSP counts. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
  }
  return { start: positionAt(text, index), end: positionAt(text, index + needle.length) };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { line, character };
}
