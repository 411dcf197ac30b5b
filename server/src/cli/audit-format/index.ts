/**
 * The audit output formats, one module each, behind one signature: a report and a context in, the
 * whole standard output out. The names are the contract of `--format`; a format that is listed but
 * not registered here is refused with a clear message.
 */
import type { Locale } from '../../core';
import type { AuditReport } from '../audit-report';
import type { Palette } from '../color';
import { formatJson } from './json';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

export type AuditFormat = 'text' | 'json' | 'sarif' | 'markdown';

export const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'sarif', 'markdown'];

export interface AuditFormatContext {
  readonly locale: Locale;
  /** Colors for terminals; formats meant for machines ignore it. */
  readonly colors: Palette;
  /** List suppressed findings too (they are always counted; SARIF always carries them). */
  readonly showSuppressed?: boolean;
  /** The PATH arguments as given, for the header of the Markdown scorecard. */
  readonly paths?: readonly string[];
  /** The absolute working directory that the report's paths are relative to (SARIF %SRCROOT%). */
  readonly cwd?: string;
  /** `--k8s-version` as given (`latest` or a version); the report's selection has the minor number. */
  readonly kubernetesVersion?: string;
}

export type AuditFormatter = (report: AuditReport, context: AuditFormatContext) => string;

export const AUDIT_FORMATTERS: Readonly<Partial<Record<AuditFormat, AuditFormatter>>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
};
