/**
 * The one signature every audit format has (a report and a context in, the whole standard output
 * out) and the names `--format` accepts. Kept apart from the registry (index.ts) so that a format
 * never imports the list it is registered in.
 */
import type { Locale } from '../../core';
import type { AuditReport } from '../audit-report';
import type { Palette } from '../palette';

export type AuditFormat = 'text' | 'json' | 'sarif' | 'markdown' | 'gitlab' | 'junit' | 'github';

export const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'sarif', 'markdown', 'gitlab', 'junit', 'github'];

export interface AuditFormatContext {
  readonly locale: Locale;
  /** Colors for terminals; formats meant for machines ignore it. */
  readonly colors: Palette;
  /** List suppressed findings too (they are always counted; SARIF always carries them). */
  readonly showSuppressed?: boolean;
  /** The PATH arguments as given, for the header of the Markdown scorecard. */
  readonly paths?: readonly string[];
  /** The absolute working directory that the report's display paths are relative to. */
  readonly cwd?: string;
  /**
   * The absolute repository root that SARIF (`%SRCROOT%`) and GitLab paths are relative to, so that
   * code scanning places them on its checkout (`--root`; default: the git top level, else the
   * common folder of the inputs). Without it, the working directory.
   */
  readonly root?: string;
  /** `--k8s-version` as given (`latest` or a version); the report's selection has the minor number. */
  readonly kubernetesVersion?: string;
}

export type AuditFormatter = (report: AuditReport, context: AuditFormatContext) => string;
