/**
 * How the web extension launches its language server: the bundled dist/web/server.js in a web
 * worker, spoken to over the worker's message port. The web client sees YAML and JSON of every
 * scheme, since a browser workspace has no `file:` documents (github.dev's are `vscode-vfs:`,
 * code-server's `vscode-remote:`). VS Code for the web refuses to start a worker from a
 * `vscode-remote:` script (an extension installed on code-server's side), so the script is read
 * through `workspace.fs` and started from a blob URL, which works wherever the extension lives.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { ClientLauncher } from '../server-controller';

/** The web worker of a browser (the client's types include Node's, not the DOM's). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[3];

type WorkerLike = ConstructorParameters<typeof LanguageClient>[3];
type Listener = (event: unknown) => void;

/**
 * The worker as the client's message reader wants it (addEventListener). VS Code for the web hands
 * out, for a worker started from an extension host that is itself a worker, a stand-in that has
 * only `onmessage`/`onerror`/`postMessage`: listeners are then fanned out from those.
 */
function withListeners(worker: WorkerLike): WorkerLike {
  const raw = worker as unknown as Record<string, unknown>;
  if (typeof raw.addEventListener === 'function') return worker;
  const listeners = new Map<string, Set<Listener>>();
  const fire = (type: string) => (event: unknown) => listeners.get(type)?.forEach((listener) => listener(event));
  raw.onmessage = fire('message');
  raw.onerror = fire('error');
  raw.addEventListener = (type: string, listener: Listener) => {
    if (!listeners.has(type)) listeners.set(type, new Set());
    listeners.get(type)!.add(listener);
  };
  raw.removeEventListener = (type: string, listener: Listener) => listeners.get(type)?.delete(listener);
  return worker;
}

/** A URL a web worker can be started from for the bundled server. */
async function serverScriptUrl(context: vscode.ExtensionContext): Promise<string> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme === 'http' || script.scheme === 'https') return script.toString(true);
  const bytes = await vscode.workspace.fs.readFile(script);
  return URL.createObjectURL(new Blob([bytes], { type: 'application/javascript' }));
}

export const WEB_DOCUMENT_SELECTOR = [{ language: 'yaml' }, { language: 'json' }];

export function webLauncher(context: vscode.ExtensionContext): ClientLauncher {
  return {
    documentSelector: WEB_DOCUMENT_SELECTOR,
    create: async (id, name, options) => {
      const worker = withListeners(new Worker(await serverScriptUrl(context)));
      // The browser client has the same API as the node one; only its constructor differs.
      return new LanguageClient(id, name, options, worker) as unknown as ReturnType<ClientLauncher['create']>;
    },
  };
}
