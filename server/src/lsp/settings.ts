/**
 * Settings as the server sees them: the `kubeChecklist` section read through workspace/configuration
 * per document (so each workspace folder may differ), validated, and turned into analysis options.
 * A value of the wrong type falls back to the default rather than failing the document.
 */
import type { AnalysisOptions, PodSecurityLevel, SeveritySetting } from '../core';
import { parseKubernetesVersion, SEVERITIES } from '../core';

export const SETTINGS_SECTION = 'kubeChecklist';

export interface ServerSettings {
  readonly enable: boolean;
  readonly options: AnalysisOptions;
  /** `workspaceRules.liveInEditor`: workspace findings in open files while editing (else only in the audit). */
  readonly workspaceRulesLive: boolean;
  /** `maxFileSizeMB` in bytes: bigger files are skipped, open or not, with one note. */
  readonly maxFileBytes: number;
  /** `baseline`: the baseline file, relative to the workspace folder (empty: none). */
  readonly baseline: string;
  /** `baselineFindings`: what becomes of the findings the baseline holds. */
  readonly baselineFindings: 'hide' | 'hint';
}

const DEFAULT_MAX_MB = 5;
const MAX_MB_RANGE = [0.01, 100] as const;

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  options: { level: 'restricted', kubernetesVersion: 'latest', rules: {} },
  workspaceRulesLive: true,
  maxFileBytes: DEFAULT_MAX_MB * 1024 * 1024,
  baseline: '',
  baselineFindings: 'hide',
};

export function readSettings(raw: unknown): ServerSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_SETTINGS;
  const section = raw as Record<string, unknown>;
  const podSecurity = (section.podSecurity ?? {}) as Record<string, unknown>;
  const level: PodSecurityLevel = podSecurity.level === 'baseline' ? 'baseline' : 'restricted';
  const version = typeof section.kubernetesVersion === 'string' && parseKubernetesVersion(section.kubernetesVersion) !== undefined
    ? section.kubernetesVersion
    : 'latest';
  const rules: Record<string, SeveritySetting> = {};
  if (typeof section.rules === 'object' && section.rules !== null) {
    for (const [id, value] of Object.entries(section.rules as Record<string, unknown>)) {
      if (value === 'off' || (SEVERITIES as readonly unknown[]).includes(value)) rules[id] = value as SeveritySetting;
    }
  }
  const workspaceRules = (section.workspaceRules ?? {}) as Record<string, unknown>;
  return {
    enable: section.enable !== false,
    options: { level, kubernetesVersion: version, rules, foreignSuppressions: section.honorForeignSuppressions === 'all' ? 'all' : section.honorForeignSuppressions !== false },
    workspaceRulesLive: workspaceRules.liveInEditor !== false,
    maxFileBytes: Math.round(maxMegabytes(section.maxFileSizeMB) * 1024 * 1024),
    baseline: typeof section.baseline === 'string' ? section.baseline.trim() : '',
    baselineFindings: section.baselineFindings === 'hint' ? 'hint' : 'hide',
  };
}

function maxMegabytes(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= MAX_MB_RANGE[0] && value <= MAX_MB_RANGE[1] ? value : DEFAULT_MAX_MB;
}
