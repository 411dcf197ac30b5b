/**
 * `kube-checklist audit --upgrade-from v1.NN --upgrade-to v1.MM`: instead of the audit, the
 * upgrade preview (host/upgrade-preview.ts): the Pods and workload templates that pass the Pod
 * Security level (configuration or --level) at the first version and fail at the second, the
 * Namespaces enforcing at latest that would start rejecting them, and as notes the reverse. Exit 1
 * when anything would start failing, 0 otherwise, 2 on usage, configuration or I/O errors.
 */
import { Locale, parseKubernetesVersion, PodSecurityLevel } from '../core';
import type { InputReader } from '../host/audit';
import type { InputFile } from '../host/collect-files';
import { previewInputs } from '../host/upgrade-preview';
import { startsFailing, UPGRADE_FORMATS, UPGRADE_FORMATTERS, UpgradeFormat } from '../report/upgrade-report';
import type { Warn } from '../report/warning';
import { usageText } from './cli-messages';
import { CliError, EXIT_FINDINGS, EXIT_OK } from './errors';
import type { Host } from './host';

export interface UpgradeVersions {
  readonly from: number;
  readonly to: number;
}

/** The two versions of the preview, or undefined when neither option is given. */
export function upgradeVersionsOf(values: Record<string, unknown>, format: string, locale: Locale): UpgradeVersions | undefined {
  const from = values['upgrade-from'];
  const to = values['upgrade-to'];
  if (from === undefined && to === undefined) return undefined;
  if (typeof from !== 'string' || typeof to !== 'string') throw new CliError(usageText(locale, 'upgradeNeedsBoth'), true);
  if (!(UPGRADE_FORMATS as readonly string[]).includes(format)) throw new CliError(usageText(locale, 'upgradeFormat', { format }), true);
  return { from: versionOf(from, '--upgrade-from', locale), to: versionOf(to, '--upgrade-to', locale) };
}

function versionOf(text: string, option: string, locale: Locale): number {
  const minor = text.trim() ? parseKubernetesVersion(text) : undefined;
  if (minor === undefined) throw new CliError(usageText(locale, 'badValue', { value: text, option, expected: 'latest|1.NN|v1.NN' }), true);
  return minor;
}

export function runUpgradePreview(
  inputs: readonly InputFile[],
  read: InputReader,
  warn: Warn,
  request: UpgradeVersions & { readonly level: PodSecurityLevel },
  format: string,
  host: Host,
  locale: Locale,
): number {
  const report = previewInputs(inputs, read, warn, request, locale);
  host.stdout.write(UPGRADE_FORMATTERS[format as UpgradeFormat](report, locale));
  return startsFailing(report) ? EXIT_FINDINGS : EXIT_OK;
}
