/**
 * Kubernetes resource quantities (`128Mi`, `1G`, `0.5Gi`, `500m`, `1e3`, `128974848`) parsed to
 * exact values, so that rules compare them by value: `1Gi` equals `1024Mi`, `1G` is less than `1Gi`.
 * A value is a fraction of two bigints, never a float that rounds. The grammar is the API server's:
 * an optional sign, digits with an optional fraction, then one suffix, binary (Ki…Ei), decimal
 * (n, u, m, "", k, M…E) or an exponent (e3, E-2). Anything else reads as undefined (invalid),
 * and so do absurd exponents, which would only make the arithmetic slow.
 */

export interface Quantity {
  /** The value is numerator / denominator, with denominator > 0. */
  readonly numerator: bigint;
  readonly denominator: bigint;
  /** The text as written (numbers as their decimal form). */
  readonly text: string;
}

const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;
const EXPONENT = /^[eE]([+-]?\d+)$/;
/** Far beyond any real quantity (1e18 is already an exabyte); keeps bigint powers small. */
const MAX_EXPONENT = 100;
const MAX_LENGTH = 100;

/** The quantity a manifest value holds: a string in the quantity grammar or a finite number. */
export function parseQuantity(value: unknown): Quantity | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return undefined;
  }
  if (text === '' || text.length > MAX_LENGTH) return undefined;
  const match = NUMBER.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = '', suffix] = match;
  if (whole === '' && fraction === '') return undefined;
  let mantissa = BigInt((whole || '0') + fraction);
  if (sign === '-') mantissa = -mantissa;
  let decimalExponent = -fraction.length;
  let binaryExponent = 0;
  if (suffix in BINARY_SUFFIXES) {
    binaryExponent = BINARY_SUFFIXES[suffix];
  } else if (suffix in DECIMAL_SUFFIXES) {
    decimalExponent += DECIMAL_SUFFIXES[suffix];
  } else {
    const exponent = EXPONENT.exec(suffix);
    if (!exponent) return undefined;
    const power = Number(exponent[1]);
    if (Math.abs(power) > MAX_EXPONENT) return undefined;
    decimalExponent += power;
  }
  let numerator = mantissa * 2n ** BigInt(binaryExponent);
  let denominator = 1n;
  if (decimalExponent >= 0) numerator *= 10n ** BigInt(decimalExponent);
  else denominator = 10n ** BigInt(-decimalExponent);
  return { numerator, denominator, text };
}

/** -1, 0 or 1 as a is less than, equal to or greater than b, by exact value. */
export function compareQuantities(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when the quantity is exactly zero. */
export function isZeroQuantity(quantity: Quantity): boolean {
  return quantity.numerator === 0n;
}
