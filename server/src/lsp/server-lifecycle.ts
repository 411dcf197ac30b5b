/**
 * The start of a session: `initialize` reads what the client can do (pull configuration, watch
 * files, folder notifications, file creation, locale, workspace trust) and answers the server's
 * capabilities; `initialized` registers the dynamic capabilities the client accepts and starts
 * indexing the workspace folders.
 */
import {
  CodeActionKind,
  Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  InitializeParams,
  InitializeResult,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Locale, pickLocale } from '../core';
import type { ClientSettings } from './client-settings';
import { APPLY_FIX_ALL_COMMAND, FIX_ALL_KIND, SHOW_DOCS_COMMAND } from './code-actions';
import { SETTINGS_SECTION } from './settings';
import type { WorkspaceService } from './workspace-service';

/** Files the server asks the client to watch (dynamic registration) for the workspace index. */
const WATCHED_GLOBS = ['**/*.{yaml,yml,json}', '**/.gitignore', '**/.kube-checklist.{yaml,yml}'];

/** What the session knows of its client; read by the handlers, set on initialize. */
export interface SessionState {
  locale: Locale;
  /** The client applies WorkspaceEdits that create files (fixes that add a new manifest). */
  createFiles: boolean;
  /** Only a client that says the workspace is trusted gets renderers run (see audit-rendering.ts). */
  workspaceTrusted: boolean;
  /** After `shutdown`, requests are refused with InvalidRequest (the protocol says so). */
  shutDown: boolean;
}

export interface LifecycleHost {
  readonly connection: Connection;
  readonly state: SessionState;
  readonly settings: ClientSettings;
  readonly workspace: WorkspaceService;
  indexWorkspace(): Promise<void>;
}

export function registerLifecycle(host: LifecycleHost): void {
  const { connection, state, settings, workspace } = host;
  let watchFilesDynamically = false;
  let configurationChangesDynamically = false;
  let folderNotifications = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as { locale?: string; trustedWorkspace?: boolean };
    const workspaceCapabilities = params.capabilities.workspace;
    state.workspaceTrusted = options.trustedWorkspace === true;
    state.locale = pickLocale(options.locale ?? params.locale);
    settings.pull = workspaceCapabilities?.configuration === true;
    watchFilesDynamically = workspaceCapabilities?.didChangeWatchedFiles?.dynamicRegistration === true;
    configurationChangesDynamically = workspaceCapabilities?.didChangeConfiguration?.dynamicRegistration === true;
    folderNotifications = workspaceCapabilities?.workspaceFolders === true;
    state.createFiles = workspaceCapabilities?.workspaceEdit?.resourceOperations?.includes('create') === true;
    workspace.setFolders(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: folderName(params.rootUri) }] : []));
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
    if (settings.pull && configurationChangesDynamically) {
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
        void host.indexWorkspace();
      });
    }
    void host.indexWorkspace();
  });

  connection.onShutdown(() => {
    state.shutDown = true;
  });
}

function folderName(uri: string): string {
  try {
    return path.basename(fileURLToPath(uri));
  } catch {
    return uri;
  }
}

declare const __KUBE_CHECKLIST_VERSION__: string | undefined;
const SERVER_VERSION = typeof __KUBE_CHECKLIST_VERSION__ === 'string' ? __KUBE_CHECKLIST_VERSION__ : '0.0.0-dev';
