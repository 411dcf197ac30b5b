/**
 * The one cache of the open documents: for each, the checked result of its latest version, after
 * every step (the analysis, patch quieting and the configuration's suppressions; see
 * document-checker.ts), keyed by version, options and a key naming everything else the result was
 * made from (the workspace state, the settings and the configuration that shaped it). Publishing
 * diagnostics, hover and code actions all read this one entry, so they never disagree about which
 * findings exist, and a code action is always computed against the text the user sees now.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisOptions, AnalysisResult, SourceFile } from '../core';

export interface DocumentAnalysis {
  readonly version: number;
  readonly source: SourceFile;
  /** The findings as shown: every step after the analysis already applied. */
  readonly result: AnalysisResult;
  readonly options: AnalysisOptions;
  /** What else the result was made from (see AnalysisPlan.key). */
  readonly key: string;
}

/** How to make a document's result: the parse the index uses, and the analysis with its steps. */
export interface AnalysisPlan {
  /** Changes whenever the workspace index, a setting or the configuration that shapes the result changes. */
  readonly key: string;
  readonly source: SourceFile;
  analyze(): AnalysisResult;
}

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();

  analyze(document: TextDocument, options: AnalysisOptions, plan: AnalysisPlan): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options && cached.key === plan.key) return cached;
    const analysis: DocumentAnalysis = { version: document.version, source: plan.source, result: plan.analyze(), options, key: plan.key };
    this.entries.set(document.uri, analysis);
    return analysis;
  }

  /** The result of exactly this version, if one was made. */
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
