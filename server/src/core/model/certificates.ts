/**
 * Certificates and keys as manifests carry them: base64 and PEM decoding, X.509 certificates
 * (parsed and validated by node:crypto, pure computation), their subject, issuer and validity read
 * from the DER itself (exact names, UTCTime/GeneralizedTime, no locale-dependent date strings),
 * PKCS#10 certificate requests (node:crypto has no parser for them: a minimal DER walker reads the
 * subject), private keys recognised by shape and matched to a certificate by public key, and the
 * places where Kubernetes objects embed certificates (Secret and ConfigMap entries, kubeconfig data
 * fields, webhook, APIService and CRD conversion caBundles). Nothing here returns key material or a
 * certificate body: callers get names, dates and flags.
 */
import { createPrivateKey, createPublicKey, KeyObject, X509Certificate } from 'node:crypto';
import type { Resource } from './resource';
import { kubeconfigDataFields } from './kubeconfig';
import { arrayAt, PropertyPath, recordAt, stringAt } from './values';

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_ORGANIZATION = '2.5.4.10';

// ---------------------------------------------------------------------------------------------
// Base64 and PEM

/** Standard base64 (whitespace ignored, padding optional); undefined for anything else, e.g. a template. */
export function decodeBase64(text: string): Buffer | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return undefined;
  return Buffer.from(compact, 'base64');
}

export interface PemBlock {
  readonly label: string;
  readonly der: Buffer;
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every well-formed PEM block of a text; the body of a block that is not base64 leaves the block out. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  if (!text.includes('-----BEGIN ')) return blocks;
  for (const match of text.matchAll(PEM_BLOCK)) {
    // Legacy encrypted keys carry `Proc-Type:` / `DEK-Info:` header lines before the body.
    const body = match[2].split(/\r?\n/).filter((line) => !line.includes(':')).join('');
    const der = decodeBase64(body);
    if (der && der.length > 0) blocks.push({ label: match[1], der });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// A minimal DER reader: enough for names, times and the outer structure of certificates and CSRs.

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

function readTlv(buf: Buffer, offset: number, limit: number): Tlv | undefined {
  if (offset + 2 > limit) return undefined;
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) return undefined; // multi-byte tags never occur in the parts we read
  let length = buf[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4 || start + bytes > limit) return undefined; // indefinite length is not DER
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + buf[start + i];
    start += bytes;
  }
  const end = start + length;
  return end <= limit ? { tag, start, end } : undefined;
}

function childrenOf(buf: Buffer, parent: Tlv): Tlv[] | undefined {
  const children: Tlv[] = [];
  let offset = parent.start;
  while (offset < parent.end) {
    const child = readTlv(buf, offset, parent.end);
    if (!child) return undefined;
    children.push(child);
    offset = child.end;
  }
  return children;
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [];
  let value = 0;
  for (const byte of bytes) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  if (parts.length === 0) return '';
  const first = parts[0] < 80 ? Math.floor(parts[0] / 40) : 2;
  return [first, parts[0] - first * 40, ...parts.slice(1)].join('.');
}

function decodeString(tag: number, bytes: Buffer): string | undefined {
  switch (tag) {
    case 0x0c: // UTF8String
      return bytes.toString('utf8');
    case 0x12: // NumericString
    case 0x13: // PrintableString
    case 0x16: // IA5String
    case 0x1a: // VisibleString
      return bytes.toString('latin1');
    case 0x14: // TeletexString, read as Latin-1 like Go does
      return bytes.toString('latin1');
    case 0x1e: // BMPString (UTF-16BE)
      return Buffer.from(bytes).swap16().toString('utf16le');
    default:
      return undefined;
  }
}

export interface NameAttribute {
  readonly oid: string;
  readonly value: string;
}

/** A Name (SEQUENCE OF SET OF AttributeTypeAndValue) as its attributes in order, multi-valued RDNs flattened. */
function readName(buf: Buffer, name: Tlv): NameAttribute[] | undefined {
  if (name.tag !== 0x30) return undefined;
  const attributes: NameAttribute[] = [];
  for (const rdn of childrenOf(buf, name) ?? []) {
    if (rdn.tag !== 0x31) return undefined;
    for (const pair of childrenOf(buf, rdn) ?? []) {
      const [type, value] = childrenOf(buf, pair) ?? [];
      if (!type || !value || type.tag !== 0x06) return undefined;
      const text = decodeString(value.tag, buf.subarray(value.start, value.end));
      if (text !== undefined) attributes.push({ oid: decodeOid(buf.subarray(type.start, type.end)), value: text });
    }
  }
  return attributes;
}

/** UTCTime (YYMMDDHHMMSSZ, years 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z) as epoch ms. */
function readTime(buf: Buffer, time: Tlv): number | undefined {
  const text = buf.subarray(time.start, time.end).toString('latin1');
  const match = time.tag === 0x17 ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : time.tag === 0x18 ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(text) : null;
  if (!match) return undefined;
  let year = Number(match[1]);
  if (time.tag === 0x17) year += year < 50 ? 2000 : 1900;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(match[2]) - 1, Number(match[3]));
  date.setUTCHours(Number(match[4]), Number(match[5]), Number(match[6]), 0);
  return date.getTime();
}

// ---------------------------------------------------------------------------------------------
// Certificates

export interface CertificateInfo {
  /** 0-based position of the certificate among the certificates of its value. */
  readonly index: number;
  readonly subject: readonly NameAttribute[];
  readonly issuer: readonly NameAttribute[];
  /** validFrom / validTo, epoch milliseconds. */
  readonly notBefore: number;
  readonly notAfter: number;
  /** basicConstraints CA:TRUE. */
  readonly isCA: boolean;
  /** Subject and issuer are the same name and the certificate verifies with its own key. */
  readonly selfSigned: boolean;
  /** X.509 version (1 for the old extension-less certificates, usually 3). */
  readonly version: number;
  readonly publicKey: KeyObject;
}

export function parseCertificate(der: Buffer, index = 0): CertificateInfo | undefined {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(der);
  } catch {
    return undefined;
  }
  const raw = x509.raw;
  const outer = readTlv(raw, 0, raw.length);
  const tbs = outer && childrenOf(raw, outer)?.[0];
  const fields = tbs && childrenOf(raw, tbs);
  if (!fields) return undefined;
  const explicitVersion = fields[0]?.tag === 0xa0; // [0] version is optional, absent means v1
  const versionTlv = explicitVersion ? childrenOf(raw, fields[0])?.[0] : undefined;
  const version = versionTlv && versionTlv.end - versionTlv.start === 1 ? raw[versionTlv.start] + 1 : 1;
  const rest = explicitVersion ? fields.slice(1) : fields;
  const [, , issuerTlv, validityTlv, subjectTlv] = rest;
  if (!issuerTlv || !validityTlv || !subjectTlv) return undefined;
  const [fromTlv, toTlv] = childrenOf(raw, validityTlv) ?? [];
  const subject = readName(raw, subjectTlv);
  const issuer = readName(raw, issuerTlv);
  const notBefore = fromTlv && readTime(raw, fromTlv);
  const notAfter = toTlv && readTime(raw, toTlv);
  if (!subject || !issuer || notBefore === undefined || notAfter === undefined) return undefined;
  const sameName = raw.subarray(subjectTlv.start, subjectTlv.end).equals(raw.subarray(issuerTlv.start, issuerTlv.end));
  let selfSigned = false;
  try {
    selfSigned = sameName && x509.verify(x509.publicKey);
  } catch {
    selfSigned = false;
  }
  return { index, subject, issuer, notBefore, notAfter, isCA: x509.ca, selfSigned, version, publicKey: x509.publicKey };
}

/** The certificates of every `CERTIFICATE` block of a PEM text, in order; blocks that do not parse are skipped. */
export function certificatesInPem(text: string): CertificateInfo[] {
  const certificates: CertificateInfo[] = [];
  for (const block of pemBlocks(text)) {
    if (block.label !== 'CERTIFICATE') continue;
    const certificate = parseCertificate(block.der, certificates.length);
    if (certificate) certificates.push(certificate);
  }
  return certificates;
}

/**
 * A root: self-signed and a CA (basicConstraints CA:TRUE, or an X.509 v1 certificate, which has no
 * extensions to say so). The checklist's three-year bound is for intermediate and leaf certificates.
 */
export function isRootCertificate(certificate: CertificateInfo): boolean {
  return certificate.selfSigned && (certificate.isCA || certificate.version === 1);
}

/** Three calendar years with their leap day: 3 x 365 + 1 = 1096 days (as cluster-signing-duration-long). */
export const THREE_YEARS_MS = 1096 * 86_400_000;

export function attributeValues(name: readonly NameAttribute[], oid: string): string[] {
  return name.filter((attribute) => attribute.oid === oid).map((attribute) => attribute.value);
}

const SHORT_NAMES: Readonly<Record<string, string>> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C', '2.5.4.7': 'L', '2.5.4.8': 'ST' };

/** How a message names a certificate: its common name, else its other well-known attributes, else `-`. */
export function displayName(name: readonly NameAttribute[]): string {
  const cn = attributeValues(name, OID_COMMON_NAME)[0];
  if (cn) return cn;
  const known = name.filter((attribute) => SHORT_NAMES[attribute.oid]).map((attribute) => `${SHORT_NAMES[attribute.oid]}=${attribute.value}`);
  return known.length > 0 ? known.join(', ') : '-';
}

/** `2031-01-01`: the UTC day of an epoch time. */
export function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Certificate requests (PKCS#10)

/** The subject of a DER CertificationRequest: SEQUENCE { SEQUENCE { version, subject, ... }, ... }. */
export function certificateRequestSubject(der: Buffer): NameAttribute[] | undefined {
  const outer = readTlv(der, 0, der.length);
  if (!outer || outer.tag !== 0x30) return undefined;
  const info = childrenOf(der, outer)?.[0];
  const fields = info && info.tag === 0x30 ? childrenOf(der, info) : undefined;
  if (!fields || fields.length < 3 || fields[0].tag !== 0x02) return undefined;
  return readName(der, fields[1]);
}

/** Subjects of the certificate requests of a PEM text (`CERTIFICATE REQUEST`, legacy `NEW CERTIFICATE REQUEST`). */
export function certificateRequestSubjects(text: string): NameAttribute[][] {
  return pemBlocks(text)
    .filter((block) => block.label === 'CERTIFICATE REQUEST' || block.label === 'NEW CERTIFICATE REQUEST')
    .map((block) => certificateRequestSubject(block.der))
    .filter((subject): subject is NameAttribute[] => subject !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Private keys

export interface PrivateKeyInfo {
  /** The key's public half, when the key is not encrypted and node:crypto reads it. */
  readonly publicKey?: KeyObject;
}

const PRIVATE_KEY_LABEL = /^(?:(?:RSA|EC|DSA|ENCRYPTED|OPENSSH) )?PRIVATE KEY$/;

/** The private keys of a PEM text, recognised by their shape (a DER SEQUENCE, or an OpenSSH key); never their bytes. */
export function privateKeysInPem(text: string): PrivateKeyInfo[] {
  const keys: PrivateKeyInfo[] = [];
  for (const block of pemBlocks(text)) {
    if (!PRIVATE_KEY_LABEL.test(block.label)) continue;
    if (block.label !== 'OPENSSH PRIVATE KEY' && (block.der[0] !== 0x30 || block.der.length < 32)) continue;
    let publicKey: KeyObject | undefined;
    try {
      const pem = `-----BEGIN ${block.label}-----\n${block.der.toString('base64')}\n-----END ${block.label}-----\n`;
      publicKey = createPublicKey(createPrivateKey(pem));
    } catch {
      publicKey = undefined;
    }
    keys.push({ publicKey });
  }
  return keys;
}

export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  try {
    return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Where manifests keep certificates

export interface StoredEntry {
  /** `data`, `stringData` or `binaryData`. */
  readonly field: string;
  readonly key: string;
  readonly path: PropertyPath;
  /** The decoded value as text (base64 fields decoded); undefined when it does not decode. */
  readonly text: string | undefined;
}

/** Entries of a core Secret (data base64, stringData plain) or ConfigMap (data plain, binaryData base64). */
export function storedEntries(resource: Resource): StoredEntry[] {
  if (resource.apiVersion !== 'v1' || (resource.kind !== 'Secret' && resource.kind !== 'ConfigMap')) return [];
  const fields: [string, boolean][] = resource.kind === 'Secret' ? [['data', true], ['stringData', false]] : [['data', false], ['binaryData', true]];
  const entries: StoredEntry[] = [];
  for (const [field, base64] of fields) {
    const map = recordAt(resource.value, field);
    if (!map) continue;
    for (const [key, value] of Object.entries(map)) {
      if (typeof value !== 'string') continue;
      const text = base64 ? decodeBase64(value)?.toString('utf8') : value;
      entries.push({ field, key, path: [field, key], text });
    }
  }
  return entries;
}

export interface EmbeddedPem {
  readonly path: PropertyPath;
  /** How a message names the place: `tls.crt`, `webhooks[0].clientConfig.caBundle`. */
  readonly field: string;
  readonly text: string;
}

/** Base64-encoded PEM fields (caBundle, kubeconfig *-data), decoded. */
function base64Field(value: unknown, key: string, path: PropertyPath, field: string): EmbeddedPem[] {
  const encoded = stringAt(value, key);
  const text = encoded === undefined ? undefined : decodeBase64(encoded)?.toString('utf8');
  return text === undefined ? [] : [{ path: [...path, key], field, text }];
}

const WEBHOOK_KINDS = new Set(['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']);

/** Kinds whose manifests can embed certificates, the scope of the certificate rules. */
export const CERTIFICATE_KINDS: readonly string[] = [
  'APIService', 'Config', 'ConfigMap', 'CustomResourceDefinition', 'MutatingWebhookConfiguration', 'Secret', 'ValidatingWebhookConfiguration',
];

/** Every field of a resource that holds PEM certificates (decoded), whatever else it holds. */
export function embeddedPemFields(resource: Resource): EmbeddedPem[] {
  const value = resource.value;
  const group = resource.apiVersion.includes('/') ? resource.apiVersion.split('/')[0] : '';
  if (resource.kind === 'Secret' || resource.kind === 'ConfigMap') {
    return storedEntries(resource)
      .filter((entry) => entry.text?.includes('-----BEGIN CERTIFICATE-----'))
      .map((entry) => ({ path: entry.path, field: entry.key, text: entry.text! }));
  }
  const kubeconfig = kubeconfigDataFields(resource);
  if (kubeconfig) {
    return [...kubeconfig.clusterAuthorities, ...kubeconfig.clientCertificates].flatMap((field) => {
      const text = decodeBase64(field.encoded)?.toString('utf8');
      return text === undefined ? [] : [{ path: field.path, field: field.field, text }];
    });
  }
  if (WEBHOOK_KINDS.has(resource.kind) && group === 'admissionregistration.k8s.io') {
    return arrayAt(value, 'webhooks').flatMap((entry, i) =>
      base64Field(recordAt(entry, 'clientConfig'), 'caBundle', ['webhooks', i, 'clientConfig'], `webhooks[${i}].clientConfig.caBundle`),
    );
  }
  if (resource.kind === 'APIService' && group === 'apiregistration.k8s.io') {
    return base64Field(recordAt(value, 'spec'), 'caBundle', ['spec'], 'spec.caBundle');
  }
  if (resource.kind === 'CustomResourceDefinition' && group === 'apiextensions.k8s.io') {
    const conversion = recordAt(recordAt(value, 'spec'), 'conversion');
    return [
      // v1: spec.conversion.webhook.clientConfig; v1beta1: spec.conversion.webhookClientConfig
      ...base64Field(recordAt(recordAt(conversion, 'webhook'), 'clientConfig'), 'caBundle', ['spec', 'conversion', 'webhook', 'clientConfig'], 'spec.conversion.webhook.clientConfig.caBundle'),
      ...base64Field(recordAt(conversion, 'webhookClientConfig'), 'caBundle', ['spec', 'conversion', 'webhookClientConfig'], 'spec.conversion.webhookClientConfig.caBundle'),
    ];
  }
  return [];
}

/** `Secret "web-tls"`, `ValidatingWebhookConfiguration "policy"`: how messages name a resource. */
export function resourceLabel(resource: Resource): string {
  return resource.name ? `${resource.kind} "${resource.name}"` : resource.kind;
}

