/**
 * The workspace audit (kubeChecklist/auditWorkspace, see audit-protocol.ts): brings the index of
 * each folder up to date (only changed files are read), audits each folder with the audit the CLI
 * runs (audit-folder.ts), with work-done progress and cancellation between files, then publishes
 * diagnostics for every file with findings (open or not; those of the previous audit that have none
 * now are cleared) and answers with the findings and the checklist scorecard for the report view.
 * Each file is checked with the rules of its own `.kube-checklist.yaml` over the client's settings.
 */
import {
  CancellationToken,
  Connection,
  Diagnostic,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver/node';
import { Locale, appendAll, checkedKindsOf, extraEvidenceOf, RuleFailure, RuleSelection, selectRules, SEVERITIES, Severity } from '../core';
import { carriesControlPlane, computeScorecard, ScorecardEntry } from '../report/scorecard';
import { AUDIT_FORMATTERS } from '../report/audit-format';
import { AUDIT_RESULT_VERSION, AuditFinding, AuditResult, AuditWorkspaceParams, AuditRender } from './audit-protocol';
import type { ServerSettings } from './settings';
import { ConfigLookup } from './config-lookup';
import { isoDay } from '../core/checklist/review-evidence';
import { Positioner, resultDiagnostics, sourcePositioner } from './workspace-diagnostics';
import { rootRelativePath } from '../report/paths';
import { workspaceMessage } from './workspace-messages';
import type { FolderState, WorkspaceService } from './workspace-service';
import { AuditedFile, auditFolder, FolderAudit } from './audit-folder';
import { auditExceptions, ExceptionTracker } from './audit-exceptions';
import type { BaselineFiles } from './baseline-files';
import { auditFinding, checklistSections, dedupeFailures } from './audit-result';

export type { AuditedFile } from './audit-folder';

export interface AuditDependencies {
  readonly connection: Connection;
  readonly workspace: WorkspaceService;
  readonly configs: ConfigLookup;
  readonly baselines: BaselineFiles;
  /** The client's own settings for a uri (the `.kube-checklist.yaml` of each file goes on top here). */
  clientSettingsFor(uri: string): Promise<ServerSettings>;
  locale(): Locale;
  /** The version of an open document, or undefined when it is not open. */
  openVersion(uri: string): number | undefined;
  /** Re-runs the live check of an open document (its diagnostics replace the audit's). */
  revalidate(uri: string): void;
  /** The audit sent the diagnostics of a file (an open one's next check must send its own again). */
  replacedDiagnostics(uri: string): void;
  /** Whether the client trusts the workspace: only then are renderers (kubectl, helm) run. */
  trusted(): boolean;
}

export interface LastAudit {
  readonly files: readonly AuditedFile[];
  readonly selection: RuleSelection;
  readonly scorecard: readonly ScorecardEntry[];
  readonly result: AuditResult;
  readonly kubernetesVersion: string;
}

const REPORT_EVERY_MS = 100;

export class AuditRunner {
  private published = new Map<string, Diagnostic[]>();
  private running: Promise<unknown> = Promise.resolve();
  last: LastAudit | undefined;

  constructor(private readonly deps: AuditDependencies) {}

  /** The diagnostics the last audit published for a file, if any. */
  diagnosticsFor(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri);
  }

  /** Forgets a file the last audit reported (deleted from disk); returns whether it had any. */
  forget(uri: string): boolean {
    return this.published.delete(uri);
  }

  /** Audits run one after the other. */
  run(params: AuditWorkspaceParams, token: CancellationToken): Promise<AuditResult> {
    const next = this.running.then(() => this.audit(params ?? {}, token));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async audit(params: AuditWorkspaceParams, token: CancellationToken): Promise<AuditResult> {
    const { connection, workspace } = this.deps;
    const locale = this.deps.locale();
    const started = Date.now();
    const reporter = connection.window.attachWorkDoneProgress(params.workDoneToken);
    const cancelled = () => token.isCancellationRequested;
    // Cancelling the audit (the request's $/cancelRequest, which is also its progress's cancel) ends a running renderer.
    const abort = new AbortController();
    const onCancel = token.onCancellationRequested(() => abort.abort());
    const stopIfCancelled = () => {
      if (cancelled()) throw new ResponseError(LSPErrorCodes.RequestCancelled, workspaceMessage('auditCancelled', locale));
    };
    reporter.begin(workspaceMessage('auditTitle', locale), 0, workspaceMessage('auditReading', locale, { done: 0, total: '?' }), true);
    try {
      const wanted = params.folders ? new Set(params.folders) : undefined;
      const folders = [...workspace.folders.values()].filter((folder) => !wanted || wanted.has(folder.uri));
      const multiRoot = folders.length > 1;

      // 1. Files: only those changed since they were indexed are read.
      let lastReport = 0;
      let read = 0;
      for (const folder of folders) {
        read += await workspace.refresh(folder, cancelled, (done, total) => {
          const now = Date.now();
          if (now - lastReport < REPORT_EVERY_MS) return;
          lastReport = now;
          reporter.report(Math.round((done / Math.max(total, 1)) * 20), workspaceMessage('auditReading', locale, { done, total }));
        });
        stopIfCancelled();
        folder.ready = true;
      }

      // 2. Rules: every folder audited as one workspace by the audit the CLI runs (host/audit-files.ts).
      const plans: { folder: FolderState; settings: ServerSettings }[] = [];
      for (const folder of folders) plans.push({ folder, settings: await this.deps.clientSettingsFor(folder.uri) });
      stopIfCancelled();
      const audited: AuditedFile[] = [];
      const failures: RuleFailure[] = [];
      const renders: AuditRender[] = [];
      const selections: RuleSelection[] = [];
      const rootSettings: ServerSettings[] = [];
      const exceptions = new ExceptionTracker();
      const baselines: NonNullable<FolderAudit['baseline']>[] = [];
      const configurations: FolderAudit['configurations'][number][] = [];
      const total = plans.reduce((sum, plan) => sum + workspace.indexFor(plan.folder, true)!.index.files.length, 0);
      let before = 0;
      let findingCount = 0;
      reporter.report(20, workspaceMessage('auditWorkspaceRules', locale));
      for (const plan of plans) {
        const folderAudit = await auditFolder(this.deps, plan.folder, plan.settings, abort.signal, cancelled, (progress) => {
          const now = Date.now();
          if (now - lastReport < REPORT_EVERY_MS) return;
          lastReport = now;
          const done = before + progress.done;
          reporter.report(20 + Math.round((done / Math.max(total, 1)) * 75), workspaceMessage('auditChecking', locale, { done, total, resources: progress.resources, findings: findingCount + progress.findings }));
        }, exceptions);
        stopIfCancelled();
        if (!folderAudit) continue;
        before += folderAudit.audited.length;
        findingCount += folderAudit.audited.reduce((sum, { analysis }) => sum + analysis.findings.length, 0);
        appendAll(audited, folderAudit.audited);
        appendAll(failures, folderAudit.ruleFailures);
        appendAll(renders, folderAudit.renders);
        selections.push(folderAudit.selection);
        rootSettings.push(folderAudit.settings);
        appendAll(configurations, folderAudit.configurations);
        if (folderAudit.baseline) baselines.push({ ...folderAudit.baseline, path: multiRoot ? `${plan.folder.name}/${folderAudit.baseline.path}` : folderAudit.baseline.path });
      }
      stopIfCancelled();
      const resources = audited.reduce((sum, { analysis }) => sum + analysis.file.resources.length, 0);

      // 3. Diagnostics for every file with findings; the previous audit's are cleared.
      reporter.report(95, workspaceMessage('auditPublishing', locale, { findings: findingCount }));
      const published = new Map<string, Diagnostic[]>();
      const findings: AuditFinding[] = [];
      for (const { folder, index, analysis } of audited) {
        const own = sourcePositioner(analysis.file.uri, analysis.file.source);
        const resolve = (uri: string): Positioner | undefined => {
          const other = index.file(uri);
          return other ? sourcePositioner(uri, other.source) : undefined;
        };
        const diagnostics = resultDiagnostics(own, analysis, locale, resolve);
        if (diagnostics.length > 0) published.set(analysis.file.uri, diagnostics);
        const display = multiRoot ? `${folder.name}/${analysis.file.path}` : analysis.file.path;
        analysis.findings.forEach((finding, i) => findings.push(auditFinding(findings.length, display, own, finding, diagnostics[i], locale)));
      }
      for (const [uri, diagnostics] of published) {
        void connection.sendDiagnostics({ uri, version: this.deps.openVersion(uri), diagnostics });
        this.deps.replacedDiagnostics(uri);
      }
      for (const uri of this.published.keys()) {
        if (published.has(uri)) continue;
        if (this.deps.openVersion(uri) !== undefined) this.deps.revalidate(uri);
        else void connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      this.published = published;

      // 4. The answer: findings, the checklist scorecard, what was skipped.
      const selection = selections[0] ?? selectRules({ level: 'restricted', kubernetesVersion: 'latest' });
      const allResources = audited.flatMap(({ analysis }) => analysis.file.resources);
      const scorecard = computeScorecard(
        audited.flatMap(({ analysis }) => analysis.findings),
        selection,
        { kinds: audited.flatMap(({ analysis }) => checkedKindsOf(analysis.file)), controlPlaneKinds: allResources.filter(carriesControlPlane).map((resource) => resource.kind), evidence: allResources.flatMap(extraEvidenceOf) },
        audited.flatMap(({ analysis }) => analysis.suppressed.map(({ finding }) => finding)),
        // The first folder's configuration records the review, as its settings give the run's level.
        { accessReviewed: folders[0] ? this.deps.configs.configFor(`${folders[0].uri}/.kube-checklist.yaml`)?.file.config?.reviews?.access : undefined, today: isoDay(selection.now) },
      );
      const bySeverity = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as Record<Severity, number>;
      for (const finding of findings) bySeverity[finding.severity]++;
      const counts = folders.map((folder) => workspace.counts(folder));
      const sum = (key: keyof ReturnType<WorkspaceService['counts']>) => counts.reduce((total, count) => total + count[key], 0);
      const skippedFiles = folders.flatMap((folder) =>
        [...folder.entries.values()]
          .filter((entry) => entry.status === 'too-large' || entry.status === 'binary' || entry.status === 'unreadable')
          .map((entry) => ({ uri: entry.uri, path: multiRoot ? `${folder.name}/${entry.relativePath}` : entry.relativePath, reason: entry.status as 'too-large' | 'binary' | 'unreadable' })),
      );
      const result: AuditResult = {
        version: AUDIT_RESULT_VERSION,
        locale,
        folders: folders.map((folder) => ({ uri: folder.uri, name: folder.name })),
        level: selection.level,
        kubernetesVersion: rootSettings[0]?.options.kubernetesVersion ?? 'latest',
        stats: {
          files: counts.reduce((total, count) => total + Object.values(count).reduce((a, b) => a + b, 0), 0),
          manifests: audited.length,
          resources,
          findings: findings.length,
          suppressed: audited.reduce((total, { analysis }) => total + analysis.suppressed.length, 0),
          bySeverity,
          read,
          skipped: { tooLarge: sum('too-large'), binary: sum('binary'), unreadable: sum('unreadable') },
          durationMs: Date.now() - started,
        },
        findings,
        checklist: checklistSections(scorecard, findings, locale),
        skippedFiles,
        ruleFailures: dedupeFailures(failures),
        renders,
        exportFormats: (['json', 'sarif', 'markdown'] as const).filter((format) => AUDIT_FORMATTERS[format] !== undefined),
        configurations: configurations
          .map(({ found, level, kubernetesVersion }) => ({ uri: found.uri, path: displayPathIn(folders, found.absolute, multiRoot), level, kubernetesVersion }))
          .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
        exceptions: auditExceptions(exceptions, (absolute) => displayPathIn(folders, absolute, multiRoot), baselines),
      };
      this.last = { files: audited, selection, scorecard, result, kubernetesVersion: result.kubernetesVersion };
      connection.console.info(
        `Audit: ${result.stats.manifests} manifest files, ${resources} resources, ${findings.length} findings, ${read} files read, ${result.stats.durationMs} ms.`,
      );
      return result;
    } finally {
      onCancel.dispose();
      reporter.done();
    }
  }
}

/** A file's path as the report shows it: relative to its workspace folder (named first when there are several). */
function displayPathIn(folders: readonly FolderState[], absolute: string, multiRoot: boolean): string {
  for (const folder of folders) {
    const shown = rootRelativePath(absolute, folder.fsPath, folder.fsPath);
    if (shown !== undefined) return multiRoot ? `${folder.name}/${shown}` : shown;
  }
  return absolute;
}
