/**
 * Big open documents (generated manifests of thousands of documents) are parsed and checked in
 * slices: the work gives way to the event loop every few milliseconds, so hover, code actions and
 * other documents keep being answered, and it stops as soon as a newer version of the document
 * arrives. Such a document is checked on its own while typing (its cross-file findings come with
 * the audit), which keeps the cost of a keystroke bound by the file, not by the workspace.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisOptions, AnalysisResult, analyzeSourceSliced, parseSourceFileSliced, Slicing, SourceFile } from '../core';

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

/** The parse (unless given) and the analysis of the document alone, or undefined when a newer version arrived. */
export async function analyzeSliced(
  document: TextDocument,
  options: AnalysisOptions,
  isCurrent: () => boolean,
  parsed?: SourceFile,
): Promise<{ source: SourceFile; result: AnalysisResult } | undefined> {
  const slicing = slicingWhile(isCurrent);
  const source = parsed ?? (await parseSourceFileSliced(document.getText(), slicing));
  if (!source) return undefined;
  const result = await analyzeSourceSliced(source, options, slicing);
  return result ? { source, result } : undefined;
}
