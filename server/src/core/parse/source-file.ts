/**
 * Parsing: the whole text is parsed once with `yaml` into documents that keep their source
 * offsets, with a LineCounter for line/column conversion at the edge. Multi-document streams,
 * JSON text, CRLF and non-ASCII text are handled by the parser itself; we never split on `---`.
 * The alias limit guards against alias bombs, and syntax errors are kept per document so that a
 * broken document is skipped without hiding the healthy ones beside it.
 */
import { Composer, Document, DocumentOptions, LineCounter, ParseOptions, Parser, ScalarTag, SchemaOptions } from 'yaml';
import { describeParseError } from '../text/redact';
import type { DockerfileModel } from '../dockerfile/dockerfile-model';

/**
 * kubectl and the API server read manifests through sigs.k8s.io/yaml (go-yaml v2, YAML 1.1
 * booleans): `yes`, `on`, `y` are true and `no`, `off`, `n` are false. Reading them as strings
 * would miss `privileged: yes` and flag `allowPrivilegeEscalation: no`. Everything else stays the
 * YAML 1.2 core schema (no sexagesimal numbers, no timestamps), which is what JSON conversion keeps.
 */
const KUBERNETES_BOOLEAN: ScalarTag = {
  identify: (value) => typeof value === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:[yY]|yes|Yes|YES|[nN]|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (source) => /^(?:[yY]|yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(source),
};

export interface SourceFile {
  readonly text: string;
  readonly documents: readonly Document.Parsed[];
  readonly lineCounter: LineCounter;
  /** Offsets of documents nested too deeply for the parser; they were left out (see below). */
  readonly tooDeep?: readonly number[];
  /** A Dockerfile (see parse/parse-file.ts): its model, and no YAML documents. */
  readonly dockerfile?: DockerfileModel;
}

/** Documents too deep for the parser's recursion are blanked and parsed again, at most this often. */
const MAX_DEEP_DOCUMENTS = 20;

export interface SyntaxProblem {
  /** Words for the error's kind only, never source text (see `describeParseError`). */
  readonly message: string;
  /** The composer's own stack overflow, reported as an error of the document. */
  readonly tooDeep: boolean;
  readonly offset: number;
}

const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  // Merge keys and duplicate keys are resolved as kubectl resolves them, by model/kubectl-decode.ts
  // (go-yaml v2 applies them in document order, which `yaml`'s own merging does not).
  merge: false,
  uniqueKeys: false,
  customTags: (tags) => [KUBERNETES_BOOLEAN, ...tags.filter((tag) => (tag as ScalarTag).tag !== 'tag:yaml.org,2002:bool')],
  strict: false,
  // The parser must not print: its warnings (e.g. "Keys with collection values will be
  // stringified") go to process warnings and quote source text, which may be a secret.
  logLevel: 'error',
};

/**
 * The documents of the text one at a time, as `parseAllDocuments` composes them (the same parser
 * and composer, so the same documents, offsets and errors), so that a caller may pause between them.
 */
export function* composeDocuments(text: string): Generator<Document.Parsed> {
  const parser = new Parser();
  const composer = new Composer(PARSE_OPTIONS);
  yield* composer.compose(parser.parse(kubectlLineBreaks(text))) as Generator<Document.Parsed>;
}

/**
 * go-yaml (kubectl's YAML reader) ends a line at a bare CR, NEL (U+0085), LINE SEPARATOR (U+2028)
 * and PARAGRAPH SEPARATOR (U+2029) as well as at LF and CRLF; `yaml` ends lines at LF only, so a
 * `# note\r  hostPID: true` would be a comment to us and a field to kubectl. Each of them is one
 * UTF-16 unit, like LF, so replacing them keeps every offset true.
 */
const FOREIGN_LINE_BREAK = /\r(?!\n)|[\u0085\u2028\u2029]/g;

export function kubectlLineBreaks(text: string): string {
  FOREIGN_LINE_BREAK.lastIndex = 0;
  return FOREIGN_LINE_BREAK.test(text) ? text.replace(FOREIGN_LINE_BREAK, '\n') : text;
}

/**
 * The parser recurses per nesting level, so a document nested thousands deep overflows the stack.
 * Such a document is replaced by spaces (newlines kept, so every offset after it stays true) and
 * the text parsed again; its offset is kept in `tooDeep` so that it is reported, not lost.
 */
export function parseSourceFile(text: string): SourceFile {
  const tooDeep: number[] = [];
  let parseable = text;
  for (;;) {
    const lineCounter = countLines(text);
    const documents: Document.Parsed[] = [];
    try {
      for (const document of composeDocuments(parseable)) documents.push(document);
      return tooDeep.length ? { text, documents, lineCounter, tooDeep } : { text, documents, lineCounter };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const [start, end] = nextDocumentContent(parseable, documents.at(-1)?.range[2] ?? 0);
      if (tooDeep.length >= MAX_DEEP_DOCUMENTS || start >= end) return { text, documents, lineCounter, tooDeep: [...tooDeep, start] };
      tooDeep.push(start);
      parseable = parseable.slice(0, start) + parseable.slice(start, end).replace(/[^\r\n]/g, ' ') + parseable.slice(end);
    }
  }
}

/** From `from`: the first line of content (not blank, a comment or a marker) to the next document marker. */
function nextDocumentContent(text: string, from: number): [number, number] {
  const marker = /^(?:---|\.\.\.)(?:\s|$)/;
  let start = -1;
  for (let lineStart = from; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    if (start < 0 && line.trim() !== '' && !line.trimStart().startsWith('#') && !marker.test(line)) start = lineStart;
    else if (start >= 0 && marker.test(line)) return [start, lineStart];
    lineStart = lineEnd;
  }
  return start < 0 ? [text.length, text.length] : [start, text.length];
}

/**
 * The same parse, awaiting `pause()` whenever `shouldPause()` says so between documents: a server
 * keeps answering other requests while a file of thousands of documents is parsed. Returns
 * undefined when `cancelled()` turns true (a newer edit arrived).
 */
export async function parseSourceFileSliced(text: string, slicing: Slicing): Promise<SourceFile | undefined> {
  const lineCounter = countLines(text);
  const documents: Document.Parsed[] = [];
  try {
    for (const document of composeDocuments(text)) {
      documents.push(document);
      if (slicing.shouldPause()) {
        await slicing.pause();
        if (slicing.cancelled()) return undefined;
      }
    }
  } catch (error) {
    if (error instanceof RangeError) return parseSourceFile(text);
    throw error;
  }
  return { text, documents, lineCounter };
}

/** How a long computation gives way: the caller owns the clock and the event loop. */
export interface Slicing {
  shouldPause(): boolean;
  pause(): Promise<void>;
  cancelled(): boolean;
}

/**
 * Line starts counted from the text itself: the parser's own count skips lines inside some broken
 * constructs (an unclosed flow collection), which would put positions after them on wrong lines.
 */
export function countLines(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) counter.addNewLine(at + 1);
  // A bare CR ends a line for LSP and for editors too (LF and CRLF are counted above).
  if (text.includes('\r')) {
    for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) if (text[at + 1] !== '\n') counter.addNewLine(at + 1);
    counter.lineStarts.sort((a, b) => a - b);
  }
  return counter;
}

/** The first syntax error of a document, if any: such documents are not analyzed. */
export function firstSyntaxProblem(doc: Document.Parsed): SyntaxProblem | undefined {
  const error = doc.errors[0];
  if (!error) return undefined;
  return { message: describeParseError(error), tooDeep: /call stack/i.test(error.message), offset: error.pos[0] };
}

/** 0-based line and UTF-16 character of an offset, as LSP counts them. */
export function positionOf(source: SourceFile, offset: number): { line: number; character: number } {
  const { line, col } = source.lineCounter.linePos(Math.max(0, Math.min(offset, source.text.length)));
  return { line: line - 1, character: col - 1 };
}
