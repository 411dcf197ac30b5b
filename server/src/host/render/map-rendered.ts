/**
 * Findings of rendered output, carried back to the files that hold the resources: a Kustomize
 * resource to its document in the base file (found by kind and name), on the same field when the
 * base has it and on its nearest ancestor otherwise; a Helm resource to its template file (at its
 * first line: a template is not YAML, so no field can be pointed at). Fixes are dropped: they were
 * computed on text the user does not edit.
 */
import {
  analyzeWorkspace,
  extractResources,
  Finding,
  locate,
  originOf,
  parseSourceFile,
  Resource,
  RuleSelection,
  SourceFile,
  WorkspaceIndex,
} from '../../core';
import type { RenderedSet } from './render-sources';

/** Findings by the absolute path of the file they are carried to, without duplicates. */
export function mapRenderedFindings(sets: readonly RenderedSet[], selection: RuleSelection, sourceOf: (absolute: string) => SourceFile | undefined): Map<string, Finding[]> {
  const byFile = new Map<string, Map<string, Finding>>();
  for (const set of sets) {
    const source = parseSourceFile(set.text);
    const index = new WorkspaceIndex([{ uri: 'rendered', path: 'rendered', source }]);
    const resources = index.files[0].resources;
    const analysis = analyzeWorkspace(index, selection).files[0];
    for (const finding of analysis?.findings ?? []) {
      const resource = resources.find((candidate) => candidate.documentIndex === finding.documentIndex && candidate.basePath.every((segment, i) => finding.path[i] === segment));
      const origin = resource && originOf(resource, set.text);
      if (!resource || !origin) continue;
      const absolute = set.resolveOrigin(origin.path);
      const mapped = carry(finding, resource, origin.tool === 'kustomize' ? sourceOf(absolute) : undefined);
      const key = `${mapped.ruleId}\u0000${mapped.messageId}\u0000${mapped.start}\u0000${mapped.end}\u0000${JSON.stringify(mapped.data)}`;
      const findings = byFile.get(absolute) ?? new Map<string, Finding>();
      findings.set(key, mapped);
      byFile.set(absolute, findings);
    }
  }
  return new Map([...byFile].map(([file, findings]) => [file, [...findings.values()].sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId))]));
}

function carry(finding: Finding, rendered: Resource, originSource: SourceFile | undefined): Finding {
  const plain = { ...finding, file: undefined, related: undefined, fixes: [] };
  const base = originSource && extractResources(originSource).resources.find((candidate) => candidate.kind === rendered.kind && candidate.name === rendered.name);
  if (!base) return { ...plain, start: 0, end: 0, exact: false, documentIndex: 0 };
  const relative = finding.path.slice(rendered.basePath.length);
  const at = locate(base.node, relative, finding.target);
  return { ...plain, path: [...base.basePath, ...relative], start: at.start, end: at.end, exact: at.exact, documentIndex: base.documentIndex };
}
