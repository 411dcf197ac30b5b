/**
 * Which rules are active, following the configuration: severity overrides and `off`, the Pod
 * Security level and version (a PSS rule applies from its version, at its level and above, unless
 * a restricted rule that replaces it applies). A selection also carries the Pod Security evaluator
 * that workspace rules get through their context (pod-security-evaluator.ts), so rules never call
 * back into the engine.
 */
import { SensitiveSelector } from '../model/sensitivity';
import { RULES } from '../rules/registry';
import type { PodSecurityEvaluator, PodSecurityLevel, Rule, Severity } from '../rules/types';
import { LATEST_MINOR, parseKubernetesVersion } from '../model/kubernetes-version';
import { ForeignSuppressionMode } from '../suppress/apply-suppressions';
import { createPodSecurityEvaluator, PodSecurityCheck } from './pod-security-evaluator';
import { checkResource } from './check-resource';

export type SeveritySetting = Severity | 'off';

export interface AnalysisOptions {
  readonly level: PodSecurityLevel;
  /** `latest` or `v1.NN`; text that is not a version evaluates as latest. */
  readonly kubernetesVersion: string;
  /** Per-rule severity or `off`, over the rule's defaults. */
  readonly rules?: Readonly<Record<string, SeveritySetting>>;
  /** Which workloads are sensitive, beyond the `kube-checklist.io/sensitive` marker. */
  readonly sensitive?: SensitiveSelector;
  /** The time to judge findings at (epoch ms); the caller's clock when absent. */
  readonly now?: number;
  /** Honour kube-linter, Checkov, Polaris and kube-score ignore annotations (default true; `all`: blanket exemptions of errors too). */
  readonly foreignSuppressions?: ForeignSuppressionMode;
}

export const DEFAULT_OPTIONS: AnalysisOptions = { level: 'restricted', kubernetesVersion: 'latest' };

export interface ActiveRule {
  readonly rule: Rule;
  readonly severity: Severity;
  /** For a restricted rule that replaces a baseline rule: that rule's configured severity (unless off). */
  readonly baselineSeverity?: Severity;
}

export interface RuleSelection {
  readonly rules: readonly ActiveRule[];
  readonly level: PodSecurityLevel;
  readonly minorVersion: number;
  readonly sensitive?: SensitiveSelector;
  readonly now: number;
  readonly foreignSuppressions: ForeignSuppressionMode;
  /** What workspace rules use to check workloads at their Namespace's Pod Security level (see pod-security-evaluator.ts). */
  readonly podSecurity: PodSecurityEvaluator;
}

const LEVEL_RANK: Record<PodSecurityLevel, number> = { baseline: 1, restricted: 2 };

export function selectRules(options: AnalysisOptions): RuleSelection {
  const minorVersion = parseKubernetesVersion(options.kubernetesVersion) ?? LATEST_MINOR;
  const level = options.level === 'baseline' ? 'baseline' : 'restricted';
  const candidates: ActiveRule[] = [];
  for (const rule of RULES) {
    const setting = options.rules?.[rule.id] ?? (rule.enabledByDefault ? rule.defaultSeverity : 'off');
    if (setting === 'off') continue;
    if (rule.pss && (LEVEL_RANK[rule.pss.level] > LEVEL_RANK[level] || minorVersion < rule.pss.since)) continue;
    candidates.push({ rule, severity: setting });
  }
  const replaced = new Map(candidates.filter(({ rule }) => candidates.some((other) => other.rule.pss?.overrides === rule.id)).map((active) => [active.rule.id, active.severity]));
  const rules = candidates
    .filter(({ rule }) => !replaced.has(rule.id))
    .map((active) => {
      const baselineSeverity = active.rule.pss?.overrides ? replaced.get(active.rule.pss.overrides) : undefined;
      return baselineSeverity ? { ...active, baselineSeverity } : active;
    });
  const now = options.now ?? Date.now();
  return {
    rules,
    level,
    minorVersion,
    sensitive: options.sensitive,
    now,
    foreignSuppressions: options.foreignSuppressions === 'all' ? 'all' : options.foreignSuppressions !== false,
    podSecurity: createPodSecurityEvaluator(podSecurityCheck(now)),
  };
}

/** The Pod Security Standards rules alone, at the level and version a Namespace asks for, on one resource. */
function podSecurityCheck(now: number): PodSecurityCheck {
  const selections = new Map<string, RuleSelection>();
  return (resource, level, version) => {
    const key = `${level}/${version}`;
    let selection = selections.get(key);
    if (!selection) {
      const all = selectRules({ level, kubernetesVersion: version, now });
      selections.set(key, (selection = { ...all, rules: all.rules.filter(({ rule }) => rule.pss !== null) }));
    }
    // A PSS rule that throws is reported by the analysis of the resource itself, not twice here.
    return checkResource(resource, selection, [], [resource]);
  };
}

