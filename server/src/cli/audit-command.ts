/**
 * `kube-checklist audit [PATH...]`: the options and their checks, then collect → audit → format,
 * and the exit status from the --fail-on threshold. Usage and path errors end the run with status 2
 * before anything is read; trouble with single files is a warning and the run goes on.
 */
import * as path from 'node:path';
import { Baseline, baselineEntryOf, redactDetail, configOptions, Fingerprints, ForeignSuppressionMode, parseBaseline, ruleById, serializeBaseline, KubeChecklistConfig, isNewerThanKnown, KUSTOMIZATION_FILE_NAMES, LATEST_MINOR, Locale, parseKubernetesVersion, parseShardSpec, PodSecurityLevel, RuleSelection, RULES, ShardSpec, selectRules, Severity, SEVERITIES, SeveritySetting } from '../core';
import { configRelative, excludedBy, LoadedConfig, RunConfigs } from '../host/config-loader';
import { renderSources, RenderedSet } from '../host/render/render-sources';
import { oneOf, OptionSpecs, parseCommandArgs } from './args';
import { comparePaths } from '../report/paths';
import { repositoryRoot } from '../host/repository-root';
import { AuditReport, recordWarnings, severityRank, UsedConfiguration, withMinSeverity } from '../report/audit-report';
import { auditInputs } from '../host/audit';
import { changedInputs } from '../host/git-changes';
import { AUDIT_FORMATS, AUDIT_FORMATTERS, AuditFormat } from '../report/audit-format';
import { t } from '../report/messages';
import { usageText, usageTextSuggesting } from './cli-messages';
import { collectFiles, displayPath, InputFile } from '../host/collect-files';
import { useColor } from './color';
import { palette } from '../report/palette';
import { CliError, EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from './errors';
import { InputError } from '../host/errors';
import * as fs from 'node:fs';
import { describeError } from '../host/errors';
import { helpText } from './help';
import type { Host } from './host';
import { parseLangOption } from './locale';
import { decodeSource, MAX_FILE_BYTES, readSourceFile, SourceText } from '../host/read-source';
import { cliVersion } from '../report/version';
import type { Warn } from '../report/warning';
import { warningsTo } from './warnings';
import { runUpgradePreview, upgradeVersionsOf, UpgradeVersions } from './upgrade-command';

export type FailOn = 'error' | 'warning' | 'info' | 'never';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];
const LEVELS: readonly PodSecurityLevel[] = ['baseline', 'restricted'];
const FOREIGN_MODES = ['on', 'off', 'all'] as const;

const OPTIONS: OptionSpecs = {
  format: { type: 'string' },
  level: { type: 'string' },
  'k8s-version': { type: 'string' },
  'fail-on': { type: 'string' },
  'min-severity': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  lang: { type: 'string' },
  'no-color': { type: 'boolean' },
  'show-suppressed': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  'no-foreign-suppressions': { type: 'boolean' },
  'foreign-suppressions': { type: 'string' },
  config: { type: 'string' },
  'stdin-filename': { type: 'string' },
  root: { type: 'string' },
  'no-render': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  disable: { type: 'string', multiple: true },
  'allow-empty': { type: 'boolean' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'prune-baseline': { type: 'boolean' },
  'fail-on-unused-suppressions': { type: 'boolean' },
  'changed-since': { type: 'string' },
  shard: { type: 'string' },
  'upgrade-from': { type: 'string' },
  'upgrade-to': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export interface AuditOptions {
  readonly paths: readonly string[];
  readonly format: AuditFormat;
  readonly level: PodSecurityLevel;
  readonly kubernetesVersion: string;
  readonly failOn: FailOn;
  /** --min-severity / --quiet: findings below this are not printed (they still count for --fail-on). */
  readonly minSeverity: Severity;
  readonly locale: Locale;
  readonly noColor: boolean;
  readonly showSuppressed: boolean;
  /** Files over this many bytes are skipped with a warning. */
  readonly maxFileBytes: number;
  /** Honour kube-linter, Checkov, Polaris and kube-score ignore annotations (`all`: blanket exemptions of errors too). */
  readonly foreignSuppressions: ForeignSuppressionMode;
  /** Render Kustomize overlays and Helm charts when their tools are on PATH (--no-render: never). */
  readonly render: boolean;
  /** --config; when absent, the nearest .kube-checklist.yaml is used. */
  readonly config?: string;
  /** --stdin-filename: the path standard input stands for (reports, configuration lookup). */
  readonly stdinFilename?: string;
  /** --root: the repository root for SARIF and GitLab paths (default: see host/repository-root.ts). */
  readonly root?: string;
  /** --rule: only these rules run (repeatable; each must name a rule). */
  readonly onlyRules: readonly string[];
  /** --disable: these rules do not run (repeatable). */
  readonly disabledRules: readonly string[];
  /** --allow-empty: an audit that checked no resource exits 0 rather than 2. */
  readonly allowEmpty: boolean;
  /** --baseline: report only findings the file does not hold. */
  readonly baseline?: string;
  /** --write-baseline: record today's findings there. */
  readonly writeBaseline?: string;
  /** --prune-baseline: rewrite --baseline without the entries that no longer occur. */
  readonly pruneBaseline: boolean;
  /** --fail-on-unused-suppressions: exit 1 when a suppression matched nothing or expired, or a baseline entry is gone. */
  readonly failOnUnusedSuppressions: boolean;
  /** --changed-since REF: report only the files changed against the git ref and the resources tied to them. */
  readonly changedSince?: string;
  /** --shard I/N: check and report only that shard (core/workspace/shard-plan.ts). */
  readonly shard?: ShardSpec;
  /** --upgrade-from / --upgrade-to: preview what the newer version rejects instead of auditing (see upgrade-command.ts). */
  readonly upgrade?: UpgradeVersions;
  /** The options given on the command line (they override the configuration file). */
  readonly given: ReadonlySet<string>;
}

export function parseAuditOptions(argv: readonly string[], envLocale: Locale): AuditOptions | 'help' {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS, true, envLocale);
  if (values.help) return 'help';
  const locale = typeof values.lang === 'string' ? parseLangOption(values.lang, envLocale) : envLocale;
  const format = oneOf(String(values.format ?? 'text'), AUDIT_FORMATS, '--format', locale);
  if (!AUDIT_FORMATTERS[format]) {
    const available = AUDIT_FORMATS.filter((name) => AUDIT_FORMATTERS[name]).join('|');
    throw new CliError(usageText(locale, 'formatNotYet', { format, available }), true);
  }
  const version = String(values['k8s-version'] ?? 'latest');
  if (!version.trim() || parseKubernetesVersion(version) === undefined) {
    throw new CliError(usageText(locale, 'badValue', { value: version, option: '--k8s-version', expected: 'latest|1.NN|v1.NN' }), true);
  }
  if (isNewerThanKnown(version)) throw new CliError(usageText(locale, 'newerVersion', { value: version, newest: `v1.${LATEST_MINOR}` }), true);
  return {
    paths: positionals.length > 0 ? positionals : typeof values['stdin-filename'] === 'string' ? ['-'] : ['.'],
    format,
    level: oneOf(String(values.level ?? 'restricted'), LEVELS, '--level', locale),
    kubernetesVersion: version.trim(),
    failOn: oneOf(String(values['fail-on'] ?? 'error'), FAIL_ON, '--fail-on', locale),
    minSeverity: minSeverityOf(values, locale),
    locale,
    noColor: values['no-color'] === true,
    showSuppressed: values['show-suppressed'] === true,
    maxFileBytes: maxFileBytesOf(values['max-file-size'], locale),
    foreignSuppressions: values['no-foreign-suppressions'] === true ? false : foreignModeOf(values['foreign-suppressions'], locale),
    config: typeof values.config === 'string' ? values.config : undefined,
    stdinFilename: typeof values['stdin-filename'] === 'string' ? values['stdin-filename'] : undefined,
    root: typeof values.root === 'string' ? values.root : undefined,
    render: values['no-render'] !== true,
    onlyRules: ruleIdsOf(values.rule, '--rule', locale),
    disabledRules: ruleIdsOf(values.disable, '--disable', locale),
    allowEmpty: values['allow-empty'] === true,
    baseline: typeof values.baseline === 'string' ? values.baseline : undefined,
    writeBaseline: typeof values['write-baseline'] === 'string' ? values['write-baseline'] : undefined,
    pruneBaseline: values['prune-baseline'] === true,
    failOnUnusedSuppressions: values['fail-on-unused-suppressions'] === true,
    changedSince: changedSinceOf(values['changed-since'], locale),
    shard: shardOf(values.shard, locale),
    upgrade: upgradeVersionsOf(values, format, locale),
    given: new Set(Object.keys(values)),
  };
}

/** The configuration files that applied to some input, in path order, with the policy each gives. */
function configurationsUsed(options: AuditOptions, found: readonly (LoadedConfig | undefined)[], selectionFor: (loaded: LoadedConfig) => RuleSelection): UsedConfiguration[] {
  const distinct = [...new Set(found.filter((loaded): loaded is LoadedConfig => loaded !== undefined))].sort((a, b) => comparePaths(a.display, b.display));
  return distinct.map((loaded) => {
    // As selectionOf decides: a version given on the command line wins over the file's.
    const version = options.given.has('k8s-version') ? options.kubernetesVersion : (loaded.config.kubernetesVersion ?? options.kubernetesVersion);
    const minor = parseKubernetesVersion(version);
    return { display: loaded.display, level: selectionFor(loaded).level, kubernetesVersion: version.trim().toLowerCase() === 'latest' || minor === undefined ? 'latest' : `v1.${minor}` };
  });
}

/** --quiet is --min-severity error; both given must agree. */
function minSeverityOf(values: Readonly<Record<string, unknown>>, locale: Locale): Severity {
  const given = values['min-severity'] === undefined ? undefined : oneOf(String(values['min-severity']), SEVERITIES, '--min-severity', locale);
  if (values.quiet === true && given !== undefined && given !== 'error') throw new CliError(usageText(locale, 'quietConflict', { severity: given }), true);
  return values.quiet === true ? 'error' : (given ?? 'hint');
}

/** The rule ids of a repeatable option (each may also be a comma-separated list); an unknown one is a usage error. */
function ruleIdsOf(value: unknown, option: string, locale: Locale): string[] {
  const given = (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item) => String(item).split(',')).map((id) => id.trim()).filter(Boolean);
  for (const id of given) if (!ruleById(id)) throw new CliError(usageTextSuggesting(locale, 'unknownRuleOption', { option, rule: id }, id, RULES.map((rule) => rule.id)), false);
  return [...new Set(given)];
}

function changedSinceOf(value: unknown, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  const ref = String(value).trim();
  if (!ref) throw new CliError(usageText(locale, 'missingValue', { option: '--changed-since' }), true);
  return ref;
}

function shardOf(value: unknown, locale: Locale): ShardSpec | undefined {
  if (value === undefined) return undefined;
  const shard = parseShardSpec(String(value));
  if (!shard) throw new CliError(usageText(locale, 'badShard', { value: String(value) }), true);
  return shard;
}

function foreignModeOf(value: unknown, locale: Locale): ForeignSuppressionMode {
  if (value === undefined) return true;
  const mode = oneOf(String(value), FOREIGN_MODES, '--foreign-suppressions', locale);
  return mode === 'all' ? 'all' : mode === 'on';
}

function maxFileBytesOf(value: unknown, locale: Locale): number {
  if (value === undefined) return MAX_FILE_BYTES;
  const megabytes = Number(value);
  if (typeof value !== 'string' || !value.trim() || !Number.isFinite(megabytes) || megabytes <= 0) {
    throw new CliError(usageText(locale, 'badValue', { value: String(value), option: '--max-file-size', expected: 'MB > 0' }), true);
  }
  return Math.round(megabytes * 1024 * 1024);
}

export async function runAudit(argv: readonly string[], host: Host, envLocale: Locale): Promise<number> {
  const options = parseAuditOptions(argv, envLocale);
  if (options === 'help') {
    host.stdout.write(helpText('audit', envLocale, cliVersion()));
    return EXIT_OK;
  }
  const { locale } = options;
  const { warn, notifications } = recordWarnings(warningsTo(host.stderr, palette(useColor(host.stderr, host.env, options.noColor))));
  const configs = new RunConfigs(options.config, host.cwd, locale);
  const primary = configs.primary();
  const configOf = (input: InputFile) => (input.absolute ? configs.configOf(input.absolute) : primary);
  const helmCharts: string[] = [];
  const inputs = (await collectFiles(options.paths, host.cwd, locale, warn, helmCharts, options.stdinFilename)).filter((input) => input.stdin || !excludedBy(configOf(input), input.absolute));
  const rendering = options.render ? await renderFor(inputs, helmCharts, host.cwd, warn, locale) : undefined;
  const renderedCharts = new Set(rendering?.charts ?? []);
  for (const chart of helmCharts) if (!renderedCharts.has(chart)) warn(t(locale, 'helmTemplatesSkipped'), { file: chart });
  if (inputs.length === 0) warn(t(locale, 'noFiles'));
  const changed = options.changedSince === undefined ? undefined : changedInputs(inputs, options.changedSince, host.cwd, locale);
  if (changed) warn(t(locale, 'changedSummary', { ref: redactDetail(options.changedSince!), changed: String(changed.size), total: String(inputs.length) }));
  const selections = new Map<LoadedConfig | undefined, RuleSelection>();
  const selectionFor = (loaded: LoadedConfig | undefined): RuleSelection => {
    let selection = selections.get(loaded);
    if (!selection) selections.set(loaded, (selection = selectionOf(options, loaded?.config ?? {})));
    return selection;
  };
  const baseline = options.baseline === undefined ? undefined : readBaseline(path.resolve(host.cwd, options.baseline), options.baseline, locale);
  let exceptionProblems = 0;
  const used = new Map<LoadedConfig, Set<number>>();
  const markUsed = (loaded: LoadedConfig, index: number) => {
    let set = used.get(loaded);
    if (!set) used.set(loaded, (set = new Set()));
    set.add(index);
  };
  const expiredSeen = new Set<string>();
  const expired = (loaded: LoadedConfig, index: number) => {
    if (expiredSeen.has(`${loaded.absolute}#${index}`)) return;
    expiredSeen.add(`${loaded.absolute}#${index}`);
    exceptionProblems++;
    const suppression = loaded.config.suppressions![index];
    warn(t(locale, 'suppressionExpired', { index: String(index + 1), rule: suppression.rule, date: suppression.expires ?? '' }), { file: loaded.display });
  };
  const read = (input: InputFile): SourceText => (input.stdin ? readStdin(host, options.maxFileBytes) : readSourceFile(input.absolute, options.maxFileBytes));
  if (options.upgrade) return runUpgradePreview(inputs, read, warn, { ...options.upgrade, level: selectionFor(primary).level }, options.format, host, locale);
  const audited = await auditInputs(
    inputs,
    {
      primary: selectionFor(primary),
      reviews: primary?.config.reviews,
      selectionOf: (input) => selectionFor(configOf(input)),
      selectionAt: (directory) => selectionFor(configs.configOf(directory)),
      suppressionsOf: (input) => {
        const loaded = configOf(input);
        const configOnly = loaded?.config.exceptions === 'config-only';
        if (!loaded || (!loaded.config.suppressions?.length && !configOnly)) return undefined;
        markUsed(loaded, -1);
        return {
          suppressions: loaded.config.suppressions ?? [],
          relativePath: configRelative(loaded, input.absolute),
          expired: (index) => expired(loaded, index),
          used: (index) => markUsed(loaded, index),
          configOnly,
          ignored: (finding, by) => warn(t(locale, 'exceptionIgnored', { by: t(locale, by === 'comment' ? 'byComment' : 'byAnnotation'), rule: finding.ruleId }), { file: input.display }),
        };
      },
      baseline,
    },
    read,
    warn,
    locale,
    notifications,
    rendering && { sets: rendering.sets, displayOf: (absolute) => displayPath(absolute, host.cwd), absoluteOf: (display) => path.resolve(host.cwd, display) },
    changed,
    options.shard,
  );
  const report: AuditReport = options.shard ? { ...audited, shard: options.shard } : audited;
  // Suppressions of a configuration that applied to some input but matched nothing.
  for (const [loaded, indexes] of used) {
    loaded.config.suppressions?.forEach((suppression, index) => {
      if (indexes.has(index)) return;
      exceptionProblems++;
      warn(t(locale, 'suppressionUnused', { index: String(index + 1), rule: suppression.rule }), { file: loaded.display });
    });
  }
  if (baseline && options.baseline !== undefined) {
    const gone = baseline.baseline.gone();
    if (gone.length > 0 && options.pruneBaseline) {
      const kept = baseline.baseline.entries.filter((entry) => !gone.includes(entry));
      writeBaselineFile(baseline.absolute, options.baseline, serializeBaseline(kept), locale);
      warn(t(locale, 'baselinePruned', { count: String(gone.length), file: options.baseline }));
    } else if (gone.length > 0) {
      exceptionProblems++;
      warn(t(locale, 'baselineGone', { count: String(gone.length), file: options.baseline }));
    }
    const held = report.files.reduce((total, file) => total + file.suppressed.filter((entry) => entry.by === 'baseline').length, 0);
    if (held > 0) warn(t(locale, 'baselinedSummary', { count: String(held), file: options.baseline }));
  }
  if (options.writeBaseline !== undefined) {
    const prints = new Fingerprints();
    const entries = report.files.flatMap((file) => file.findings.map(({ finding }) => baselineEntryOf(finding, prints.of(finding), file.path)));
    writeBaselineFile(path.resolve(host.cwd, options.writeBaseline), options.writeBaseline, serializeBaseline(entries), locale);
    warn(t(locale, 'baselineWritten', { count: String(entries.length), file: options.writeBaseline }));
  }
  // Nothing checked is no pass: say so (a notification too, so SARIF and Markdown carry it).
  // A change that touches no manifest (a pull request of docs) has nothing to judge, and that is fine;
  // a shard may hold nothing (more shards than namespaces): the merge judges the whole.
  const allowEmpty = options.allowEmpty || changed !== undefined;
  const empty = !options.shard && report.totals.resources === 0 && report.totals.findings === 0 && report.totals.suppressed === 0;
  if (empty && !allowEmpty) warn(t(locale, 'noResources'));
  const formatter = AUDIT_FORMATTERS[options.format]!;
  const shown = { ...report, configurations: configurationsUsed(options, inputs.map(configOf), selectionFor) };
  const printed = options.minSeverity === 'hint' ? shown : withMinSeverity(shown, options.minSeverity);
  host.stdout.write(
    formatter(printed, {
      locale,
      colors: palette(useColor(host.stdout, host.env, options.noColor)),
      showSuppressed: options.showSuppressed,
      paths: options.paths,
      cwd: host.cwd,
      root: repositoryRoot(host.cwd, inputs.filter((input) => !input.stdin).map((input) => input.absolute), options.root),
      kubernetesVersion: options.kubernetesVersion,
    }),
  );
  if (empty && !allowEmpty) return EXIT_ERROR;
  const status = exitStatus(report, options.failOn);
  return status === EXIT_OK && options.failOnUnusedSuppressions && exceptionProblems > 0 ? EXIT_FINDINGS : status;
}

function writeBaselineFile(absolute: string, display: string, text: string, locale: Locale): void {
  try {
    fs.writeFileSync(absolute, text, 'utf8');
  } catch (error) {
    throw new InputError(t(locale, 'baselineUnreadable', { file: display, reason: describeError(error) }));
  }
}

function readBaseline(absolute: string, display: string, locale: Locale): { baseline: Baseline; absolute: string } {
  let text: string;
  try {
    text = fs.readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new InputError(t(locale, 'baselineUnreadable', { file: display, reason: describeError(error) }));
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed) throw new InputError(t(locale, 'baselineUnreadable', { file: display, reason: parsed.problem }));
  return { baseline: new Baseline(parsed.entries), absolute };
}

/** The command line wins over the configuration file, which wins over the defaults. */
function selectionOf(options: AuditOptions, config: KubeChecklistConfig): RuleSelection {
  const base = configOptions(config);
  const rules: Record<string, SeveritySetting> = { ...base.rules };
  if (options.onlyRules.length > 0) {
    for (const rule of RULES) {
      if (!options.onlyRules.includes(rule.id)) rules[rule.id] = 'off';
      else if (rules[rule.id] === undefined || rules[rule.id] === 'off') rules[rule.id] = rule.defaultSeverity;
    }
  }
  for (const id of options.disabledRules) rules[id] = 'off';
  return selectRules({
    ...base,
    rules,
    level: options.given.has('level') ? options.level : config.level ?? options.level,
    kubernetesVersion: options.given.has('k8s-version') ? options.kubernetesVersion : config.kubernetesVersion ?? options.kubernetesVersion,
    foreignSuppressions: options.given.has('no-foreign-suppressions') || options.given.has('foreign-suppressions') ? options.foreignSuppressions : config.honorForeignSuppressions ?? true,
  });
}

/**
 * Renders the top-level Kustomize overlays and the Helm charts among the inputs (tools from PATH),
 * telling what was rendered and what could not be, and why.
 */
async function renderFor(inputs: readonly InputFile[], helmCharts: readonly string[], cwd: string, warn: Warn, locale: Locale): Promise<{ sets: RenderedSet[]; charts: string[] }> {
  const kustomizations = inputs.filter((input) => !input.stdin && KUSTOMIZATION_FILE_NAMES.includes(path.basename(input.absolute))).map((input) => input.absolute);
  const outcome = await renderSources({ kustomizations, charts: helmCharts.map((chart) => path.resolve(cwd, chart)) });
  for (const failure of outcome.failures) warn(t(locale, 'renderFailed', { reason: failure.reason }), { file: displayPath(failure.directory, cwd) });
  if (outcome.missingTools.includes('kustomize')) warn(t(locale, 'noKustomizeTool'));
  const overlays = outcome.sets.filter((set) => set.tool === 'kustomize').length;
  if (overlays > 0) warn(t(locale, 'renderedOverlays', { count: String(overlays) }));
  const charts = outcome.sets.filter((set) => set.tool === 'helm').map((set) => displayPath(set.directory, cwd));
  return { sets: outcome.sets, charts };
}

function readStdin(host: Host, maxBytes: number): SourceText {
  try {
    const bytes = host.readStdin(maxBytes);
    return bytes ? decodeSource(bytes, maxBytes) : { kind: 'too-large', limit: maxBytes };
  } catch (error) {
    return { kind: 'unreadable', reason: describeError(error) };
  }
}

export function exitStatus(report: AuditReport, failOn: FailOn): number {
  if (failOn === 'never') return EXIT_OK;
  const threshold = severityRank(failOn as Severity);
  const failing = report.files.some((file) => file.findings.some(({ finding }) => severityRank(finding.severity) >= threshold));
  return failing ? EXIT_FINDINGS : EXIT_OK;
}
