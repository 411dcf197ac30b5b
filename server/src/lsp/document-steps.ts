/**
 * The steps between the engine's analysis of an open document and what the server shows of it: a
 * Kustomize patch keeps only the findings of the values it sets, a file the configuration excludes
 * is not checked at all, and the configuration's suppressions move their findings to `suppressed`.
 * They are decided once per check and applied before the result enters the document cache, so
 * diagnostics, hover and code actions all see the same findings; the key names what they were
 * decided from (the configuration file, whether the file is a patch, the day for expiring
 * suppressions, the baseline file and its modification time), so a result made under other steps
 * is never reused. Last, the baseline (`kubeChecklist.baseline`, the file `--baseline` reads)
 * hides the findings it holds, or shows them as hints (`kubeChecklist.baselineFindings`).
 */
import { AnalysisResult, ConfigFile, patchFindings } from '../core';
import { withBaseline, withoutManifestExceptions } from '../host/audit-files';
import { BaselineFiles, BaselineUse } from './baseline-files';
import { ConfigLookup, excludedByConfig, FoundConfig, withConfigSuppressions } from './config-lookup';
import { isHelmTemplate, RepoLayout } from './repo-layout';

export interface DocumentSteps {
  /** Not checked at all: excluded by the configuration, or a Helm template (Go templates, not YAML). */
  readonly skipped: boolean;
  /** Part of the cache key: the configuration file (by identity) and whether the file is a patch. */
  readonly key: string;
  /** The analysis as shown: patch quieting, then the configuration's suppressions. */
  apply(result: AnalysisResult): AnalysisResult;
}

export type { BaselineUse } from './baseline-files';

/** Decides the steps of a document; tells configuration files apart by identity (config-lookup.ts keeps one per modification time). */
export class DocumentStepsPlanner {
  private readonly configIds = new WeakMap<ConfigFile, number>();
  private nextConfigId = 1;
  private readonly layout = new RepoLayout();
  constructor(
    private readonly configs: ConfigLookup,
    private readonly baselines: BaselineFiles,
  ) {}

  stepsOf(uri: string, baselineUse?: BaselineUse): DocumentSteps {
    const found = this.configs.configFor(uri);
    const skipped = isHelmTemplate(uri) || excludedByConfig(found, uri);
    const patch = !skipped && this.layout.isKustomizePatch(uri);
    const baseline = baselineUse && this.baselines.at(baselineUse.absolute);
    const baselineKey = baselineUse && baseline ? `|baseline ${baselineUse.absolute}@${baseline.mtime}|${baselineUse.mode}` : '';
    return {
      skipped,
      key: `${patch ? 'patch' : 'whole'}|${this.configKey(found)}${baselineKey}`,
      apply: (result) => {
        // A Kustomize patch is partial: only the values it sets are findings.
        const quieted = patch ? { ...result, findings: patchFindings(result.findings) } : result;
        const honest = found?.file.config?.exceptions === 'config-only' ? withoutManifestExceptions(quieted, {}) : quieted;
        const configured = withConfigSuppressions(found, uri, honest, Date.now());
        if (!baseline?.baseline || !baselineUse) return configured;
        if (baselineUse.mode === 'hide') return withBaseline(configured, baseline.baseline);
        const { baselined } = baseline.baseline.split(configured.findings);
        const held = new Set(baselined);
        return { ...configured, findings: configured.findings.map((finding) => (held.has(finding) ? { ...finding, severity: 'hint' as const } : finding)) };
      },
    };
  }

  private configKey(found: FoundConfig | undefined): string {
    if (!found) return 'no configuration';
    let id = this.configIds.get(found.file);
    if (id === undefined) this.configIds.set(found.file, (id = this.nextConfigId++));
    // A suppression holds through its `expires` day (UTC): a result made on another day may have
    // let fewer findings through, so the day is part of the key.
    const day = found.file.config?.suppressions?.length ? `|${new Date().toISOString().slice(0, 10)}` : '';
    return `configuration ${id} in ${found.directory}${day}`;
  }
}
