/**
 * Which egress rules let Pods reach the cloud metadata API, with the exact semantics of
 * networking.k8s.io/v1 NetworkPolicy (and, more roughly, of Cilium policies). The metadata endpoint
 * is 169.254.169.254 (AWS, Google Cloud, Azure, Oracle, OpenStack ...) and fd00:ec2::254 (AWS over
 * IPv6), served over HTTP on TCP port 80; a rule whose ports cannot match TCP 80 does not reach it.
 */
import { cidrTextContains, IpAddress, parseCidr, parseIp } from '../../model/cidr';
import { arrayAt, isRecord, PropertyPath, recordAt } from '../../model/values';

export const METADATA_ADDRESSES: readonly { readonly text: string; readonly ip: IpAddress }[] = ['169.254.169.254', 'fd00:ec2::254'].map((text) => ({
  text,
  ip: parseIp(text)!,
}));

export type EgressHit =
  | { readonly kind: 'all'; readonly path: PropertyPath; readonly address: string }
  | { readonly kind: 'cidr'; readonly path: PropertyPath; readonly address: string; readonly cidr: string }
  | { readonly kind: 'entity'; readonly path: PropertyPath; readonly address: string; readonly entity: string };

/** NetworkPolicy ports: empty means every port; a named port only resolves on Pods, never on the metadata address. */
function portsReachHttp(ports: unknown[]): boolean {
  if (ports.length === 0) return true;
  return ports.some((entry) => {
    if (!isRecord(entry)) return false;
    const protocol = entry.protocol ?? 'TCP';
    if (protocol !== 'TCP') return false;
    const port = typeof entry.port === 'string' && /^\d+$/.test(entry.port) ? Number(entry.port) : entry.port;
    if (port === undefined || port === null) return true;
    if (typeof port !== 'number') return false;
    const end = typeof entry.endPort === 'number' ? entry.endPort : port;
    return port <= 80 && 80 <= end;
  });
}

/** Whether the policy restricts egress at all: policyTypes lists Egress, or is unset and egress rules exist. */
function affectsEgress(spec: Record<string, unknown>): boolean {
  const types = spec.policyTypes;
  if (Array.isArray(types)) return types.includes('Egress');
  return arrayAt(spec, 'egress').length > 0;
}

/** The egress rules of a NetworkPolicy that admit TCP 80 to a metadata address, one hit per rule or peer. */
export function networkPolicyMetadataHits(value: Readonly<Record<string, unknown>>): EgressHit[] {
  const spec = recordAt(value, 'spec');
  if (!spec || !affectsEgress(spec)) return [];
  const hits: EgressHit[] = [];
  arrayAt(spec, 'egress').forEach((rule, index) => {
    const base: PropertyPath = ['spec', 'egress', index];
    if (rule !== null && !isRecord(rule)) return;
    // A null item decodes as an empty rule, which admits everything.
    const entry: Record<string, unknown> = isRecord(rule) ? rule : {};
    if (!portsReachHttp(arrayAt(entry, 'ports'))) return;
    const peers = arrayAt(entry, 'to');
    if (peers.length === 0) {
      // No `to` (or `to: []`) admits every destination: report on `to`, else on the rule's first key.
      const keys = Object.keys(entry);
      const path = 'to' in entry ? [...base, 'to'] : keys.length > 0 ? [...base, keys[0]] : base;
      hits.push({ kind: 'all', path, address: METADATA_ADDRESSES[0].text });
      return;
    }
    peers.forEach((peer, peerIndex) => {
      const block = recordAt(peer, 'ipBlock');
      if (!block) return; // pod and namespace selectors select Pods, never the metadata address
      const cidr = block.cidr;
      const except = arrayAt(block, 'except');
      for (const { text, ip } of METADATA_ADDRESSES) {
        if (!cidrTextContains(cidr, ip) || except.some((range) => cidrTextContains(range, ip))) continue;
        hits.push({ kind: 'cidr', path: [...base, 'to', peerIndex, 'ipBlock', 'cidr'], address: text, cidr: String(cidr) });
        break;
      }
    });
  });
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Cilium (cilium.io/v2): toCIDR, toCIDRSet (with except), toEntities; egressDeny wins over egress.

const L3_FIELDS = ['toEndpoints', 'toCIDR', 'toCIDRSet', 'toEntities', 'toServices', 'toFQDNs', 'toGroups', 'toNodes', 'toRequires'];
const WORLD_ENTITIES: Readonly<Record<string, string[]>> = { all: ['169.254.169.254', 'fd00:ec2::254'], world: ['169.254.169.254', 'fd00:ec2::254'], 'world-ipv4': ['169.254.169.254'], 'world-ipv6': ['fd00:ec2::254'] };

/** Cilium CIDRs may be bare addresses. */
function ciliumCidrContains(text: unknown, ip: IpAddress): boolean {
  if (typeof text !== 'string') return false;
  if (parseCidr(text)) return cidrTextContains(text, ip);
  const address = parseIp(text);
  return address !== undefined && address.family === ip.family && address.value === ip.value;
}

function ciliumPortsReachHttp(rule: Record<string, unknown>): boolean {
  const toPorts = arrayAt(rule, 'toPorts');
  if (toPorts.length === 0) return true;
  return toPorts.some((entry) => {
    const ports = arrayAt(entry, 'ports');
    if (ports.length === 0) return true;
    return ports.some((port) => {
      if (!isRecord(port)) return false;
      const protocol = String(port.protocol ?? 'ANY').toUpperCase();
      if (protocol !== 'TCP' && protocol !== 'ANY') return false;
      const start = Number(port.port ?? 0);
      const end = typeof port.endPort === 'number' ? port.endPort : start;
      return start === 0 || (start <= 80 && 80 <= end);
    });
  });
}

function ciliumPeerHits(rule: Record<string, unknown>, base: PropertyPath, address: { text: string; ip: IpAddress }): EgressHit[] {
  const hits: EgressHit[] = [];
  arrayAt(rule, 'toCIDR').forEach((cidr, i) => {
    if (ciliumCidrContains(cidr, address.ip)) hits.push({ kind: 'cidr', path: [...base, 'toCIDR', i], address: address.text, cidr: String(cidr) });
  });
  arrayAt(rule, 'toCIDRSet').forEach((set, i) => {
    const cidr = isRecord(set) ? set.cidr : undefined;
    if (!ciliumCidrContains(cidr, address.ip) || arrayAt(set, 'except').some((range) => ciliumCidrContains(range, address.ip))) return;
    hits.push({ kind: 'cidr', path: [...base, 'toCIDRSet', i, 'cidr'], address: address.text, cidr: String(cidr) });
  });
  arrayAt(rule, 'toEntities').forEach((entity, i) => {
    if (typeof entity === 'string' && WORLD_ENTITIES[entity]?.includes(address.text)) hits.push({ kind: 'entity', path: [...base, 'toEntities', i], address: address.text, entity });
  });
  return hits;
}

export function ciliumMetadataHits(value: Readonly<Record<string, unknown>>): EgressHit[] {
  const specs: { spec: Record<string, unknown>; path: PropertyPath }[] = [];
  const single = recordAt(value, 'spec');
  if (single) specs.push({ spec: single, path: ['spec'] });
  arrayAt(value, 'specs').forEach((spec, i) => isRecord(spec) && specs.push({ spec, path: ['specs', i] }));
  const hits: EgressHit[] = [];
  for (const { spec, path } of specs) {
    for (const address of METADATA_ADDRESSES) {
      const denied = arrayAt(spec, 'egressDeny').some((rule) => isRecord(rule) && ciliumPortsReachHttp(rule) && ciliumPeerHits(rule, [], address).some((hit) => hit.kind === 'cidr'));
      if (denied) continue;
      arrayAt(spec, 'egress').forEach((rule, index) => {
        if (!isRecord(rule) || !ciliumPortsReachHttp(rule)) return;
        const base = [...path, 'egress', index];
        if (!L3_FIELDS.some((field) => field in rule)) {
          // A rule with ports only (or nothing) applies to every destination.
          const keys = Object.keys(rule);
          if (address === METADATA_ADDRESSES[0]) hits.push({ kind: 'all', path: keys.length > 0 ? [...base, keys[0]] : base, address: address.text });
          return;
        }
        hits.push(...ciliumPeerHits(rule, base, address));
      });
    }
  }
  // One hit per place, even when both addresses fall in it (`world`).
  const seen = new Set<string>();
  return hits.filter((hit) => {
    const key = hit.path.join('/');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
