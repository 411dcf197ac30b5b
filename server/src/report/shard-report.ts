/**
 * `kube-checklist merge`: the JSON reports of `audit --shard I/N` (audit-format/json.ts, its
 * `report` part) read back and joined into the one `AuditReport` a single machine would have
 * made, which every format then renders (one pipeline: no second formatter). The files come back in
 * path order, the scorecard is recomputed from the findings, the kinds and the selection, totals
 * from the files, and fingerprints are the ones each shard computed (the shard plan keeps repeats of
 * one identity in one shard, so their ordinals are the single run's). Warnings every shard gave
 * (no files, a workspace rule that failed) are kept once. Pure: texts in, a report or a problem out;
 * the problem is a key with data that the CLI words in English and Simplified Chinese.
 */
import { EvidenceSource, Finding, Locale, ruleById, RULES, selectRules, Severity, SEVERITIES, SeveritySetting, SUPPORTED_LOCALES } from '../core';
import type { AuditNotification, AuditReport, FileReport, Range, ReportedFinding, SuppressedReport } from './audit-report';
import { totalsOf } from './audit-report';
import { comparePaths } from './paths';
import { computeScorecard } from './scorecard';

export type MergeProblemKey = 'mergeNotOurs' | 'mergeMixed' | 'mergeShardCount' | 'mergeShardMissing' | 'mergeShardTwice' | 'mergeNoInputs';

export interface MergeProblem {
  readonly problem: MergeProblemKey;
  readonly data: Record<string, string>;
}

interface ShardEntry {
  readonly ruleId: string;
  readonly messageId: string;
  readonly data: Record<string, string | number>;
  readonly severity: Severity;
  readonly resource: { apiVersion: string; kind: string; name: string | null; namespace: string | null };
  readonly range: Range;
  readonly related: { file: string; range: Range; message: string }[];
  readonly fingerprint: string;
  readonly reason?: string;
  readonly by?: SuppressedReport['by'];
}

interface ShardFile {
  readonly path: string;
  readonly resourceCount: number;
  readonly kinds: string[];
  readonly controlPlaneKinds: string[];
  /** Evidence sources besides manifests (absent in reports without them). */
  readonly evidence?: EvidenceSource[];
  readonly findings: ShardEntry[];
  readonly suppressed: ShardEntry[];
}

export interface ShardReport {
  readonly name: string;
  readonly shard: { index: number; count: number } | null;
  readonly tool: string;
  readonly toolVersion: string;
  readonly locale: Locale;
  readonly level: 'baseline' | 'restricted';
  readonly kubernetesVersion: string;
  readonly kubernetesVersionOption: string | null;
  readonly rules: { id: string; severity: SeveritySetting }[];
  readonly files: ShardFile[];
  readonly notifications: { text: string; file: string | null; line: number | null; column: number | null }[];
}

/** A shard's JSON, checked enough that the merge cannot crash on it; `name` is how to call it in a message. */
export function readShardReport(text: string, name: string): ShardReport | MergeProblem {
  const notOurs: MergeProblem = { problem: 'mergeNotOurs', data: { file: name } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return notOurs;
  }
  const root = parsed as { version?: unknown; shard?: unknown; report?: Record<string, unknown> } | null;
  const report = root?.report;
  if (!root || typeof root !== 'object' || root.version !== 1 || !report || typeof report !== 'object' || report.tool !== 'kube-checklist') return notOurs;
  const shard = root.shard as ShardReport['shard'];
  const shardOk = shard === null || (typeof shard === 'object' && Number.isInteger(shard?.index) && Number.isInteger(shard?.count) && shard.index >= 1 && shard.index <= shard.count);
  const ok =
    shardOk &&
    typeof report.toolVersion === 'string' &&
    SUPPORTED_LOCALES.includes(report.locale as Locale) &&
    (report.level === 'baseline' || report.level === 'restricted') &&
    typeof report.kubernetesVersion === 'string' &&
    Array.isArray(report.rules) &&
    report.rules.every((rule: { id?: unknown; severity?: unknown }) => typeof rule?.id === 'string' && ruleById(rule.id) !== undefined && SEVERITIES.includes(rule.severity as Severity)) &&
    Array.isArray(report.files) &&
    report.files.every(isShardFile) &&
    Array.isArray(report.notifications) &&
    report.notifications.every((item: { text?: unknown }) => typeof item?.text === 'string');
  return ok ? ({ ...(report as object), name, shard } as ShardReport) : notOurs;
}

function isShardFile(file: Partial<ShardFile> | null): boolean {
  return (
    typeof file?.path === 'string' &&
    typeof file.resourceCount === 'number' &&
    Array.isArray(file.kinds) &&
    Array.isArray(file.controlPlaneKinds) &&
    Array.isArray(file.findings) &&
    Array.isArray(file.suppressed) &&
    [...file.findings, ...file.suppressed].every(isEntry)
  );
}

function isEntry(entry: Partial<ShardEntry> | null): boolean {
  return (
    typeof entry?.ruleId === 'string' &&
    ruleById(entry.ruleId) !== undefined &&
    typeof entry.messageId === 'string' &&
    typeof entry.data === 'object' &&
    entry.data !== null &&
    SEVERITIES.includes(entry.severity as Severity) &&
    typeof entry.resource?.kind === 'string' &&
    typeof entry.range?.start?.line === 'number' &&
    Array.isArray(entry.related) &&
    typeof entry.fingerprint === 'string'
  );
}

/** Every shard once, all of the same run: else the problem that stops the merge. */
export function checkShards(reports: readonly ShardReport[]): MergeProblem | undefined {
  if (reports.length === 0) return { problem: 'mergeNoInputs', data: {} };
  const first = reports[0];
  const same = (report: ShardReport) =>
    report.toolVersion === first.toolVersion &&
    report.locale === first.locale &&
    report.level === first.level &&
    report.kubernetesVersion === first.kubernetesVersion &&
    JSON.stringify(report.rules) === JSON.stringify(first.rules);
  for (const report of reports) {
    if (!same(report)) return { problem: 'mergeMixed', data: { file: report.name, other: first.name } };
  }
  const count = first.shard?.count ?? 1;
  const seen = new Map<number, string>();
  for (const report of reports) {
    if ((report.shard?.count ?? 1) !== count) return { problem: 'mergeShardCount', data: { file: report.name, other: first.name } };
    const index = report.shard?.index ?? 1;
    if (seen.has(index)) return { problem: 'mergeShardTwice', data: { shard: `${index}/${count}`, file: report.name, other: seen.get(index)! } };
    seen.set(index, report.name);
  }
  for (let index = 1; index <= count; index++) if (!seen.has(index)) return { problem: 'mergeShardMissing', data: { shard: `${index}/${count}` } };
  return undefined;
}

/** The checked shards as one report (see the module comment). */
export function mergeShardReports(reports: readonly ShardReport[]): AuditReport {
  const first = reports[0];
  const active = new Map(first.rules.map((rule) => [rule.id, rule.severity]));
  const selection = selectRules({
    level: first.level,
    kubernetesVersion: first.kubernetesVersion,
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, active.get(rule.id) ?? 'off'])),
  });
  const files = reports.flatMap((report) => report.files.map(fileReportOf)).sort((a, b) => comparePaths(a.path, b.path));
  const seen = new Set<string>();
  const notifications: AuditNotification[] = [];
  for (const report of reports) {
    for (const { text, file, line, column } of report.notifications) {
      const key = JSON.stringify([text, file, line, column]);
      if (seen.has(key)) continue;
      seen.add(key);
      notifications.push({ text, ...(file !== null ? { file } : {}), ...(line !== null ? { line } : {}), ...(column !== null ? { column } : {}) });
    }
  }
  const findings = files.flatMap((file) => file.findings.map(({ finding }) => finding));
  const suppressed = files.flatMap((file) => file.suppressed.map(({ finding }) => finding));
  const checked = { kinds: files.flatMap((file) => file.kinds), controlPlaneKinds: files.flatMap((file) => file.controlPlaneKinds), evidence: files.flatMap((file) => file.evidence) };
  return { files, selection, scorecard: computeScorecard(findings, selection, checked, suppressed), totals: totalsOf(files), notifications };
}

/** The kubernetesVersion option the shards ran with (`latest` or a version), for formats that print it. */
export function kubernetesVersionOptionOf(reports: readonly ShardReport[]): string | undefined {
  return reports[0]?.kubernetesVersionOption ?? undefined;
}

export function localeOf(reports: readonly ShardReport[]): Locale | undefined {
  return reports[0]?.locale;
}

function fileReportOf(file: ShardFile): FileReport {
  const reported = (entry: ShardEntry): ReportedFinding => {
    // Positionless and fix-less: formats read the rule, message, severity, resource and range only.
    const finding: Finding = {
      ruleId: entry.ruleId,
      messageId: entry.messageId,
      data: entry.data,
      severity: entry.severity,
      fixes: [],
      path: [],
      target: 'key',
      start: 0,
      end: 0,
      exact: true,
      documentIndex: 0,
      resource: {
        apiVersion: entry.resource.apiVersion,
        kind: entry.resource.kind,
        ...(entry.resource.name !== null ? { name: entry.resource.name } : {}),
        ...(entry.resource.namespace !== null ? { namespace: entry.resource.namespace } : {}),
      },
    };
    return { finding, rule: ruleById(entry.ruleId)!, range: entry.range, related: entry.related.map((place) => ({ path: place.file, range: place.range, message: place.message })), fingerprint: entry.fingerprint };
  };
  return {
    path: file.path,
    resourceCount: file.resourceCount,
    kinds: file.kinds,
    controlPlaneKinds: file.controlPlaneKinds,
    evidence: file.evidence ?? [],
    findings: file.findings.map(reported),
    suppressed: file.suppressed.map((entry) => ({ ...reported(entry), reason: entry.reason ?? '', by: entry.by ?? 'comment' })),
  };
}
