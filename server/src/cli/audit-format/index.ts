/**
 * The audit output formats, one module each, behind one signature: a report and a context in, the
 * whole standard output out. The names are the contract of `--format`; a planned format (SARIF,
 * Markdown) is listed and refused with a clear message until its module is registered here.
 */
import type { Locale } from '../../core';
import type { AuditReport } from '../audit-report';
import type { Palette } from '../color';
import { formatJson } from './json';
import { formatText } from './text';

export type AuditFormat = 'text' | 'json' | 'sarif' | 'markdown';

export const AUDIT_FORMATS: readonly AuditFormat[] = ['text', 'json', 'sarif', 'markdown'];

export interface AuditFormatContext {
  readonly locale: Locale;
  /** Colors for terminals; formats meant for machines ignore it. */
  readonly colors: Palette;
  /** List suppressed findings too (they are always counted). */
  readonly showSuppressed?: boolean;
}

export type AuditFormatter = (report: AuditReport, context: AuditFormatContext) => string;

export const AUDIT_FORMATTERS: Readonly<Partial<Record<AuditFormat, AuditFormatter>>> = {
  text: formatText,
  json: formatJson,
};
