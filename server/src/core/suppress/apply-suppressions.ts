/**
 * Applying suppressions to findings: a finding covered by a directive or an annotation with a reason
 * moves to `suppressed` (still counted, never silently lost); directives without a reason or naming
 * an unknown rule become problems reported on the directive itself. Another tool's blanket exemption
 * (kube-linter ignore-all, Polaris exempt) counts as a suppression without a reason: a problem on the
 * annotation, and it does not apply to error findings unless foreign suppressions are `all`.
 */
import type { Finding } from '../rules/types';
import { locate } from '../engine/locate';
import type { Resource } from '../model/resource';
import type { SourceFile } from '../parse/source-file';
import { ruleById } from '../rules/registry';
import { annotationSuppressions, CommentDirective, parseCommentDirectives } from './directives';
import { foreignSuppressions } from './foreign-annotations';

export interface SuppressedFinding {
  readonly finding: Finding;
  readonly reason: string;
  /** A comment directive, an annotation (ours or another tool's), `.kube-checklist.yaml`, or the baseline file. */
  readonly by: 'comment' | 'annotation' | 'config' | 'baseline';
}

export type DirectiveProblemId = 'missingReason' | 'unknownRule' | 'noRule' | 'blanketExemption';

/**
 * Whether other tools' ignore annotations are honoured: `false` never, `true` (the default) per-check
 * ones and blanket exemptions except for errors, `all` every one, blanket exemptions of errors included.
 */
export type ForeignSuppressionMode = boolean | 'all';

export interface DirectiveProblem {
  readonly messageId: DirectiveProblemId;
  readonly data: Readonly<Record<string, string>>;
  readonly start: number;
  readonly end: number;
}

export interface SuppressionResult {
  readonly kept: Finding[];
  readonly suppressed: SuppressedFinding[];
  readonly problems: DirectiveProblem[];
}

/**
 * `foreign`: also honour other tools' ignore annotations (suppress/foreign-annotations.ts), as the
 * kubeChecklist.honorForeignSuppressions setting and --no-foreign-suppressions decide.
 */
export function applySuppressions(source: SourceFile, resources: readonly Resource[], findings: readonly Finding[], foreign: ForeignSuppressionMode = true): SuppressionResult {
  const problems: DirectiveProblem[] = [];
  const directives = parseCommentDirectives(source.text, source.documents).filter((directive) => validDirective(directive, problems));
  const annotations = resources.flatMap((resource) => [
    ...annotationSuppressions(resource).filter((suppression) => {
      if (suppression.reason) return true;
      const at = locate(resource.document.contents, suppression.path, 'key');
      problems.push({ messageId: 'missingReason', data: {}, start: at.start, end: at.end });
      return false;
    }).map((suppression) => ({ resource, suppression })),
    ...(foreign ? foreignSuppressions(resource).map((suppression) => {
      if (suppression.blanket && foreign !== 'all') {
        const at = locate(resource.document.contents, suppression.path, 'key');
        problems.push({ messageId: 'blanketExemption', data: { annotation: String(suppression.path[suppression.path.length - 1]) }, start: at.start, end: at.end });
      }
      return { resource, suppression };
    }) : []),
  ]);
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const finding of findings) {
    const line = source.lineCounter.linePos(finding.start).line - 1;
    const comment = directives.find((directive) => covers(directive, directives, finding.ruleId, line));
    if (comment) {
      suppressed.push({ finding, reason: comment.reason!, by: 'comment' });
      continue;
    }
    const annotation = annotations.find(
      ({ resource, suppression }) =>
        resource.documentIndex === finding.documentIndex &&
        resource.basePath.every((segment, index) => finding.path[index] === segment) &&
        suppression.ruleIds.includes(finding.ruleId) &&
        !(suppression.blanket && foreign !== 'all' && finding.severity === 'error'),
    );
    if (annotation) {
      suppressed.push({ finding, reason: annotation.suppression.reason!, by: 'annotation' });
      continue;
    }
    kept.push(finding);
  }
  return { kept, suppressed, problems };
}

function validDirective(directive: CommentDirective, problems: DirectiveProblem[]): boolean {
  const at = { start: directive.start, end: directive.end };
  if (directive.ruleIds.length === 0) {
    problems.push({ messageId: 'noRule', data: {}, ...at });
    return false;
  }
  const unknown = directive.ruleIds.filter((id) => !ruleById(id));
  unknown.forEach((id) => problems.push({ messageId: 'unknownRule', data: { ruleId: id }, ...at }));
  if (directive.kind !== 'enable' && !directive.reason) {
    problems.push({ messageId: 'missingReason', data: {}, ...at });
    return false;
  }
  return true;
}

function covers(directive: CommentDirective, all: readonly CommentDirective[], ruleId: string, line: number): boolean {
  if (!directive.ruleIds.includes(ruleId)) return false;
  if (directive.kind === 'disable-next-line') return line === directive.line + 1;
  if (directive.kind !== 'disable' || line < directive.line) return false;
  const reenabled = all.some((other) => other.kind === 'enable' && other.ruleIds.includes(ruleId) && other.line > directive.line && other.line < line);
  return !reenabled;
}
