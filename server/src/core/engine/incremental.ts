/**
 * Incremental analysis of a multi-document file: the text is cut at its `---` lines (a document
 * marker at column 0 ends any scalar or collection, so the cut is exact), each piece is parsed on
 * its own, and after an edit only the pieces whose text changed are parsed and checked again; the
 * others keep their parse and their findings, moved to their new offsets. Workspace rules and
 * suppressions, which look across documents, run over the whole file every time. When an edit
 * touches a resource that other resources' findings depend on (a ServiceAccount, a LimitRange, a
 * control-plane Pod ...), every resource is checked again. The result equals `analyzeSource` of
 * the whole text (a property test holds it to that).
 */
import { Document, isCollection, isNode, isPair } from 'yaml';
import { componentsNamed } from '../model/control-plane';
import { extractFromDocument, Resource, SkippedDocument } from '../model/resource';
import { composeDocuments, countLines, parseSourceFile, Slicing, SourceFile } from '../parse/source-file';
import { isWorkspaceRule } from '../rules/types';
import { applySuppressions } from '../suppress/apply-suppressions';
import { unparseableFindings } from './unparseable';
import { WorkspaceIndex } from '../workspace/workspace-index';
import { runWorkspaceRules } from '../workspace/analyze-workspace';
import { AnalysisResult, analyzeSource, checkResource, Finding, RuleFailure, RuleSelection } from './analyze';
import { appendAll } from './append-all';

/** Kinds that rules read as context for other resources of the file. */
const CONTEXT_KINDS = new Set(['ServiceAccount', 'LimitRange', 'RuntimeClass', 'Namespace', 'KubeletConfiguration', 'Issuer', 'ClusterIssuer']);

interface Piece {
  readonly text: string;
  start: number;
  readonly documents: Document.Parsed[];
  /** Resource-rule findings of this piece's resources, in absolute offsets of `start`. */
  findings: Finding[];
  contextual: boolean;
  /** Index of the piece's first document in the file, when its findings were made. */
  firstDocument: number;
  /** Its resources and skipped documents, numbered from `firstDocument` (extracted once). */
  resources?: Resource[];
  skipped?: SkippedDocument[];
  /** Whether `findings`, `resources` and `skipped` were made (not after a whole-file fallback). */
  checked: boolean;
}

export interface IncrementalState {
  readonly selection: RuleSelection;
  readonly pieces: readonly Piece[];
}

export interface IncrementalAnalysis {
  readonly source: SourceFile;
  readonly result: AnalysisResult;
  /** Undefined when the file cannot be analyzed in pieces (directives, very deep nesting). */
  readonly state: IncrementalState | undefined;
}

export function analyzeIncrementally(text: string, selection: RuleSelection, previous?: IncrementalState): IncrementalAnalysis {
  const steps = incrementalSteps(text, selection, previous);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** The same, giving way between pieces (see Slicing); undefined when cancelled. */
export async function analyzeIncrementallySliced(text: string, selection: RuleSelection, previous: IncrementalState | undefined, slicing: Slicing): Promise<IncrementalAnalysis | undefined> {
  const steps = incrementalSteps(text, selection, previous);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (slicing.shouldPause()) {
      await slicing.pause();
      if (slicing.cancelled()) return undefined;
    }
  }
}

function* incrementalSteps(text: string, selection: RuleSelection, previous?: IncrementalState): Generator<void, IncrementalAnalysis> {
  // %YAML / %TAG directives apply to the document after them: such files are parsed whole.
  if (/^%/m.test(text)) return whole(text, selection);
  // Parses are reused whatever the rules; findings only under the same rule selection.
  const reusable = previous ? byText(previous.pieces) : new Map<string, Piece[]>();
  const pieces: Piece[] = [];
  const fresh = new Set<Piece>();
  const moved: Moved[] = [];
  let contextChanged = false;
  if (!previous?.pieces.length) {
    // The first analysis: one parse of the whole text (the fastest), its documents then shared out
    // to the pieces their content starts in.
    const documents: Document.Parsed[] = [];
    try {
      for (const document of composeDocuments(text)) {
        documents.push(document);
        yield;
      }
    } catch (error) {
      if (error instanceof RangeError) return whole(text, selection);
      throw error;
    }
    const spans = cuts(text);
    const shares = spans.map((): Document.Parsed[] => []);
    let at = 0;
    for (const document of documents) {
      const offset = document.contents?.range?.[0] ?? document.range[0];
      while (at + 1 < spans.length && offset >= spans[at + 1][0]) at++;
      shares[at].push(document);
    }
    spans.forEach(([start, end], i) => {
      const piece: Piece = { text: text.slice(start, end), start, documents: shares[i], findings: [], contextual: false, firstDocument: 0, checked: false };
      pieces.push(piece);
      fresh.add(piece);
    });
  }
  for (const [start, end] of previous?.pieces.length ? cuts(text) : []) {
    const pieceText = text.slice(start, end);
    const reused = reusable.get(pieceText)?.shift();
    if (reused) {
      moved.push({ piece: reused, oldStart: reused.start, oldEnd: reused.start + pieceText.length, delta: start - reused.start, oldFirst: reused.firstDocument });
      move(reused, start - reused.start);
      pieces.push(reused);
      continue;
    }
    const parsed = parseSourceFile(pieceText);
    if (parsed.tooDeep) return whole(text, selection);
    const piece: Piece = { text: pieceText, start: 0, documents: [...parsed.documents], findings: [], contextual: false, firstDocument: 0, checked: false };
    move(piece, start);
    pieces.push(piece);
    fresh.add(piece);
    yield;
  }
  // Pieces of the previous state that found no place: removed or edited.
  for (const left of reusable.values()) if (left.some((piece) => piece.contextual)) contextChanged = true;
  // A syntax error is attributed by the parser across document boundaries (a stray token at the
  // start of a document counts against the one before), so a file with errors is analyzed whole,
  // exactly as elsewhere; its pieces are kept for the next edit, to be checked again then.
  if (pieces.some((piece) => piece.documents.some((document) => document.errors.length > 0))) {
    for (const piece of pieces) {
      piece.checked = false;
      piece.resources = undefined;
      piece.skipped = undefined;
    }
    const analysis = whole(text, selection);
    return { ...analysis, state: { selection, pieces } };
  }

  const documents = pieces.flatMap((piece) => piece.documents);
  const source: SourceFile = { text, documents, lineCounter: countLines(text) };
  const resources: Resource[] = [];
  const skipped: SkippedDocument[] = [];
  const resourcesOf = new Map<Piece, Resource[]>();
  let documentIndex = 0;
  const firstDocuments = new Map<Piece, number>();
  for (const piece of pieces) {
    let own: Resource[];
    firstDocuments.set(piece, documentIndex);
    if (piece.resources && piece.skipped) {
      const delta = documentIndex - piece.firstDocument;
      own = delta === 0 ? piece.resources : piece.resources.map((resource) => ({ ...resource, documentIndex: resource.documentIndex + delta }));
      if (delta !== 0) piece.skipped = piece.skipped.map((entry) => ({ ...entry, documentIndex: entry.documentIndex + delta }));
      appendAll(skipped, piece.skipped);
      documentIndex += piece.documents.length;
    } else {
      own = [];
      const ownSkipped: SkippedDocument[] = [];
      for (const document of piece.documents) extractFromDocument(document, documentIndex++, own, ownSkipped);
      piece.skipped = ownSkipped;
      appendAll(skipped, ownSkipped);
    }
    piece.resources = own;
    piece.contextual = own.some(isContext);
    if (fresh.has(piece) && piece.contextual) contextChanged = true;
    resourcesOf.set(piece, own);
    appendAll(resources, own);
  }
  const ruleFailures: RuleFailure[] = [];
  const findings: Finding[] = [];
  for (const piece of pieces) {
    const first = firstDocuments.get(piece)!;
    // Related places in the same file point into other pieces, which moved by their own amounts.
    const relocated = !fresh.has(piece) && piece.checked ? relocate(piece.findings, moved, firstDocuments) : undefined;
    if (relocated) piece.findings = relocated;
    if (contextChanged || fresh.has(piece) || !piece.checked || previous?.selection !== selection || !relocated) {
      piece.findings = resourcesOf.get(piece)!.flatMap((resource) => checkResource(resource, selection, ruleFailures, resources));
      yield;
    } else if (first !== piece.firstDocument) {
      piece.findings = renumber(piece.findings, first - piece.firstDocument);
    }
    piece.firstDocument = first;
    piece.checked = true;
    appendAll(findings, piece.findings);
  }
  if (resources.length > 0 && selection.rules.some(({ rule }) => isWorkspaceRule(rule))) {
    appendAll(findings, runWorkspaceRules(WorkspaceIndex.single(source, resources, skipped), selection, ruleFailures));
  }
  for (const finding of unparseableFindings(source, skipped, selection)) findings.push(finding);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const { kept, suppressed, problems } = applySuppressions(source, resources, findings, selection.foreignSuppressions);
  const result: AnalysisResult = { findings: kept, suppressed, directiveProblems: problems, skipped, ruleFailures, resourceCount: resources.length };
  return { source, result, state: { selection, pieces } };
}

function whole(text: string, selection: RuleSelection): IncrementalAnalysis {
  const source = parseSourceFile(text);
  return { source, result: analyzeSource(source, selection), state: undefined };
}

/** [start, end) of each piece: a new piece at every line that is a `---` document marker. */
function cuts(text: string): [number, number][] {
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let match = marker.exec(text); match; match = marker.exec(text)) if (match.index > 0) starts.push(match.index);
  return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}

function byText(pieces: readonly Piece[]): Map<string, Piece[]> {
  const map = new Map<string, Piece[]>();
  for (const piece of pieces) {
    const list = map.get(piece.text);
    if (list) list.push(piece);
    else map.set(piece.text, [piece]);
  }
  return map;
}

/** Shifts a piece's parse and findings by `delta` characters. */
function move(piece: Piece, delta: number): void {
  piece.start += delta;
  if (delta === 0) return;
  piece.skipped = piece.skipped?.map((entry) => ({ ...entry, offset: entry.offset + delta }));
  const shift = (range: [number, number, number] | null | undefined) => {
    if (range) for (let i = 0; i < range.length; i++) range[i] += delta;
  };
  for (const document of piece.documents) {
    shift(document.range as [number, number, number]);
    shiftNode(document.contents, shift);
    for (const problem of [...document.errors, ...document.warnings]) {
      problem.pos[0] += delta;
      problem.pos[1] += delta;
    }
  }
  piece.findings = piece.findings.map((finding) => ({ ...finding, start: finding.start + delta, end: finding.end + delta }));
}

/**
 * Shifts the ranges of a node and every node below it. A plain walk over keys, values and items:
 * yaml's `visit` builds a frozen path array per node, which made moving the documents after an
 * edit cost more than checking the edited one.
 */
function shiftNode(node: unknown, shift: (range: [number, number, number] | null | undefined) => void): void {
  if (isPair(node)) {
    shiftNode(node.key, shift);
    shiftNode(node.value, shift);
  } else if (isNode(node)) {
    shift(node.range as [number, number, number] | null | undefined);
    if (isCollection(node)) for (const item of node.items) shiftNode(item, shift);
  }
}

interface Moved {
  readonly piece: Piece;
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly delta: number;
  readonly oldFirst: number;
}

/**
 * The findings with their same-file related places moved along with the pieces those lie in;
 * undefined when one lies in a piece that was edited or removed (the findings are made again).
 */
function relocate(findings: readonly Finding[], moved: readonly Moved[], firstDocuments: ReadonlyMap<Piece, number>): Finding[] | undefined {
  const result: Finding[] = [];
  for (const finding of findings) {
    if (!finding.related?.some((place) => place.file === undefined)) {
      result.push(finding);
      continue;
    }
    const related = [];
    for (const place of finding.related) {
      if (place.file !== undefined) {
        related.push(place);
        continue;
      }
      const span = spanAt(moved, place.start);
      if (span && place.end > span.oldEnd) return undefined;
      if (!span) return undefined;
      const documentDelta = firstDocuments.get(span.piece)! - span.oldFirst;
      related.push({ ...place, start: place.start + span.delta, end: place.end + span.delta, documentIndex: place.documentIndex + documentDelta });
    }
    result.push({ ...finding, related });
  }
  return result;
}

/** The moved piece whose old text held `offset` (pieces keep their order, so by bisection). */
function spanAt(moved: readonly Moved[], offset: number): Moved | undefined {
  let low = 0;
  let high = moved.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = moved[middle];
    if (offset < entry.oldStart) high = middle - 1;
    else if (offset >= entry.oldEnd) low = middle + 1;
    else return entry;
  }
  return undefined;
}

/** A kept piece's findings when documents before it were added or removed. */
function renumber(findings: readonly Finding[], delta: number): Finding[] {
  return findings.map((finding) => ({ ...finding, documentIndex: finding.documentIndex + delta }));
}

function isContext(resource: Resource): boolean {
  return CONTEXT_KINDS.has(resource.kind) || componentsNamed(resource, 'kube-apiserver').length > 0;
}
