/**
 * Findings by stable identity, and the baseline that accepts the findings of a given day.
 *
 * - The fingerprint of a finding is a SHA-256 of the resource's identity (apiVersion, kind,
 *   namespace, name), the rule, the message id, the finding's node path inside the resource and its
 *   message data (keys sorted), never of a line, a column or a file name: inserting lines, moving a
 *   resource within or between files, reordering documents and reformatting keep it, changing the
 *   offending value (which the data names) makes a new one. Two findings with the same identity
 *   get an ordinal. SARIF's `partialFingerprints` carry the same value (report/audit-format/sarif.ts).
 * - A baseline file is versioned JSON, sorted by file, rule, resource and fingerprint, with the
 *   human context of every entry so that a review of it reads well. Pure: text in, text out.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../rules/types';

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  readonly fingerprint: string;
  readonly rule: string;
  /** Display path of the file when the entry was written (context only: not part of the identity). */
  readonly file: string;
  /** `Kind namespace/name` (context only). */
  readonly resource: string;
}

export interface BaselineFile {
  readonly version: typeof BASELINE_VERSION;
  readonly entries: readonly BaselineEntry[];
}

/** The identity parts of a finding (see the module comment). */
function identityOf(finding: Finding): string {
  const { apiVersion, kind, namespace, name } = finding.resource;
  const data = Object.keys(finding.data ?? {})
    .sort()
    .map((key) => [key, String((finding.data as Record<string, unknown>)[key])]);
  return JSON.stringify([apiVersion ?? '', kind ?? '', namespace ?? '', name ?? '', finding.ruleId, finding.messageId, finding.path.map(String), data]);
}

/**
 * The fingerprints of findings, in their order: the first finding of an identity gets the hash of
 * it, the next ones the hash of it with their ordinal.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number>();

  of(finding: Finding): string {
    const key = identityOf(finding);
    const ordinal = this.seen.get(key) ?? 0;
    this.seen.set(key, ordinal + 1);
    return createHash('sha256')
      .update(ordinal === 0 ? key : `${key}#${ordinal}`, 'utf8')
      .digest('hex');
  }
}

export function fingerprintsOf(findings: readonly Finding[]): string[] {
  const set = new Fingerprints();
  return findings.map((finding) => set.of(finding));
}

/** `Deployment prod/web`: how an entry names its resource. */
export function resourceLabel(finding: Finding): string {
  const { kind, namespace, name } = finding.resource;
  return `${kind ?? '?'} ${namespace ? `${namespace}/` : ''}${name ?? ''}`.trim();
}

export function baselineEntryOf(finding: Finding, fingerprint: string, file: string): BaselineEntry {
  return { fingerprint, rule: finding.ruleId, file, resource: resourceLabel(finding) };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return order(a.file, b.file) || order(a.rule, b.rule) || order(a.resource, b.resource) || order(a.fingerprint, b.fingerprint);
}

/** The baseline file's text: sorted, one entry per line group, a final newline. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const unique = [...new Map(entries.map((entry) => [entry.fingerprint, entry])).values()].sort(compareEntries);
  const file: BaselineFile = { version: BASELINE_VERSION, entries: unique.map(({ fingerprint, rule, file, resource }) => ({ fingerprint, rule, file, resource })) };
  return JSON.stringify(file, null, 2) + '\n';
}

/** The entries of a baseline file's text, or the reason it is not one. */
export function parseBaseline(text: string): { entries: BaselineEntry[] } | { problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const file = value as Partial<BaselineFile> | null;
  if (typeof file !== 'object' || file === null || file.version !== BASELINE_VERSION || !Array.isArray(file.entries)) {
    return { problem: `expected {"version": ${BASELINE_VERSION}, "entries": [...]}` };
  }
  const entries: BaselineEntry[] = [];
  for (const entry of file.entries) {
    if (typeof entry !== 'object' || entry === null || typeof entry.fingerprint !== 'string') return { problem: 'an entry without a "fingerprint"' };
    entries.push({ fingerprint: entry.fingerprint, rule: String(entry.rule ?? ''), file: String(entry.file ?? ''), resource: String(entry.resource ?? '') });
  }
  return { entries };
}

/** A baseline in use: which fingerprints it accepts, and which of them an audit met. */
export class Baseline {
  readonly fingerprints: ReadonlySet<string>;
  private readonly met = new Set<string>();

  constructor(readonly entries: readonly BaselineEntry[]) {
    this.fingerprints = new Set(entries.map((entry) => entry.fingerprint));
  }

  /**
   * The findings of one file split into new ones and baselined ones. `prints` counts the ordinals:
   * an audit passes one for all its files (in path order, as the report and SARIF count them), the
   * editor a new one per document.
   */
  split(findings: readonly Finding[], fingerprints: Fingerprints = new Fingerprints()): { kept: Finding[]; baselined: Finding[] } {
    const kept: Finding[] = [];
    const baselined: Finding[] = [];
    const prints = findings.map((finding) => fingerprints.of(finding));
    findings.forEach((finding, index) => {
      if (this.fingerprints.has(prints[index])) {
        this.met.add(prints[index]);
        baselined.push(finding);
      } else {
        kept.push(finding);
      }
    });
    return { kept, baselined };
  }

  /** Entries no finding of the audit matched (fixed, or the resource is gone). */
  gone(): BaselineEntry[] {
    return this.entries.filter((entry) => !this.met.has(entry.fingerprint));
  }
}
