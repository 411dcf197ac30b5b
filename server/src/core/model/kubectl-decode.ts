/**
 * The plain value of a YAML node exactly as kubectl and the API server decode it: sigs.k8s.io/yaml
 * over go-yaml v2, then JSON. That is YAML 1.1 scalar resolution (`yes`/`on`/`y` booleans, `0b`,
 * `0o`, leading-zero octal and `_` in numbers, timestamps kept as written), duplicate keys where
 * the last one wins, merge keys (`<<`) applied in document order (a merge overwrites a key set
 * before it, a key after it overwrites the merge; in a list of merged maps the first one wins),
 * aliases expanded (also as keys), keys turned into JSON strings (`on:` is `"true"`, `0x10:` is
 * `"16"`). Where kubectl would refuse the document, or we cannot be sure to read it the same way,
 * a `DecodeProblem` is thrown with the offset and a reason: the caller fails closed. Duplicate keys
 * are decoded (last wins, as kubectl applies them) and also returned as problems.
 */
import { Alias, Document, isAlias, isMap, isPair, isScalar, isSeq, Node, Pair, Scalar } from 'yaml';

export type DecodeReason = 'aliases' | 'depth' | 'key' | 'merge' | 'tag' | 'line-separator';

export class DecodeProblem extends Error {
  constructor(readonly reason: DecodeReason, readonly offset: number, detail: string) {
    super(detail);
  }
}

export interface DuplicateKey {
  readonly key: string;
  readonly offset: number;
}

export interface Decoded {
  readonly value: unknown;
  readonly duplicates: readonly DuplicateKey[];
}

/**
 * Nodes produced by expanding aliases, per document: generous for manifests, fatal to alias bombs.
 * Nodes written out are bounded by the file size limit instead.
 */
const MAX_EXPANDED_NODES = 1_000_000;
const MAX_DEPTH = 1_000;

const YAML = 'tag:yaml.org,2002:';
const TRUE = new Set(['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']);
const FALSE = new Set(['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']);
const NULL = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS = new Map<string, number>([
  ['.nan', NaN], ['.NaN', NaN], ['.NAN', NaN],
  ['.inf', Infinity], ['.Inf', Infinity], ['.INF', Infinity],
  ['+.inf', Infinity], ['+.Inf', Infinity], ['+.INF', Infinity],
  ['-.inf', -Infinity], ['-.Inf', -Infinity], ['-.INF', -Infinity],
]);
const GO_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

export function decodeLikeKubectl(document: Document.Parsed, node: Node | null): Decoded {
  const decoder = new Decoder(document);
  return { value: decoder.decode(node, 0), duplicates: decoder.duplicates };
}

/** go-yaml v2's resolution of an untagged plain scalar. */
export function resolvePlain(text: string): unknown {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  if (NULL.has(text)) return null;
  const special = SPECIAL_FLOATS.get(text);
  if (special !== undefined) return special;
  const first = text[0];
  if (first === '.') return GO_FLOAT.test(text) ? Number(text) : text;
  if (!/[-+0-9]/.test(first)) return text;
  const plain = text.replace(/_/g, '');
  const integer = parseGoInteger(plain);
  if (integer !== undefined) return integer;
  if (GO_FLOAT.test(plain)) return Number(plain);
  return text;
}

/** strconv.ParseInt(s, 0, 64) (then ParseUint): sign, 0b / 0o / 0x / leading-0 octal prefixes. */
function parseGoInteger(text: string): number | undefined {
  const match = /^([-+]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!match) return undefined;
  const [, sign, digits] = match;
  const lower = digits.toLowerCase();
  let magnitude: bigint;
  if (lower.startsWith('0o')) magnitude = BigInt(`0o${lower.slice(2)}`);
  else if (lower.startsWith('0b') || lower.startsWith('0x')) magnitude = BigInt(lower);
  else if (lower.length > 1 && lower.startsWith('0')) magnitude = BigInt(`0o${lower.slice(1)}`);
  else magnitude = BigInt(lower);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value < -(2n ** 63n) || value >= 2n ** 64n || (sign === '-' && value >= 2n ** 63n)) return undefined;
  return Number(value);
}

class Decoder {
  readonly duplicates: DuplicateKey[] = [];
  private expanded = 0;
  private readonly expanding = new Set<Node>();

  constructor(private readonly document: Document.Parsed) {}

  decode(node: Node | null | undefined, depth: number): unknown {
    if (node === null || node === undefined) return null;
    if (this.expanding.size > 0 && ++this.expanded > MAX_EXPANDED_NODES) throw new DecodeProblem('aliases', offsetOf(node), 'aliases expand to too many nodes');
    if (depth > MAX_DEPTH) throw new DecodeProblem('depth', offsetOf(node), 'nested too deeply');
    if (isAlias(node)) return this.alias(node, depth);
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) return node.items.map((item) => this.decode(item as Node, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const explicit = new Set<string>();
      for (const pair of node.items) this.pair(pair as Pair, out, explicit, depth);
      return out;
    }
    throw new DecodeProblem('tag', offsetOf(node), 'a node of unknown type');
  }

  private alias(alias: Alias, depth: number): unknown {
    const target = alias.resolve(this.document) as Node | undefined;
    if (!target) throw new DecodeProblem('aliases', offsetOf(alias), `unknown anchor`);
    if (this.expanding.has(target)) throw new DecodeProblem('aliases', offsetOf(alias), 'an alias refers to its own anchor');
    this.expanding.add(target);
    try {
      return this.decode(target, depth + 1);
    } finally {
      this.expanding.delete(target);
    }
  }

  private pair(pair: Pair, out: Record<string, unknown>, explicit: Set<string>, depth: number): void {
    const keyNode = pair.key as Node | null;
    if (isMergeKey(keyNode)) {
      this.merge(pair.value as Node | null, out, depth);
      return;
    }
    const key = jsonKey(this.decode(keyNode, depth + 1), keyNode);
    if (explicit.has(key)) this.duplicates.push({ key, offset: offsetOf(keyNode) });
    explicit.add(key);
    setKey(out, key, this.decode(pair.value as Node | null, depth + 1));
  }

  /**
   * go-yaml v2: the merged keys are written into the map at the place of `<<`. The value is a map,
   * an alias of one, or a literal list of those (an alias of a list is refused, as kubectl does).
   */
  private merge(value: Node | null, out: Record<string, unknown>, depth: number): void {
    const sources = isSeq(value) ? [...value.items].reverse() : [value];
    for (const source of sources) {
      const resolved = isAlias(source) ? (source.resolve(this.document) as Node | undefined) : source;
      if (!isMap(resolved)) throw new DecodeProblem('merge', offsetOf(value), 'a merge key needs a map or a list of maps');
      const merged = this.decode(source as Node, depth + 1) as Record<string, unknown>;
      for (const key of Object.keys(merged)) setKey(out, key, merged[key]);
    }
  }
}

/** A plain assignment, except that a `__proto__` key stays a key instead of changing the prototype. */
function setKey(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isMergeKey(node: Node | null): boolean {
  return isScalar(node) && node.type === 'PLAIN' && (node.tag === undefined || node.tag === `${YAML}merge`) && node.source === '<<';
}

function scalarValue(node: Scalar): unknown {
  const text = node.type === 'PLAIN' ? (node.source ?? String(node.value ?? '')) : String(node.value ?? '');
  const tag = node.tag;
  if (tag === undefined || tag === '!') return node.type === 'PLAIN' && tag === undefined ? resolvePlain(text) : text;
  if (!tag.startsWith(YAML)) return text;
  const resolved = resolvePlain(text);
  switch (tag.slice(YAML.length)) {
    case 'str':
    case 'timestamp':
      return text;
    case 'bool':
      if (typeof resolved === 'boolean') return resolved;
      break;
    case 'int':
      if (typeof resolved === 'number' && Number.isInteger(resolved) && !/[.eE]/.test(text)) return resolved;
      break;
    case 'float':
      if (typeof resolved === 'number') return resolved;
      break;
    case 'null':
      if (resolved === null) return null;
      break;
  }
  throw new DecodeProblem('tag', offsetOf(node), `a value does not match its tag ${tag.slice(YAML.length)}`);
}

/** sigs.k8s.io/yaml: map keys become JSON strings; null and collection keys are refused. */
function jsonKey(key: unknown, node: Node | null): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return String(key);
  if (typeof key === 'number') {
    if (Number.isNaN(key)) return '.nan';
    if (key === Infinity) return '.inf';
    if (key === -Infinity) return '-.inf';
    return String(key);
  }
  throw new DecodeProblem('key', offsetOf(node), 'a map key that is not a string, number or boolean');
}

function offsetOf(node: Node | Pair | null | undefined): number {
  if (isPair(node)) return offsetOf(node.key as Node);
  return node?.range?.[0] ?? 0;
}
