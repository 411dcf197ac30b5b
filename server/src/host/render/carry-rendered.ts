/**
 * The findings of rendered overlays and charts, carried into an audit's analyses (both faces use
 * this): a file of the audit gets the findings of its rendered resources instead of its own (the
 * rendered resource is what is deployed), except a Kustomize patch, which keeps its own; a file
 * outside the audit (a Helm template) gets an analysis of its own.
 */
import * as fs from 'node:fs';
import { FileAnalysis, Finding, parseSourceFile, RuleSelection, SourceFile } from '../../core';
import { mapRenderedFindings } from './map-rendered';
import type { RenderedSet } from './render-sources';

export interface CarryContext {
  /** The rules a rendered overlay or chart is checked with (those of the configuration of its folder). */
  selectionOf(set: RenderedSet): RuleSelection;
  /** The identity (uri) of an audited file, by absolute path; undefined when it is not audited. */
  uriOf(absolute: string): string | undefined;
  /** The uri and display path of a file outside the audit (a chart template). */
  outsideFile(absolute: string): { readonly uri: string; readonly path: string };
  /** The parse of an audited file, by uri. */
  sourceOf(uri: string): SourceFile | undefined;
  /** Whether the audited file is a Kustomize patch. */
  isPatch(uri: string): boolean;
}

export function carryRenderedFindings(sets: readonly RenderedSet[], analyses: readonly FileAnalysis[], context: CarryContext): FileAnalysis[] {
  const outside = new Map<string, SourceFile | undefined>();
  const sourceOfAbsolute = (absolute: string): SourceFile | undefined => {
    const uri = context.uriOf(absolute);
    if (uri !== undefined) return context.sourceOf(uri);
    if (!outside.has(absolute)) outside.set(absolute, readSource(absolute));
    return outside.get(absolute);
  };
  const carried = new Map<string, Finding[]>();
  const extra: FileAnalysis[] = [];
  for (const [absolute, findings] of renderedFindings(sets, context, sourceOfAbsolute)) {
    const uri = context.uriOf(absolute);
    if (uri !== undefined) {
      if (!context.isPatch(uri)) carried.set(uri, findings);
      continue;
    }
    const { uri: outsideUri, path } = context.outsideFile(absolute);
    const file = { uri: outsideUri, path, directory: '', source: sourceOfAbsolute(absolute) ?? parseSourceFile(''), resources: [], skipped: [] };
    extra.push({ file, findings, suppressed: [], directiveProblems: [], skipped: [], ruleFailures: [], resourceCount: 0 });
  }
  const replaced = analyses.map((analysis) => {
    const findings = carried.get(analysis.file.uri);
    return findings ? { ...analysis, findings } : analysis;
  });
  return [...replaced, ...extra];
}

/** The findings of every set by the file they are carried to; sets that share rules are mapped together. */
function renderedFindings(sets: readonly RenderedSet[], context: CarryContext, sourceOf: (absolute: string) => SourceFile | undefined): Map<string, Finding[]> {
  const groups = new Map<RuleSelection, RenderedSet[]>();
  for (const set of sets) {
    const selection = context.selectionOf(set);
    groups.set(selection, [...(groups.get(selection) ?? []), set]);
  }
  const all = new Map<string, Finding[]>();
  for (const [selection, group] of groups) {
    for (const [absolute, findings] of mapRenderedFindings(group, selection, sourceOf)) all.set(absolute, [...(all.get(absolute) ?? []), ...findings]);
  }
  return all;
}

function readSource(absolute: string): SourceFile | undefined {
  try {
    return parseSourceFile(fs.readFileSync(absolute, 'utf8'));
  } catch {
    return undefined;
  }
}
