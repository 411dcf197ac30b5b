/**
 * The latest analysis of each open document, keyed by uri and version, so that publishing
 * diagnostics, hover and code actions share one parse and one rule pass per version, and a code
 * action is always computed against the text the user sees now.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisOptions, AnalysisResult, analyzeSource, parseSourceFile, SourceFile } from '../core';

export interface DocumentAnalysis {
  readonly version: number;
  readonly source: SourceFile;
  readonly result: AnalysisResult;
  readonly options: AnalysisOptions;
  /** The workspace state the result was computed in (see WorkspaceContext), if any. */
  readonly workspaceKey?: string;
}

/** An analysis of the document within its workspace: the parse the index uses, and the analysis. */
export interface WorkspaceContext {
  /** Changes whenever the workspace index (or a setting that shapes the result) changes. */
  readonly key: string;
  readonly source: SourceFile;
  analyze(): AnalysisResult;
}

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();

  analyze(document: TextDocument, options: AnalysisOptions, workspace?: WorkspaceContext): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options && cached.workspaceKey === workspace?.key) return cached;
    const source = workspace ? workspace.source : parseSourceFile(document.getText());
    const result = workspace ? workspace.analyze() : analyzeSource(source, options);
    const analysis: DocumentAnalysis = { version: document.version, source, result, options, workspaceKey: workspace?.key };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  /** The analysis of exactly this version, if one was made. */
  current(document: TextDocument): DocumentAnalysis | undefined {
    const cached = this.entries.get(document.uri);
    return cached && cached.version === document.version ? cached : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
