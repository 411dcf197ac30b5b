/**
 * Entry point of the web language server bundle (dist/web/server.js), run in a web worker by the
 * browser client (vscode.dev, github.dev, code-server's web extension host). It starts the very
 * server the desktop runs (lsp/server.ts) over the worker's message port. A worker has no
 * `setImmediate`, which the diagnostics publisher uses to coalesce keystrokes, so a macrotask stands
 * in for it. Everything that reads the disk is reached only for `file:` uris, which a browser
 * workspace does not have; the web build resolves Node's modules to nothing (webpack.config.js).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';

declare const self: { postMessage(message: unknown): void; onmessage: unknown };

const scope = globalThis as unknown as Record<string, unknown>;
if (typeof scope.setImmediate !== 'function') {
  // Why: setImmediate is Node-only; a zero-delay timeout keeps the same "after this task" order.
  scope.setImmediate = (callback: (...args: unknown[]) => void, ...args: unknown[]) => setTimeout(callback, 0, ...args);
  scope.clearImmediate = (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle);
}

// The worker-side reader/writer take the worker's global scope as their port.
const port = self as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port), new BrowserMessageWriter(port));
// Say once where the server runs, after the handshake (the client shows it in the output channel;
// the web e2e suite reads it): no Node `process` exists in a web worker.
const onInitialized = connection.onInitialized.bind(connection);
connection.onInitialized = (handler) =>
  onInitialized((params) => {
    handler(params);
    connection.console.info(`kube-checklist: language server running in a web worker (Node process: ${typeof scope.process === 'undefined' ? 'absent' : 'present'})`);
  });
startServer(connection);
