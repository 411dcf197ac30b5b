/**
 * Big open documents (generated manifests of thousands of documents) are parsed and checked in
 * slices, and after an edit only their changed documents again (core/engine/incremental.ts): the
 * work gives way to the event loop every few milliseconds, so hover, code actions and other
 * documents keep being answered, and it stops as soon as a newer version of the document arrives.
 * Such a document is checked on its own while typing (its cross-file findings come with the
 * audit), which keeps the cost of a keystroke bound by the file, not by the workspace.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisOptions, AnalysisResult, analyzeIncrementallySliced, IncrementalState, RuleSelection, selectRules, Slicing, SourceFile } from '../core';

/** Texts longer than this (UTF-16 code units) are analyzed in slices. */
export const SLICED_ANALYSIS_THRESHOLD = 256 * 1024;

/** How long a slice may run before giving way. */
const SLICE_MS = 8;

export function slicingWhile(isCurrent: () => boolean): Slicing {
  let sliceStart = performance.now();
  return {
    shouldPause: () => performance.now() - sliceStart > SLICE_MS,
    pause: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          sliceStart = performance.now();
          resolve();
        }),
      ),
    cancelled: () => !isCurrent(),
  };
}

type SlicedAnalysis = { source: SourceFile; result: AnalysisResult };

interface InFlight {
  readonly version: number;
  readonly options: AnalysisOptions;
  superseded: boolean;
  promise: Promise<SlicedAnalysis | undefined>;
}

/**
 * What the sliced analysis keeps between versions of the open big documents: the incremental state
 * of each, the running analysis of each, and the rule selection of each options object. One
 * instance belongs to the document checker, so forgetting a document is one call on it.
 */
export class SlicedAnalyzer {
  private readonly states = new Map<string, IncrementalState>();
  private readonly selections = new WeakMap<AnalysisOptions, RuleSelection>();
  private readonly inFlight = new Map<string, InFlight>();

  /**
   * The parse and the analysis of the document alone, in slices and incrementally: the documents of
   * the file whose text did not change since the last version keep their parse and findings.
   * Undefined when a newer version arrived meanwhile.
   */
  analyze(document: TextDocument, options: AnalysisOptions, isCurrent: () => boolean): Promise<SlicedAnalysis | undefined> {
    // One analysis per version and options: a second request (the index finishing, a settings
    // change that changes nothing) waits for the running one instead of parsing the file again
    // beside it; a request with other options supersedes it.
    const running = this.inFlight.get(document.uri);
    if (running && running.version === document.version && running.options === options) return running.promise;
    if (running) running.superseded = true;
    const entry: InFlight = { version: document.version, options, superseded: false, promise: Promise.resolve(undefined) };
    entry.promise = this.analyzeNow(document, options, () => !entry.superseded && isCurrent()).finally(() => {
      if (this.inFlight.get(document.uri) === entry) this.inFlight.delete(document.uri);
    });
    this.inFlight.set(document.uri, entry);
    return entry.promise;
  }

  /** Drops what is kept for a closed (or reopened) document. */
  forget(uri: string): void {
    this.states.delete(uri);
    const running = this.inFlight.get(uri);
    if (running) running.superseded = true;
    this.inFlight.delete(uri);
  }

  private async analyzeNow(document: TextDocument, options: AnalysisOptions, isCurrent: () => boolean): Promise<SlicedAnalysis | undefined> {
    let selection = this.selections.get(options);
    if (!selection) this.selections.set(options, (selection = selectRules(options)));
    const analysis = await analyzeIncrementallySliced(document.getText(), selection, this.states.get(document.uri), slicingWhile(isCurrent));
    if (!analysis) return undefined;
    if (analysis.state) this.states.set(document.uri, analysis.state);
    else this.states.delete(document.uri);
    return { source: analysis.source, result: analysis.result };
  }
}
