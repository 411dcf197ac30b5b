/**
 * Parsing: the whole text is parsed once with `yaml` into documents that keep their source
 * offsets, with a LineCounter for line/column conversion at the edge. Multi-document streams,
 * JSON text, CRLF and non-ASCII text are handled by the parser itself; we never split on `---`.
 * The alias limit guards against alias bombs, and syntax errors are kept per document so that a
 * broken document is skipped without hiding the healthy ones beside it.
 */
import { Document, LineCounter, parseAllDocuments } from 'yaml';

export interface SourceFile {
  readonly text: string;
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
}

export interface SyntaxProblem {
  readonly message: string;
  readonly offset: number;
}

export function parseSourceFile(text: string): SourceFile {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: false,
    // Kubernetes reads YAML 1.2 core schema without custom tags; merge keys are still common in
    // hand-written manifests, so keep them working.
    merge: true,
    strict: false,
    // The parser must not print: its warnings (e.g. "Keys with collection values will be
    // stringified") go to process warnings and quote source text, which may be a secret.
    logLevel: 'error',
  });
  const documents = Array.isArray(parsed) ? parsed : [];
  return { text, documents, lineCounter };
}

/** The first syntax error of a document, if any: such documents are not analyzed. */
export function firstSyntaxProblem(doc: Document.Parsed): SyntaxProblem | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  return { message: error.message.split('\n')[0], offset: error.pos[0] };
}

/** 0-based line and UTF-16 character of an offset, as LSP counts them. */
export function positionOf(source: SourceFile, offset: number): { line: number; character: number } {
  const { line, col } = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line: line - 1, character: col - 1 };
}
