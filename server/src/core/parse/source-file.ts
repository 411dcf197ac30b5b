/**
 * Parsing: the whole text is parsed once with `yaml` into documents that keep their source
 * offsets, with a LineCounter for line/column conversion at the edge. Multi-document streams,
 * JSON text, CRLF and non-ASCII text are handled by the parser itself; we never split on `---`.
 * The alias limit guards against alias bombs, and syntax errors are kept per document so that a
 * broken document is skipped without hiding the healthy ones beside it.
 */
import { Document, LineCounter, parseAllDocuments, ScalarTag } from 'yaml';

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
    // Merge keys are still common in hand-written manifests, so keep them working.
    merge: true,
    customTags: (tags) => [KUBERNETES_BOOLEAN, ...tags.filter((tag) => (tag as ScalarTag).tag !== 'tag:yaml.org,2002:bool')],
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
