/**
 * The configurations of one CLI run, found by the one discovery (config-discovery.ts) the editor
 * uses too: the file given with --config for every input, else the nearest `.kube-checklist.yaml`
 * above each input file (standard input: above the working directory). A configuration in use that
 * cannot be read or has problems stops the run (exit 2) with every problem named by file, line and
 * column; its exclude globs and suppressions are relative to its own folder.
 */
import * as path from 'node:path';
import { KubeChecklistConfig, Locale, parseSourceFile, positionOf, renderConfigProblem } from '../core';
import { t } from '../report/messages';
import { displayPath } from './collect-files';
import { ConfigDiscovery, configRelativePath, excludedByConfig, FoundConfig, readConfigAt } from './config-discovery';
import { InputError } from './errors';
import { configReadReason, readConfigSource } from './read-source';

export interface LoadedConfig {
  readonly absolute: string;
  readonly display: string;
  /** The folder its globs are relative to. */
  readonly directory: string;
  readonly config: KubeChecklistConfig;
  readonly found: FoundConfig;
}

export class RunConfigs {
  private readonly discovery = new ConfigDiscovery();
  private readonly loaded = new Map<FoundConfig, LoadedConfig>();
  private readonly explicit: LoadedConfig | undefined;

  constructor(
    explicit: string | undefined,
    private readonly cwd: string,
    private readonly locale: Locale,
  ) {
    this.explicit = explicit === undefined ? undefined : this.validated(this.explicitFile(path.resolve(cwd, explicit)));
  }

  /** The configuration of the run as a whole: --config, else the nearest to the working directory. */
  primary(): LoadedConfig | undefined {
    return this.explicit ?? this.validated(this.discovery.nearest(this.cwd));
  }

  /** The configuration that applies to an input file (absolute). */
  configOf(absolute: string): LoadedConfig | undefined {
    return this.explicit ?? this.validated(this.discovery.nearest(absolute));
  }

  /** Every configuration used so far, in the order first used. */
  used(): LoadedConfig[] {
    return [...new Set([...(this.explicit ? [this.explicit] : []), ...this.loaded.values()])];
  }

  private explicitFile(absolute: string): FoundConfig {
    return { absolute, directory: path.dirname(absolute), file: readConfigAt(absolute) };
  }

  private validated(found: FoundConfig | undefined): LoadedConfig | undefined {
    if (!found) return undefined;
    const known = this.loaded.get(found);
    if (known) return known;
    const display = displayPath(found.absolute, this.cwd);
    const { config, problems } = found.file;
    if (!config) {
      const read = readConfigSource(found.absolute);
      const source = parseSourceFile(read.kind === 'text' ? read.text : '');
      if (read.kind !== 'text') throw new InputError(`${display}:1:1: ${t(this.locale, 'configUnreadable', { file: display, reason: configReadReason(read) })}`);
      const lines = problems.map((problem) => {
        const { line, character } = positionOf(source, problem.start);
        return `${display}:${line + 1}:${character + 1}: ${renderConfigProblem(problem, this.locale)}`;
      });
      throw new InputError([t(this.locale, 'configInvalid', { file: display }), ...lines].join('\n'));
    }
    const loaded = { absolute: found.absolute, display, directory: found.directory, config, found };
    this.loaded.set(found, loaded);
    return loaded;
  }
}

/** A file's path relative to the configuration's folder, with forward slashes, for its globs. */
export function configRelative(loaded: LoadedConfig, absolute: string): string {
  return configRelativePath(loaded.found, absolute);
}

/** Whether the configuration excludes the input file. */
export function excludedBy(loaded: LoadedConfig | undefined, absolute: string): boolean {
  return excludedByConfig(loaded?.found, absolute);
}
