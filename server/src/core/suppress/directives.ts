/**
 * Suppression directives written in the file: `# kube-checklist-disable-next-line <ids> -- reason`
 * (the next line), `# kube-checklist-disable <ids> -- reason` (from that line on) and
 * `# kube-checklist-enable <ids>` (ends a disable), and the resource annotations
 * `kube-checklist.io/ignore: "<id>[,<id>]"` with `kube-checklist.io/ignore-reason`, which survive
 * into the cluster. Every suppression needs a reason; one without is reported and does not apply.
 * Only real YAML comments are directives: the same text inside a string (a shell script in a block
 * scalar, a multi-line quoted scalar) is content, and must not switch a rule off.
 */
import { Document, isCollection, isPair, isScalar, Scalar } from 'yaml';
import type { Resource } from '../model/resource';
import { podTemplateOf } from '../model/pod-spec';
import { isRecord, PropertyPath, recordAt } from '../model/values';

export const IGNORE_ANNOTATION = 'kube-checklist.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kube-checklist.io/ignore-reason';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

export interface CommentDirective {
  readonly kind: DirectiveKind;
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  /** 0-based line of the comment. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export interface AnnotationSuppression {
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  /** Path of the `kube-checklist.io/ignore` annotation from the document root. */
  readonly path: PropertyPath;
  /** Another tool's blanket exemption (every check, no per-check reason): see apply-suppressions.ts. */
  readonly blanket?: boolean;
}

const DIRECTIVE = /(^|\s)#\s*kube-checklist-(disable-next-line|disable|enable)\b([^\n\r]*)/;

/**
 * The directives of the text. With the parsed `documents` of the text (their node offsets), a
 * match that lies inside a scalar is no comment and is left out; no second parse is needed.
 */
export function parseCommentDirectives(text: string, documents?: readonly Document.Parsed[]): CommentDirective[] {
  const directives: CommentDirective[] = [];
  if (!text.includes('kube-checklist-')) return directives;
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const match = DIRECTIVE.exec(line);
    if (match && !(documents && insideScalar(documents, text, offset + match.index + match[1].length))) {
      const [body, reasonPart] = splitReason(match[3].replace(/\r$/, ''));
      const ruleIds = body.split(/[\s,]+/).filter(Boolean);
      const start = offset + match.index + match[1].length;
      directives.push({
        kind: match[2] as DirectiveKind,
        ruleIds,
        reason: reasonPart,
        line: index,
        start,
        end: offset + line.replace(/\r$/, '').length,
      });
    }
    offset += line.length + 1;
  });
  return directives;
}

/** Whether `offset` lies in the content of a quoted or block scalar of the documents. */
function insideScalar(documents: readonly Document.Parsed[], text: string, offset: number): boolean {
  // The documents are in text order: the last one starting at or before the offset holds it.
  let low = 0;
  let high = documents.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (documents[middle].range[0] <= offset) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found >= 0 && nodeHolds(documents[found].contents, text, offset);
}

/** A plain walk down the one branch whose range holds the offset. */
function nodeHolds(node: unknown, text: string, offset: number): boolean {
  if (isPair(node)) return nodeHolds(node.key, text, offset) || nodeHolds(node.value, text, offset);
  if (isScalar(node)) return scalarHolds(node, text, offset);
  if (!isCollection(node)) return false;
  const range = node.range;
  if (range && (offset < range[0] || offset >= range[2])) return false;
  return node.items.some((item) => nodeHolds(item, text, offset));
}

function scalarHolds(node: Scalar, text: string, offset: number): boolean {
  const range = node.range;
  if (!range || offset < range[0] || offset >= range[1]) return false;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) return true;
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The range starts at the header (`|`, `>-` ...), whose own trailing comment is a real one.
    const headerEnd = text.indexOf('\n', range[0]);
    return headerEnd >= 0 && offset > headerEnd;
  }
  // A plain scalar ends before ` #`: what follows is a comment.
  return false;
}

function splitReason(rest: string): [string, string | undefined] {
  const separator = rest.indexOf('--');
  if (separator < 0) return [rest, undefined];
  const reason = rest.slice(separator + 2).trim();
  return [rest.slice(0, separator), reason || undefined];
}

/** The ignore annotations of a resource and of its Pod template, with document-root paths. */
export function annotationSuppressions(resource: Resource): AnnotationSuppression[] {
  const places: { annotations: unknown; path: PropertyPath }[] = [
    { annotations: recordAt(recordAt(resource.value, 'metadata'), 'annotations'), path: [...resource.basePath, 'metadata', 'annotations'] },
  ];
  const template = podTemplateOf(resource);
  if (template && template.metadataPath.length > 1) {
    places.push({ annotations: template.metadata.annotations, path: [...resource.basePath, ...template.metadataPath, 'annotations'] });
  }
  const suppressions: AnnotationSuppression[] = [];
  for (const { annotations, path } of places) {
    if (!isRecord(annotations) || typeof annotations[IGNORE_ANNOTATION] !== 'string') continue;
    const reason = annotations[IGNORE_REASON_ANNOTATION];
    suppressions.push({
      ruleIds: (annotations[IGNORE_ANNOTATION] as string).split(/[\s,]+/).filter(Boolean),
      reason: typeof reason === 'string' && reason.trim() ? reason.trim() : undefined,
      path: [...path, IGNORE_ANNOTATION],
    });
  }
  return suppressions;
}
