/**
 * The settings of each document: pulled through workspace/configuration when the client supports
 * it (cached per uri until a change arrives), else what the client last pushed; either way with the
 * nearest `.kube-checklist.yaml` underneath (config-lookup.ts). A client that leaves a request
 * unanswered gets the defaults after a few seconds, so a document is never stuck unchecked.
 */
import type { Connection } from 'vscode-languageserver/node';
import { ConfigLookup, withConfig } from './config-lookup';
import { DEFAULT_SETTINGS, readSettings, ServerSettings, SETTINGS_SECTION } from './settings';

/** A workspace/configuration request the client leaves unanswered this long falls back to defaults. */
const CONFIGURATION_TIMEOUT_MS = 3000;

export class ClientSettings {
  /** The client answers workspace/configuration (set on initialize). */
  pull = false;
  private pushed: ServerSettings = DEFAULT_SETTINGS;
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private timeoutLogged = false;

  constructor(
    private readonly connection: Connection,
    private readonly configs: ConfigLookup,
  ) {}

  settingsFor(uri: string): Promise<ServerSettings> {
    return this.clientSettingsFor(uri).then((read) => withConfig(read, this.configs.configFor(uri)?.file.config));
  }

  /** The client's own settings for a uri, without any `.kube-checklist.yaml` underneath. */
  clientSettingsFor(uri: string): Promise<ServerSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.configuration(uri, SETTINGS_SECTION).then(readSettings, () => DEFAULT_SETTINGS);
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** A didChangeConfiguration: what the client pushed with it (if anything) replaces the last push. */
  changed(settings: unknown): void {
    this.cache.clear();
    const pushed = (settings as Record<string, unknown> | null)?.[SETTINGS_SECTION];
    if (pushed !== undefined) this.pushed = readSettings(pushed);
  }

  /** A configuration file changed: every document's settings may differ. */
  clear(): void {
    this.cache.clear();
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /** The client's configuration, or undefined (then defaults) when it does not answer in time. */
  configuration(scopeUri: string, section: string): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        if (!this.timeoutLogged) {
          this.timeoutLogged = true;
          this.connection.console.warn(`kube-checklist: the client did not answer workspace/configuration within ${CONFIGURATION_TIMEOUT_MS} ms; using the default settings.`);
        }
        resolve(undefined);
      }, CONFIGURATION_TIMEOUT_MS);
    });
    const answer = this.connection.workspace.getConfiguration({ scopeUri, section });
    return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
  }
}
