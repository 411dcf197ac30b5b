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
}

export class AnalysisCache {
  private readonly entries = new Map<string, DocumentAnalysis>();

  analyze(document: TextDocument, options: AnalysisOptions): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version && cached.options === options) return cached;
    const source = parseSourceFile(document.getText());
    const analysis = { version: document.version, source, result: analyzeSource(source, options), options };
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
