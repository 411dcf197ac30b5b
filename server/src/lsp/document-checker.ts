/**
 * The document checker: the one place that turns an open document into what the server shows of
 * it. A check reads the document's settings, leaves out what is not checked (a configuration file,
 * a disabled or non-manifest document, a Helm template, a file the configuration excludes, a file
 * over the size limit), analyzes the rest (within its workspace folder once indexed, else alone;
 * big documents in slices) and applies the steps after the analysis (document-steps.ts) before the
 * result enters the cache. Diagnostics, hover and code actions all ask it, so none of them can act
 * on a finding another one does not show.
 */
import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisResult, analyzeSource, analyzeWorkspace, fileKindOf, isDockerfileName, isWorkspaceRule, parseFile, ruleById, SourceFile } from '../core';
import { AnalysisCache, AnalysisPlan, DocumentAnalysis } from './analysis-cache';
import { BaselineFiles, baselineUseOf } from './baseline-files';
import { ConfigLookup, isConfigDocument } from './config-lookup';
import { DocumentSteps, DocumentStepsPlanner } from './document-steps';
import type { ServerSettings } from './settings';
import { SLICED_ANALYSIS_THRESHOLD, SlicedAnalyzer } from './sliced-analysis';
import type { WorkspaceService } from './workspace-service';

const ANALYZED_LANGUAGES = new Set(['yaml', 'json', 'jsonc', 'dockerfile']);

/** What a check found a document to be, for the version it was made for. */
export type DocumentCheck =
  | { readonly kind: 'configuration'; readonly document: TextDocument }
  /** Not checked; `sizeLimit` is set when the document is over it. */
  | { readonly kind: 'unchecked'; readonly document: TextDocument; readonly sizeLimit?: number }
  | { readonly kind: 'checked'; readonly document: TextDocument; readonly analysis: DocumentAnalysis };

export interface CheckerHost {
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceService;
  readonly configs: ConfigLookup;
  /** The baseline files, shared with Audit Workspace. */
  readonly baselines: BaselineFiles;
  settingsFor(uri: string): Promise<ServerSettings>;
}

export class DocumentChecker {
  private readonly analyses = new AnalysisCache();
  private readonly sliced = new SlicedAnalyzer();
  private readonly steps: DocumentStepsPlanner;

  constructor(private readonly host: CheckerHost) {
    this.steps = new DocumentStepsPlanner(host.configs, host.baselines);
  }

  /** The check of the document's current text; undefined when it closed or changed meanwhile. */
  async check(uri: string): Promise<DocumentCheck | undefined> {
    const document = this.host.documents.get(uri);
    if (!document) return undefined;
    const version = document.version;
    const settings = await this.host.settingsFor(uri);
    if (!this.isCurrent(document, version)) return undefined;
    const steps = this.stepsOrSkip(document, settings);
    if ('kind' in steps) return steps;
    // A Dockerfile is small and parsed in one go: the sliced path is the YAML parser's.
    const sliced = document.getText().length > SLICED_ANALYSIS_THRESHOLD && fileKindOf(document.uri, document.languageId) === 'manifest';
    const analysis = sliced ? await this.analyzeBig(document, settings, steps) : this.analyzeOpen(document, settings, steps);
    return analysis ? { kind: 'checked', document, analysis } : undefined;
  }

  /**
   * A text that is not (or not as it is) an open document, checked as if it lived at its URI: the
   * same settings, configuration and steps, the document alone (the workspace index holds the
   * file's other text), never cached (it belongs to no open document). For the language model
   * tools, which check and fix texts an agent hands over.
   */
  async checkText(document: TextDocument): Promise<DocumentCheck> {
    const settings = await this.host.settingsFor(document.uri);
    const steps = this.stepsOrSkip(document, settings);
    if ('kind' in steps) return steps;
    const plan = alonePlan(document, settings);
    const analysis = new AnalysisCache().analyze(document, settings.options, { key: plan.key, source: plan.source, analyze: () => steps.apply(plan.analyze()) });
    return { kind: 'checked', document, analysis };
  }

  /** The steps of a document that is checked, or what leaves it unchecked (in this order). */
  private stepsOrSkip(document: TextDocument, settings: ServerSettings): DocumentSteps | DocumentCheck {
    if (isConfigDocument(document.uri)) return { kind: 'configuration', document };
    if (!settings.enable || !isManifestCandidate(document)) return { kind: 'unchecked', document };
    const steps = this.stepsOf(document.uri, settings);
    if (steps.skipped) return { kind: 'unchecked', document };
    if (document.getText().length > settings.maxFileBytes) return { kind: 'unchecked', document, sizeLimit: settings.maxFileBytes };
    return steps;
  }

  /** The checked result of the document's current text, for the handlers that act on findings. */
  async analysisOf(uri: string): Promise<{ document: TextDocument; analysis: DocumentAnalysis } | undefined> {
    const check = await this.check(uri);
    return check?.kind === 'checked' ? check : undefined;
  }

  /** Steps for a file that is not open (its indexed text), the same as for an open one. */
  stepsOf(uri: string, settings?: ServerSettings): DocumentSteps {
    const folder = this.host.workspace.folderOf(uri);
    return this.steps.stepsOf(uri, baselineUseOf(settings, folder?.fsPath));
  }

  /** Drops what is kept for a document that closed or was opened again. */
  forget(uri: string): void {
    this.analyses.delete(uri);
    this.sliced.forget(uri);
  }

  /** Settings or a configuration changed: every result may differ. */
  clear(): void {
    this.analyses.clear();
  }

  private isCurrent(document: TextDocument, version: number): boolean {
    // The same object too: a document opened again may have new text under the same version.
    const current = this.host.documents.get(document.uri);
    return current === document && current.version === version;
  }

  private analyzeOpen(document: TextDocument, settings: ServerSettings, steps: DocumentSteps): DocumentAnalysis {
    const plan = this.workspacePlan(document, settings) ?? alonePlan(document, settings);
    return this.analyses.analyze(document, settings.options, {
      key: `${plan.key}|${steps.key}`,
      get source() {
        return plan.source;
      },
      analyze: () => steps.apply(plan.analyze()),
    });
  }

  /**
   * Within its workspace folder once the folder is indexed (the index holds this very text).
   * Without `workspaceRules.liveInEditor` the workspace rules stay out (they come with the audit).
   */
  private workspacePlan(document: TextDocument, settings: ServerSettings): AnalysisPlan | undefined {
    const { workspace } = this.host;
    const folder = workspace.folderOf(document.uri);
    const folderIndex = folder ? workspace.indexFor(folder) : undefined;
    const source = folderIndex ? workspace.sourceOf(document)?.source : undefined;
    if (!folderIndex || !source) return undefined;
    return {
      key: `${folderIndex.key}|${settings.workspaceRulesLive}`,
      source,
      analyze: () =>
        analyzeWorkspace(folderIndex.index, settings.options, { files: new Set([document.uri]), workspaceRules: settings.workspaceRulesLive }).files[0] ??
        analyzeSource(source, settings.options),
    };
  }

  /**
   * A big document, parsed and checked in slices and on its own (see sliced-analysis.ts); the
   * workspace index reuses the parse. Undefined when a newer version arrived meanwhile.
   */
  private async analyzeBig(document: TextDocument, settings: ServerSettings, steps: DocumentSteps): Promise<DocumentAnalysis | undefined> {
    const key = `sliced|${steps.key}`;
    const ready = this.analyses.current(document);
    if (ready && ready.key === key) return ready;
    const version = document.version;
    const sliced = await this.sliced.analyze(document, settings.options, () => this.isCurrent(document, version));
    if (!sliced) return undefined;
    this.host.workspace.prime(document, sliced.source);
    const result = settings.workspaceRulesLive ? sliced.result : withoutWorkspaceRules(sliced.result);
    return this.analyses.analyze(document, settings.options, { key, source: sliced.source, analyze: () => steps.apply(result) });
  }
}

/** The document alone; the parse is made only when the cache has no result for it. */
function alonePlan(document: TextDocument, settings: ServerSettings): AnalysisPlan {
  let parsed: SourceFile | undefined;
  const live = settings.workspaceRulesLive;
  return {
    key: live ? 'alone' : 'alone, without workspace rules',
    get source() {
      return (parsed ??= parseFile(document.uri, document.getText(), document.languageId));
    },
    analyze() {
      const result = analyzeSource(this.source, settings.options);
      return live ? result : withoutWorkspaceRules(result);
    },
  };
}

/** The result without the findings of workspace rules (live checks with `workspaceRules.liveInEditor` off). */
function withoutWorkspaceRules(result: AnalysisResult): AnalysisResult {
  const keep = (ruleId: string) => {
    const rule = ruleById(ruleId);
    return !rule || !isWorkspaceRule(rule);
  };
  return { ...result, findings: result.findings.filter((finding) => keep(finding.ruleId)), suppressed: result.suppressed.filter(({ finding }) => keep(finding.ruleId)) };
}

export function isManifestCandidate(document: TextDocument): boolean {
  return ANALYZED_LANGUAGES.has(document.languageId) || /\.(ya?ml|json)$/i.test(document.uri) || isDockerfileName(document.uri);
}
