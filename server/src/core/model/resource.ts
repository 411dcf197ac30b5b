/**
 * The resource model: which YAML documents are Kubernetes objects. A document whose root is a map
 * with string `apiVersion` and `kind` is a resource; the items of a `kind: List` (or `*List`) are
 * resources too, each remembering its path inside the document. Everything else (compose files,
 * workflows, Helm values) is ignored without a word. Each resource carries its plain value for rules
 * and its YAML node for positions.
 */
import { Document, isAlias, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { SourceFile } from '../parse/source-file';
import { firstSyntaxProblem } from '../parse/source-file';
import { isRecord, PropertyPath } from './values';
import { decodeLikeKubectl, DecodeProblem } from './kubectl-decode';
import { redactDetail } from '../text/redact';

export interface ResourceIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface Resource extends ResourceIdentity {
  readonly document: Document.Parsed;
  readonly documentIndex: number;
  /** Where the resource's root map sits inside its document: [] or ['items', i]. */
  readonly basePath: PropertyPath;
  readonly node: YAMLMap;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * A Kubernetes-looking document that could not be read the way kubectl reads it: not analyzed at
 * all, or (`duplicate-key`) analyzed with the last value of the key, as kubectl applies it. Each
 * becomes an `unparseable-manifest` error finding: a security gate fails closed.
 */
export interface SkippedDocument {
  readonly documentIndex: number;
  readonly offset: number;
  readonly reason: 'syntax' | 'aliases' | 'depth' | 'decode' | 'duplicate-key';
  readonly detail: string;
}

export interface ResourceSet {
  readonly resources: Resource[];
  readonly skipped: SkippedDocument[];
}

const TOO_DEEP = 'the document is nested too deeply to be checked';

export function extractResources(source: SourceFile): ResourceSet {
  const resources: Resource[] = [];
  const skipped: SkippedDocument[] = [];
  source.documents.forEach((document, documentIndex) => {
    extractFromDocument(document, documentIndex, resources, skipped);
  });
  for (const offset of source.tooDeep ?? []) {
    const documentIndex = source.documents.findIndex((document) => offset >= document.range[0] && offset <= document.range[2]);
    skipped.push({ documentIndex, offset, reason: 'depth', detail: TOO_DEEP });
  }
  if (source.tooDeep?.length) skipped.sort((a, b) => a.offset - b.offset);
  return { resources, skipped };
}

export function extractFromDocument(
  document: Document.Parsed,
  documentIndex: number,
  resources: Resource[],
  skipped: SkippedDocument[],
): void {
  if (!isMap(document.contents)) return;
  if (!looksLikeResource(document.contents)) return;
  const problem = firstSyntaxProblem(document);
  if (problem) {
    const tooDeep = problem.tooDeep;
    skipped.push({ documentIndex, offset: problem.offset, reason: tooDeep ? 'depth' : 'syntax', detail: tooDeep ? TOO_DEEP : problem.message });
    return;
  }
  let value: unknown;
  try {
    const decoded = decodeLikeKubectl(document, document.contents);
    value = decoded.value;
    for (const duplicate of decoded.duplicates) {
      skipped.push({ documentIndex, offset: duplicate.offset, reason: 'duplicate-key', detail: duplicate.key });
    }
  } catch (error) {
    const tooDeep = error instanceof RangeError || (error instanceof DecodeProblem && error.reason === 'depth');
    const reason = tooDeep ? 'depth' : error instanceof DecodeProblem && error.reason === 'aliases' ? 'aliases' : 'decode';
    // Where an expansion gave out says nothing useful: an alias problem sits on the document.
    const start = document.contents.range?.[0] ?? 0;
    const offset = error instanceof DecodeProblem && reason !== 'aliases' ? error.offset : start;
    skipped.push({ documentIndex, offset, reason, detail: tooDeep ? TOO_DEEP : redactDetail((error as Error).message) });
    return;
  }
  if (!isRecord(value)) return;
  const root = identityOf(value);
  if (!root) return;
  if (root.kind === 'List' || (root.kind.endsWith('List') && Array.isArray(value.items))) {
    const itemsNode = document.contents.get('items', true);
    const items = Array.isArray(value.items) ? value.items : [];
    items.forEach((item, index) => {
      const itemNode: Node | undefined = isSeq(itemsNode) ? (itemsNode.items[index] as Node) : undefined;
      const identity = isRecord(item) ? identityOf(item) : undefined;
      if (!identity || !isMap(itemNode)) return;
      resources.push({ ...identity, document, documentIndex, basePath: ['items', index], node: itemNode, value: item as Record<string, unknown> });
    });
    return;
  }
  resources.push({ ...root, document, documentIndex, basePath: [], node: document.contents, value });
}

/**
 * Cheap test on the node before any conversion: both keys written out, or keys that only decoding
 * can tell (a merge key, an alias or a tagged key may bring `apiVersion` and `kind`).
 */
function looksLikeResource(map: YAMLMap): boolean {
  let apiVersion = false;
  let kind = false;
  for (const pair of map.items) {
    const keyNode = pair.key as Node | null;
    if (isAlias(keyNode)) return true;
    if (!isScalar(keyNode)) continue;
    const key = keyNode.source ?? keyNode.value;
    if (key === 'apiVersion') apiVersion = true;
    else if (key === 'kind') kind = true;
    else if (key === '<<') return true;
  }
  return apiVersion && kind;
}

function identityOf(value: Record<string, unknown>): ResourceIdentity | undefined {
  const { apiVersion, kind } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || !apiVersion || !kind) return undefined;
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const name = typeof metadata.name === 'string' ? metadata.name : undefined;
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  return { apiVersion, kind, name, namespace };
}
