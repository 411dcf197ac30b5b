/**
 * Answers `kubeChecklist/effectiveConfig` (server/src/protocol/effective-config.ts) from the same
 * settings resolution the checks use (client-settings.ts: the client's settings with the nearest
 * `.kube-checklist.yaml` on top), so the language status cannot say one thing while the server
 * does another.
 */
import { ErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import { EFFECTIVE_CONFIG_METHOD, EffectiveConfig, EffectiveConfigParams } from '../protocol/effective-config';
import type { ConfigLookup } from './config-lookup';
import type { ServerSettings } from './settings';

export const EffectiveConfigRequest = new RequestType<EffectiveConfigParams, EffectiveConfig, void>(EFFECTIVE_CONFIG_METHOD);

export interface EffectiveConfigDependencies {
  readonly configs: ConfigLookup;
  settingsFor(uri: string): Promise<ServerSettings>;
}

export async function effectiveConfig(deps: EffectiveConfigDependencies, params: unknown): Promise<EffectiveConfig> {
  const uri = (params as Partial<EffectiveConfigParams> | null)?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${EFFECTIVE_CONFIG_METHOD}: params.uri must be a string`);
  const settings = await deps.settingsFor(uri);
  const found = deps.configs.configFor(uri);
  return {
    enabled: settings.enable,
    level: settings.options.level,
    kubernetesVersion: settings.options.kubernetesVersion,
    ...(found ? { config: { uri: found.uri, problems: found.file.problems.length } } : {}),
  };
}
