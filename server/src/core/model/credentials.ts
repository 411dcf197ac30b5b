/**
 * Credential detection for ConfigMap entries, container env values and Secret data: which key names
 * name a credential (word-aware: `DB_PASSWORD`, `apiKey`, `client.secret` are, `tokenizer`,
 * `secret-name`, `passwordPolicy`, `password_file` are not), which values are literal secrets (not
 * placeholders, references, paths, plain URLs, numbers or booleans), well-known token formats and
 * PEM private keys (recognised by their shape, whatever the key), URLs with a password in their
 * userinfo, and `key: value` / `key=value` / `"key": "value"` lines inside embedded config files.
 * Low noise is the point: a hit must be worth a person's attention. Nothing here ever returns the
 * secret itself; callers get a kind, a format name, and where it is (line, field name).
 */

export type CredentialKind = 'key' | 'private-key' | 'url-password' | 'token' | 'keystore';

export interface CredentialHit {
  readonly kind: CredentialKind;
  /** For `token`: whose format it is (a product name, the same in every language), e.g. `GitHub`, `JWT`. */
  readonly format?: string;
  /** 1-based line inside a multi-line value; absent for a single-line value judged as a whole. */
  readonly line?: number;
  /** The key inside an embedded config file (`password` in `db:\n  password: x`). */
  readonly field?: string;
}

/** At most this many hits per value: a dump of credentials needs one look, not a hundred squiggles. */
const MAX_HITS = 10;

// ---------------------------------------------------------------------------------------------
// Key names

/** `DB_PASSWORD` -> [db, password]; `APIKey` -> [api, key]; `client.secret` -> [client, secret]. */
export function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Word sequences that, at the END of a key, name a credential. */
const CREDENTIAL_ENDINGS: readonly (readonly string[])[] = [
  ['password'], ['passwd'], ['pwd'], ['passphrase'], ['secret'], ['token'], ['apikey'], ['credential'], ['credentials'],
  ['creds'], ['api', 'key'], ['access', 'key'], ['secret', 'key'], ['private', 'key'], ['privatekey'], ['signing', 'key'],
  ['encryption', 'key'], ['master', 'key'], ['account', 'key'], ['shared', 'key'], ['auth', 'key'], ['hmac', 'key'], ['client', 'key', 'data'],
  ['secret', 'key', 'base'], ['storage', 'key'], ['pass', 'phrase'],
];

/** Words that make a key describe a credential without holding it: `checksum/secret` (a Helm roll-out hash), `secretDigest`. */
const DESCRIBING_WORDS = new Set(['checksum', 'digest', 'sha1', 'sha256', 'sha512', 'md5']);

/**
 * `passwordSecretKey`, `tokenSecretKey`, `existingSecretKey`: the name of a key inside a Secret
 * (Helm charts' convention), not a secret key.
 */
const SECRET_KEY_REFERENCE_WORDS = new Set(['password', 'passwd', 'token', 'user', 'username', 'existing', 'ref', 'tls', 'ca', 'cert', 'admin']);

/** Concatenated single words (`PGPASSWORD`, `authtoken`) that end with a credential noun. */
const CONCATENATED_SUFFIXES = ['password', 'passwd', 'passphrase', 'apikey', 'secretkey', 'accesskey', 'privatekey', 'authtoken', 'accesstoken', 'apitoken', 'clientsecret'];

/** keytool's and jarsigner's password options (`-storepass`, `-keypass` ...) and Redis's (`--requirepass`, `--masterauth`). */
const PASSWORD_OPTION_WORDS = new Set(['storepass', 'keypass', 'srcstorepass', 'deststorepass', 'srckeypass', 'destkeypass', 'requirepass', 'masterauth']);

/** Whether the key names a credential. Only the end of the key counts: `password_file` names a file. */
export function isCredentialKey(key: string): boolean {
  const words = keyWords(key);
  // A trust store holds public certificates; its password (often the JDK's `changeit`) guards nothing secret.
  if (words.length === 0 || words.some((word) => word.startsWith('truststore') || word === 'trust' || DESCRIBING_WORDS.has(word))) return false;
  const n = words.length;
  if (n >= 3 && words[n - 2] === 'secret' && words[n - 1] === 'key' && SECRET_KEY_REFERENCE_WORDS.has(words[n - 3])) return false;
  for (const ending of CREDENTIAL_ENDINGS) {
    if (ending.length > words.length) continue;
    if (ending.every((word, i) => words[words.length - ending.length + i] === word)) return true;
  }
  // `DB_PASS`, `SMTP_PASS`: `pass` alone is too short a word to trust without a qualifier before it.
  if (words.length >= 2 && words[words.length - 1] === 'pass') return true;
  const last = words[words.length - 1];
  if (PASSWORD_OPTION_WORDS.has(last)) return true;
  return CONCATENATED_SUFFIXES.some((suffix) => last.endsWith(suffix) && last.length > suffix.length);
}

/** `auth` (Docker config, basic auth): a credential only when the value proves it. */
function isAuthKey(key: string): boolean {
  const words = keyWords(key);
  return words[words.length - 1] === 'auth';
}

function endsWithSecret(key: string): boolean {
  const words = keyWords(key);
  return words[words.length - 1] === 'secret';
}

// ---------------------------------------------------------------------------------------------
// Values

const NOT_A_VALUE = new Set([
  'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', 'nil', 'none', 'undefined', 'empty', 'n/a', 'na',
  'redacted', 'removed', 'hidden', 'masked', 'placeholder', 'todo', 'tbd', 'fixme', 'replace_me', 'replace-me', 'replaceme',
  'enabled', 'disabled', 'required', 'optional', 'auto', 'default', 'generated', 'random',
  'bearer', 'basic', 'oauth', 'oauth2', 'jwt', 'ldap', 'kerberos', 'digest',
]);

/**
 * Whether a value is a literal that could be a secret. Not: empty, numbers, booleans, placeholders
 * that cannot work as written (`<password>`, `${VAR}`, `$(VAR)`, `{{ .Values.x }}`, `***`, `xxxx`,
 * `REDACTED`), references (`$dex.clientSecret`, `%(name)s`), file paths, URLs without a password,
 * text with white space (sentences, code), and documentation placeholders (`changeme`, `dummy`,
 * `REPLACE_ME`, anything with `EXAMPLE`; see PLACEHOLDER_WORDS). Weak but working values that are
 * not such words (`admin`, `hunter2`) ARE literal secrets: they end up deployed as the credential.
 */
export function isLiteralSecretValue(raw: string): boolean {
  const value = unquote(raw.trim());
  if (value.length === 0 || /\s/.test(value)) return false;
  if (/^[-+]?\d+(\.\d+)?$/.test(value)) return false;
  if (NOT_A_VALUE.has(value.toLowerCase())) return false;
  if (isPlaceholderOrReference(value)) return false;
  if (/^(\/|\.\.?\/|~\/|[A-Za-z]:\\|file:)/.test(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  return true;
}

const FILLER_WORDS = new Set(['redacted', 'removed', 'placeholder', 'todo', 'tbd', 'fixme', 'replace_me', 'replace-me', 'replaceme']);

/**
 * Values that hold no secret whatever the key: empty text, templates and references (`${X}`,
 * `$(X)`, `{{ .Values.x }}`, `$ref`), filler (`<password>`, `***`, `xxxx`, `REDACTED`) and examples.
 * Unlike isLiteralSecretValue it accepts numbers, white space and multi-line text (certificates).
 */
export function isPlaceholderValue(raw: string): boolean {
  const value = unquote(raw.trim());
  return value === '' || FILLER_WORDS.has(value.toLowerCase()) || isPlaceholderOrReference(value);
}

function isPlaceholderOrReference(value: string): boolean {
  if (/^\$2[abxy]?\$\d\d\$/.test(value)) return false; // a bcrypt hash: a literal, crackable offline
  return (
    /^<[^>]*>$/.test(value) ||
    /\$\{[^}]*\}/.test(value) ||
    /\$\([^)]*\)/.test(value) ||
    /\{\{.*\}\}/.test(value) ||
    /^\{\{|\}\}$/.test(value) ||
    /%\([\w.-]+\)s/.test(value) ||
    /^\$[A-Za-z_][\w.:-]*$/.test(value) ||
    /^[xX*•.#?_-]{3,}$/.test(value) ||
    /^(your|my|the)[-_]?[\w-]*[-_]here$/i.test(value) ||
    /^[A-Z][A-Z0-9_]*_(VAL|VALUE|HERE)$/.test(value) ||
    /^(your|my|some)[-_]?\w*(password|passwd|secret|token|key|pass)\w*$/i.test(value) ||
    /^example/i.test(value) ||
    /EXAMPLE/.test(value) ||
    PLACEHOLDER_WORDS.test(value) ||
    value === 'abcdef.0123456789abcdef' // kubeadm's documented bootstrap token
  );
}

/**
 * Whole values that stand for a credential in documentation and chart defaults: `changeme`,
 * `change_it`, `dummy`, `sample-token`, `fake-password`, `REPLACE_WITH_TOKEN`, or the credential's
 * own noun (`password`, `secret`, `token`: usually the name of a key in a Secret, as in
 * `passwordSecretKey: password`).
 */
const PLACEHOLDER_WORDS =
  /^(?:change[-_.]?(?:me|it|this)(?:[-_.]?(?:please|now|later))?|replace[-_.]?(?:me|this|with[-_.]?\w*)|test[-_.]?(?:password|passwd|secret|token|key|api[-_]?key|credentials?)|(?:dummy|sample|fake)(?:[-_.]\w+)?|password|passwd|secret|token|apikey|api[-_]key|secret[-_]?key|access[-_]?key|private[-_]?key|credentials?)$/i;

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) return value.slice(1, -1);
  return value;
}

/** A Kubernetes object name such as `db-credentials-secret`: a value of a `*secret` key that names a Secret. */
function looksLikeObjectName(value: string): boolean {
  return /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/.test(value) && /[-.]/.test(value);
}

const SECRET_REFERENCE_WORDS = new Set(['existing', 'tls', 'ssl', 'cert', 'certificate', 'pull', 'image', 'registry', 'docker', 'ref', 'name', 'password', 'ca']);

/** `existingSecret`, `tlsSecret`, `passwordSecret`, or a value such as `db-credentials` / `app-tls-secret`. */
function namesASecret(key: string, value: string): boolean {
  const words = keyWords(key).slice(0, -1);
  if (words.some((word) => SECRET_REFERENCE_WORDS.has(word))) return true;
  return looksLikeObjectName(value) && value.split(/[-.]/).some((part) => ['secret', 'secrets', 'tls', 'cert', 'certs', 'credentials', 'creds'].includes(part));
}

/** Shannon entropy in bits per character. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Docker `auth` values are base64 of `user:password`; anything else under `auth` needs to look random. */
export function isAuthCredential(value: string): boolean {
  const decoded = value.length >= 8 ? decodeBase64Text(value) : undefined;
  if (decoded !== undefined && /^[^:\s]+:\S+$/.test(decoded)) return true;
  return value.length >= 20 && entropy(value) >= 3.5 && /\d/.test(value) && /[A-Za-z]/.test(value);
}

/** Whether a credential-like key with this value is a literal credential. */
export function keyValueIsCredential(key: string, raw: string): boolean {
  const value = unquote(raw.trim());
  if (isAuthKey(key)) return isLiteralSecretValue(value) && isAuthCredential(value);
  if (!isCredentialKey(key) || !isLiteralSecretValue(value)) return false;
  // `GOOGLE_API_KEY: GOOGLE_API_KEY_VAL`, `password: password`: the key's own name stands in for the value.
  const bareKey = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (bareKey.length >= 4 && value.toLowerCase().replace(/[^a-z0-9]/g, '').includes(bareKey)) return false;
  // `tlsSecret: my-tls-secret`, `existingSecret: db-credentials`: the name of a Secret object.
  if (endsWithSecret(key) && namesASecret(key, value)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Shapes recognised whatever the key

export interface FormatMatch {
  readonly kind: CredentialKind;
  readonly format?: string;
  readonly index: number;
}

const PEM_PRIVATE_KEY = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----([\s\S]*?)(?:-----END|$)/g;

const TOKEN_FORMATS: readonly { readonly format: string; readonly pattern: RegExp }[] = [
  { format: 'AWS', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/g },
  { format: 'GitHub', pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{22,}/g },
  { format: 'GitLab', pattern: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { format: 'Slack', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { format: 'Slack', pattern: /hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}/g },
  { format: 'Google API', pattern: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { format: 'Google OAuth', pattern: /\bGOCSPX-[0-9A-Za-z_-]{28}(?![0-9A-Za-z_-])/g },
  { format: 'Azure AD', pattern: /(?<![\w~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![\w~.-])/g },
  { format: 'Stripe', pattern: /\b(?:sk|rk)_live_[0-9A-Za-z]{20,}\b/g },
  { format: 'npm', pattern: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { format: 'SendGrid', pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b/g },
  { format: 'Azure Storage', pattern: /AccountKey=[A-Za-z0-9+/]{80,}={0,2}/g },
  { format: 'JWT', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g },
];

/** `scheme://user:password@host`: the password must be a literal (not `${PASS}`, `<password>`, `****`). */
/** A Google Cloud service account key file: `"type": "service_account"` beside its `"private_key"`. */
const GCP_SERVICE_ACCOUNT = /"type"\s*:\s*"service_account"/;
/** A Docker config (`.dockerconfigjson`, `config.json`): `"auths"` holding `auth`, `password` or token entries. */
const DOCKER_AUTHS = /"auths"\s*:\s*\{/;
const DOCKER_CREDENTIAL = /"(auth|password|identitytoken|registrytoken)"\s*:\s*"((?:[^"\\]|\\.){1,2000})"/gi;

/** `Authorization: Bearer <literal>` (also `Basic`, `Token`) in a header line, a script or a config file. */
const AUTHORIZATION_HEADER = /\bAuthorization["']?(?:\s*[:=]\s*|\s+)["']?(?:Bearer|Basic|Token)\s+([^\s'"\\,;]+)/gi;

const URL_USERINFO = /\b[a-z][a-z0-9+.-]*:\/\/([^\s:/@'"]*):([^\s/@'"]+)@[^\s/@'"]/gi;

const AUTHORIZATION_FORMAT = 'HTTP Authorization header';

/** Credentials recognised by their shape wherever they are in `text`, in order. */
export function formatMatches(text: string): FormatMatch[] {
  const matches: FormatMatch[] = [];
  // The PEM key inside a service account key file is reported as that file: it is what a user recognises.
  const serviceAccount = GCP_SERVICE_ACCOUNT.test(text);
  for (const match of text.matchAll(PEM_PRIVATE_KEY)) {
    // A header with `...` as its body is documentation, not a key.
    const body = match[2].replace(/\\n|\\r|[^A-Za-z0-9+/=]/g, '');
    if (body.length < 64) continue;
    matches.push(serviceAccount ? { kind: 'token', format: 'GCP service account', index: match.index ?? 0 } : { kind: 'private-key', index: match.index ?? 0 });
  }
  if (DOCKER_AUTHS.test(text)) {
    for (const match of text.matchAll(DOCKER_CREDENTIAL)) {
      const value = match[2];
      const literal = match[1].toLowerCase() === 'auth' ? isLiteralSecretValue(value) && isAuthCredential(value) : isLiteralSecretValue(value);
      if (literal) matches.push({ kind: 'token', format: 'Docker config', index: match.index ?? 0 });
    }
  }
  for (const { format, pattern } of TOKEN_FORMATS) {
    for (const match of text.matchAll(pattern)) {
      if (/EXAMPLE|X{6,}|0{10,}/.test(match[0])) continue;
      matches.push({ kind: 'token', format, index: match.index ?? 0 });
    }
  }
  for (const match of text.matchAll(AUTHORIZATION_HEADER)) {
    const credential = match[1];
    // Prose ("Authorization Basic authentication") has no digit and is short; a credential has one or is long.
    const credentialLike = credential.length >= 8 && (/\d/.test(credential) || credential.length >= 20);
    if (credentialLike && !/[$`{}%<>]/.test(credential) && isLiteralSecretValue(credential)) matches.push({ kind: 'token', format: AUTHORIZATION_FORMAT, index: match.index ?? 0 });
  }
  for (const match of text.matchAll(URL_USERINFO)) {
    const password = match[2];
    if (password.length === 0 || !isLiteralSecretValue(password) || /^[*x.]+$/i.test(password)) continue;
    // `$(DB_PASS)` and `${DB_PASS}` lose their closing brace to the pattern: any `$`/`{` marks a reference.
    if (/[${}%<>]/.test(password) && !/^\$2[abxy]?\$/.test(password)) continue;
    matches.push({ kind: 'url-password', index: match.index ?? 0 });
  }
  return matches.sort((a, b) => a.index - b.index);
}

// ---------------------------------------------------------------------------------------------
// Embedded config files

interface FieldMatch {
  readonly field: string;
  readonly value: string;
}

const COMMENT_LINE = /^(#|\/\/|;|<!--|\*|--\s)/;
const YAML_LINE = /^(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*:\s+(.+?)\s*$/;
const ASSIGNMENT_LINE = /^(?:export\s+|set\s+)?([A-Za-z_][\w.-]*)\s*=\s*(.*?)\s*$/;
const JSON_PAIR = /"([^"\\]{1,100})"\s*:\s*"((?:[^"\\]|\\.){0,1000})"/g;
const XML_ELEMENT = /<([A-Za-z_][\w.-]*)>([^<\s]{1,1000})<\/\1>/g;
const FLAG = /(?:^|\s)--([A-Za-z][\w-]*)=(\S+)/g;

/** Code such as `os.environ["X"]`, `self.password`, `getToken()`: names a value, does not hold one. */
function looksLikeCode(value: string): boolean {
  return /[()[\]]/.test(value) || /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(value) || /[;,]$/.test(value) || /=>|&&|\|\|/.test(value);
}

/** `Server=db;User Id=app;Password=x;`: the pairs of a connection string, when there are at least two. */
function connectionStringFields(value: string): FieldMatch[] {
  if (!value.includes(';') || !value.includes('=')) return [];
  const pairs = value
    .split(';')
    .map((segment) => /^\s*([A-Za-z][\w .-]{0,40}?)\s*=\s*(.*?)\s*$/.exec(segment))
    .filter((match): match is RegExpExecArray => match !== null);
  return pairs.length >= 2 ? pairs.map((match) => ({ field: match[1], value: match[2] })) : [];
}

function fieldsOfLine(line: string): FieldMatch[] {
  const trimmed = line.trim();
  if (trimmed === '' || COMMENT_LINE.test(trimmed)) return [];
  const fields: FieldMatch[] = [];
  for (const match of trimmed.matchAll(JSON_PAIR)) fields.push({ field: match[1], value: match[2] });
  for (const match of trimmed.matchAll(XML_ELEMENT)) fields.push({ field: match[1], value: match[2] });
  for (const match of trimmed.matchAll(FLAG)) fields.push({ field: match[1], value: match[2] });
  if (fields.length === 0) {
    const connection = connectionStringFields(trimmed);
    if (connection.length > 0) return connection;
    const found = YAML_LINE.exec(trimmed) ?? ASSIGNMENT_LINE.exec(trimmed);
    if (found && !/^[|>&*[{!]/.test(found[2])) {
      // An inline comment after the value (` # ...`) is not part of it.
      const value = found[2].replace(/\s+[#;].*$/, '').trim().replace(/,$/, '');
      fields.push({ field: found[1], value });
    }
  }
  // A value can itself be a connection string (`ConnectionString: Server=db;Password=x`).
  return fields.flatMap((field) => [field, ...connectionStringFields(unquote(field.value.trim()))]);
}

export function embeddedFieldIsCredential(field: string, value: string): boolean {
  const literal = unquote(value.trim());
  // `password = password`, `token: token`: code passing a variable along, or a template.
  if (looksLikeCode(literal) || literal.toLowerCase() === field.toLowerCase()) return false;
  return keyValueIsCredential(field, literal);
}

// ---------------------------------------------------------------------------------------------
// Entry points

/**
 * Every credential in one `key: value` entry: for a single-line value, a recognised shape or a
 * credential-like key with a literal value; for a multi-line value (an embedded config file),
 * shapes anywhere and credential fields line by line.
 */
export function findCredentials(key: string, value: string): CredentialHit[] {
  const multiLine = /\r?\n/.test(value.trim());
  const hits: CredentialHit[] = [];
  const lineStarts = multiLine ? lineStartsOf(value) : [0];
  const lineOf = (index: number) => (multiLine ? lineAt(lineStarts, index) : undefined);

  const shapes = formatMatches(value);
  const shapeLines = new Set<number>();
  const lines = value.split(/\r?\n/);
  for (const shape of shapes) {
    const line = lineOf(shape.index);
    if (line !== undefined) {
      // `# postgres://user:password@host` in a comment is documentation; a real token is not.
      if ((shape.kind === 'url-password' || shape.format === AUTHORIZATION_FORMAT) && COMMENT_LINE.test(lines[line - 1].trim())) continue;
      if (shapeLines.has(line)) continue;
      shapeLines.add(line);
    }
    hits.push({ kind: shape.kind, format: shape.format, line });
    if (!multiLine) return hits.slice(0, 1);
  }
  if (!multiLine) {
    if (keyValueIsCredential(key, value)) return [{ kind: 'key' }];
    // A single-line value can still be a small config (`db.password=x`, `{"token": "..."}`).
    const fields = fieldsOfLine(value).filter(({ field, value: inner }) => embeddedFieldIsCredential(field, inner));
    return fields.slice(0, MAX_HITS).map(({ field }) => ({ kind: 'key', field, line: 1 }));
  }
  lines.forEach((text, i) => {
    const line = i + 1;
    if (shapeLines.has(line) || text.length > 4000) return;
    for (const { field } of fieldsOfLine(text).filter((f) => embeddedFieldIsCredential(f.field, f.value))) {
      hits.push({ kind: 'key', field, line });
    }
  });
  return hits.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).slice(0, MAX_HITS);
}

/** Key store files (PKCS#12, Java key stores) by name; trust stores hold only public certificates. */
export function isKeystoreName(key: string): boolean {
  const lower = key.toLowerCase();
  return /\.(p12|pfx|jks|keystore|bcfks)$/.test(lower) && !lower.includes('trust');
}

/** The UTF-8 text a base64 string encodes, or undefined when it is not base64 or not text. */
export function decodeBase64Text(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) return undefined;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    if (char === '=') break;
    buffer = ((buffer << 6) | alphabet.indexOf(char)) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  try {
    const decoded = new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
    // Binary data that happens to be valid UTF-8 still carries control characters.
    return /[\x00-\x08\x0e-\x1f]/.test(decoded) ? undefined : decoded;
  } catch {
    return undefined;
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], index: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= index) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}
