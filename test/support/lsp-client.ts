/**
 * A real LSP client for tests: spawns the bundled server (dist/server.js --stdio), speaks JSON-RPC
 * through vscode-languageserver-protocol, answers workspace/configuration from a settings object the
 * test can change, and lets a test wait for the next diagnostics of a document.
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
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repoPath } from './paths';

export class TestLspClient {
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown> = {};
  private readonly process: ChildProcess;
  private readonly waiters = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  stderr = '';

  constructor() {
    this.process = spawn(process.execPath, [repoPath('dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      const queue = this.waiters.get(params.uri);
      const next = queue?.shift();
      if (next) next(params);
    });
    this.connection.listen();
  }

  async initialize(locale = 'en'): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      locale,
      capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
      workspaceFolders: null,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    this.connection.onRequest('client/registerCapability', () => null);
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

  async open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return (await next).diagnostics;
  }

  async change(uri: string, version: number, range: Range, text: string): Promise<Diagnostic[]> {
    const next = this.nextDiagnostics(uri);
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
