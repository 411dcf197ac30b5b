/**
 * Other tools' ignore annotations, honoured for the rules that check the same thing, so a team can
 * switch to kube-checklist without rewriting its exemptions: kube-linter
 * (`ignore-check.kube-linter.io/<check>`, `kube-linter.io/ignore-all`), Checkov
 * (`checkov.io/skip<N>: CKV_K8S_<n>=reason`, also under bridgecrew.io and cortex.io), Polaris
 * (`polaris.fairwinds.com/<check>-exempt: "true"`, `polaris.fairwinds.com/exempt`) and kube-score
 * (`kube-score/ignore: a,b`). One alias table, derived from the peer table; a check without an
 * equivalent rule is ignored. The reason is the tool's own (Checkov) or names the annotation, so
 * the finding is counted, not lost.
 * The blanket forms (`kube-linter.io/ignore-all`, `polaris.fairwinds.com/exempt`) are marked
 * `blanket`: they give no per-check reason, so they do not silence errors (see apply-suppressions.ts).
 */
import { podTemplateOf } from '../model/pod-spec';
import type { Resource } from '../model/resource';
import { isRecord, PropertyPath, recordAt } from '../model/values';
import type { AnnotationSuppression } from './directives';
import { AnnotationTool, peerAliases } from './peer-checks';

type Tool = AnnotationTool;

/**
 * Each tool's check name → our rules that check the same thing: the `mapped` checks of the peer
 * table (peer-checks.ts), which docs/peers.md is generated from too.
 */
export const FOREIGN_ALIASES: Readonly<Record<Tool, Readonly<Record<string, readonly string[]>>>> = peerAliases();

const CHECKOV_PREFIXES = ['checkov.io/skip', 'bridgecrew.io/skip', 'cortex.io/skip'];

/** The suppressions other tools' annotations on a resource (and its Pod template) amount to. */
export function foreignSuppressions(resource: Resource): AnnotationSuppression[] {
  const places: { annotations: unknown; path: PropertyPath }[] = [
    { annotations: recordAt(recordAt(resource.value, 'metadata'), 'annotations'), path: [...resource.basePath, 'metadata', 'annotations'] },
  ];
  const template = podTemplateOf(resource);
  if (template && template.metadataPath.length > 1) places.push({ annotations: template.metadata.annotations, path: [...resource.basePath, ...template.metadataPath, 'annotations'] });
  const suppressions: AnnotationSuppression[] = [];
  for (const { annotations, path } of places) {
    if (!isRecord(annotations)) continue;
    for (const [key, value] of Object.entries(annotations)) {
      const found = fromAnnotation(key, value);
      if (found && found.ruleIds.length > 0) suppressions.push({ ...found, path: [...path, key] });
    }
  }
  return suppressions;
}

function fromAnnotation(key: string, value: unknown): { ruleIds: string[]; reason: string; blanket?: boolean } | undefined {
  const text = typeof value === 'string' ? value.trim() : typeof value === 'boolean' ? String(value) : '';
  const byAnnotation = `${key} annotation`;
  if (key.startsWith('ignore-check.kube-linter.io/')) return { ruleIds: aliases('kube-linter', key.slice('ignore-check.kube-linter.io/'.length)), reason: text || byAnnotation };
  if (key === 'kube-linter.io/ignore-all') return { ruleIds: allOf('kube-linter'), reason: text || byAnnotation, blanket: true };
  if (CHECKOV_PREFIXES.some((prefix) => key.startsWith(prefix) && /^\d*$/.test(key.slice(prefix.length)))) {
    const [check, ...reason] = text.split('=');
    return { ruleIds: aliases('checkov', check.trim()), reason: reason.join('=').trim() || byAnnotation };
  }
  if (key.startsWith('polaris.fairwinds.com/') && text.toLowerCase() === 'true') {
    const name = key.slice('polaris.fairwinds.com/'.length);
    if (name === 'exempt') return { ruleIds: allOf('polaris'), reason: byAnnotation, blanket: true };
    if (name.endsWith('-exempt')) return { ruleIds: aliases('polaris', name.slice(0, -'-exempt'.length)), reason: byAnnotation };
  }
  if (key === 'kube-score/ignore') return { ruleIds: text.split(',').flatMap((check) => aliases('kube-score', check.trim())), reason: byAnnotation };
  return undefined;
}

function aliases(tool: Tool, check: string): string[] {
  return [...(FOREIGN_ALIASES[tool][check] ?? [])];
}

function allOf(tool: Tool): string[] {
  return [...new Set(Object.values(FOREIGN_ALIASES[tool]).flat())];
}
