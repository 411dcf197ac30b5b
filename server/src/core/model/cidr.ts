/**
 * IPv4 and IPv6 addresses and CIDR ranges, as NetworkPolicy `ipBlock.cidr` / `except` and Service
 * `loadBalancerSourceRanges` write them: parsing (dotted quads, IPv6 with `::` compression and an
 * embedded dotted quad, an optional `%zone` is refused) and containment. Addresses are BigInts so
 * that both families share one arithmetic. Text that does not parse yields undefined, never a throw:
 * a rule treats an unparsable range as matching nothing, which keeps it quiet on typos.
 */

export type IpFamily = 4 | 6;

export interface IpAddress {
  readonly family: IpFamily;
  readonly value: bigint;
}

export interface Cidr {
  readonly family: IpFamily;
  /** The network address (host bits cleared). */
  readonly network: bigint;
  readonly prefix: number;
}

const BITS: Record<IpFamily, number> = { 4: 32, 6: 128 };

export function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Kubernetes accepts leading zeros in old objects (ParseCIDRSloppy) and reads them as decimal.
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

export function parseIpv6(text: string): bigint | undefined {
  if (text.length === 0 || text.includes('%')) return undefined;
  let body = text;
  // An embedded IPv4 address (::ffff:169.254.169.254) stands for the last two groups.
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    body = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const parseGroups = (part: string): number[] | undefined => {
    if (part === '') return [];
    const values: number[] = [];
    for (const group of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      values.push(parseInt(group, 16));
    }
    return values;
  };
  const left = parseGroups(halves[0]);
  const right = halves.length === 2 ? parseGroups(halves[1]) : [];
  if (!left || !right) return undefined;
  let groups = left;
  if (halves.length === 2) {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  }
  if (groups.length !== 8) return undefined;
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(group);
  return value;
}

export function parseIp(text: string): IpAddress | undefined {
  const trimmed = text.trim();
  if (trimmed.includes(':')) {
    const value = parseIpv6(trimmed);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(trimmed);
  return value === undefined ? undefined : { family: 4, value };
}

/** `10.0.0.0/8`, `::/0`; a bare address is not a CIDR (the API server refuses it in ipBlock). */
export function parseCidr(text: unknown): Cidr | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIp(trimmed.slice(0, slash));
  const prefixText = trimmed.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const bits = BITS[address.family];
  if (prefix > bits) return undefined;
  return { family: address.family, network: address.value & maskOf(bits, prefix), prefix };
}

function maskOf(bits: number, prefix: number): bigint {
  if (prefix === 0) return 0n;
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

export function cidrContains(cidr: Cidr, address: IpAddress): boolean {
  if (cidr.family !== address.family) return false;
  return (address.value & maskOf(BITS[cidr.family], cidr.prefix)) === cidr.network;
}

/** True when the text is a CIDR that holds the address (text that does not parse holds nothing). */
export function cidrTextContains(text: unknown, address: IpAddress): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidrContains(cidr, address);
}

/** Whether the range is the whole address space of its family (0.0.0.0/0, ::/0). */
export function isWholeFamily(text: unknown): boolean {
  const cidr = parseCidr(text);
  return cidr !== undefined && cidr.prefix === 0;
}
