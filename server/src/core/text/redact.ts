/**
 * Redaction: the one function every user string goes through before it enters a message (finding
 * messages, warnings, parse-error details). A secret, or any part of it, is never printed, logged
 * or reported. Pure and idempotent.
 *
 * - URL userinfo: everything between `scheme://` and the last `@` of the authority
 *   (`https://user:p@ss@host/` becomes `https://***@host/`); also `user:password@host` without a scheme.
 * - Query strings and fragments: the value of every parameter (`?token=abc&x=1` becomes `?token=***&x=***`).
 */
export const REDACTED = '***';

/** `scheme://` then the authority up to its last `@` (the authority ends at `/`, `?`, `#` or a space). */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#"'<>]*)@(?=[^\s@/?#"'<>])/gi;
/** `user:password@host` without a scheme, at the start of a word; the password may hold `@`. */
const BARE_USERINFO = /(^|[\s"'(<,=[{])([^\s"'<>()@/:]+:[^\s"'<>/]*)@(?=[^\s@/?#"'<>])/g;
/** A query or fragment parameter with a value. */
const QUERY_VALUE = /([?&#][^\s=&#?"'<>]+=)[^\s&#"'<>]*/g;

export function redactSecrets(text: string): string {
  if (!text) return text;
  let result = text.replace(URL_USERINFO, (_whole, scheme: string) => `${scheme}${REDACTED}@`);
  result = result.replace(BARE_USERINFO, (whole, lead: string, userinfo: string) =>
    userinfo === REDACTED || userinfo.endsWith(`//${REDACTED}`) ? whole : `${lead}${REDACTED}@`,
  );
  result = result.replace(QUERY_VALUE, (_whole, name: string) => `${name}${REDACTED}`);
  return result;
}

/** Every string value of message data, redacted; numbers pass through. */
export function redactData(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) out[key] = typeof value === 'string' ? redactSecrets(value) : value;
  return out;
}

/** Short phrases for the `yaml` library's error codes: the parser's message quotes the source. */
const PARSE_ERROR_PHRASES: Readonly<Record<string, string>> = {
  ALIAS_PROPS: 'an alias cannot have an anchor or a tag',
  BAD_ALIAS: 'invalid alias',
  BAD_DIRECTIVE: 'invalid directive',
  BAD_DQ_ESCAPE: 'invalid escape sequence in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_PROP_ORDER: 'anchor and tag in the wrong order',
  BAD_SCALAR_START: 'a plain scalar cannot start with this character',
  BLOCK_AS_IMPLICIT_KEY: 'a block value cannot be an implicit key',
  BLOCK_IN_FLOW: 'a block value inside a flow collection',
  DUPLICATE_KEY: 'duplicate key',
  IMPOSSIBLE: 'unexpected parser state',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR: 'a character is missing',
  MULTILINE_IMPLICIT_KEY: 'an implicit key spans several lines',
  MULTIPLE_ANCHORS: 'several anchors on one node',
  MULTIPLE_DOCS: 'several documents where one was expected',
  MULTIPLE_TAGS: 'several tags on one node',
  NON_STRING_KEY: 'a key that is not a string',
  TAB_AS_INDENT: 'a tab used as indentation',
  TAG_RESOLVE_FAILED: 'a tag that cannot be resolved',
  UNEXPECTED_TOKEN: 'unexpected token',
  BAD_COLLECTION_TYPE: 'a collection of the wrong type',
};

/**
 * A parser error as words that never hold source text: the phrase for its code, or `syntax error`.
 * Only the error's kind is kept; its position travels separately.
 */
export function describeParseError(error: { code?: unknown }): string {
  const code = typeof error.code === 'string' ? error.code : '';
  return PARSE_ERROR_PHRASES[code] ?? 'syntax error';
}

/**
 * Free text from a library or a failing rule (an exception message, a parser message) reduced to
 * its first line, without any quoted or trailing source text, then redacted:
 * `Unexpected scalar token in YAML stream: "password: hunter2"` becomes
 * `Unexpected scalar token in YAML stream`.
 */
export function redactDetail(detail: string): string {
  let text = String(detail).split(/\r?\n/)[0];
  const colon = text.indexOf(': ');
  if (colon >= 0) text = text.slice(0, colon);
  text = text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'|`[^`]*`/g, '…');
  return redactSecrets(text).trim() || 'syntax error';
}
