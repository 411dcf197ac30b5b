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

const states = new Map<string, IncrementalState>();
const selections = new WeakMap<AnalysisOptions, RuleSelection>();

/**
 * The parse and the analysis of the document alone, in slices and incrementally: the documents of
 * the file whose text did not change since the last version keep their parse and findings.
 * Undefined when a newer version arrived meanwhile.
 */
export function analyzeSliced(document: TextDocument, options: AnalysisOptions, isCurrent: () => boolean): Promise<SlicedAnalysis | undefined> {
  // One analysis per version and options: a second request (the index finishing, a settings
  // change that changes nothing) waits for the running one instead of parsing the file again
  // beside it; a request with other options supersedes it.
  const running = inFlight.get(document.uri);
  if (running && running.version === document.version && running.options === options) return running.promise;
  if (running) running.superseded = true;
  const entry: InFlight = { version: document.version, options, superseded: false, promise: Promise.resolve(undefined) };
  entry.promise = analyzeNow(document, options, () => !entry.superseded && isCurrent()).finally(() => {
    if (inFlight.get(document.uri) === entry) inFlight.delete(document.uri);
  });
  inFlight.set(document.uri, entry);
  return entry.promise;
}

type SlicedAnalysis = { source: SourceFile; result: AnalysisResult };

interface InFlight {
  readonly version: number;
  readonly options: AnalysisOptions;
  superseded: boolean;
  promise: Promise<SlicedAnalysis | undefined>;
}

const inFlight = new Map<string, InFlight>();

async function analyzeNow(document: TextDocument, options: AnalysisOptions, isCurrent: () => boolean): Promise<SlicedAnalysis | undefined> {
  let selection = selections.get(options);
  if (!selection) selections.set(options, (selection = selectRules(options)));
  const analysis = await analyzeIncrementallySliced(document.getText(), selection, states.get(document.uri), slicingWhile(isCurrent));
  if (!analysis) return undefined;
  if (analysis.state) states.set(document.uri, analysis.state);
  else states.delete(document.uri);
  return { source: analysis.source, result: analysis.result };
}

/** Drops what is kept for a closed document. */
export function forgetSliced(uri: string): void {
  states.delete(uri);
  const running = inFlight.get(uri);
  if (running) running.superseded = true;
  inFlight.delete(uri);
}
