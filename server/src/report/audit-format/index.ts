/**
 * The audit output formats, one module each, behind one signature: a report and a context in, the
 * whole standard output out. The names are the contract of `--format`; a format that is listed but
 * not registered here is refused with a clear message.
 */
import type { AuditFormat, AuditFormatter } from './format-types';
import { formatGitHub } from './github';
import { formatGitLab } from './gitlab';
import { formatJson } from './json';
import { formatJUnit } from './junit';
import { formatMarkdown } from './markdown';
import { formatSarif } from './sarif';
import { formatText } from './text';

export { AUDIT_FORMATS } from './format-types';
export type { AuditFormat, AuditFormatContext, AuditFormatter } from './format-types';

export const AUDIT_FORMATTERS: Readonly<Partial<Record<AuditFormat, AuditFormatter>>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  markdown: formatMarkdown,
  gitlab: formatGitLab,
  junit: formatJUnit,
  github: formatGitHub,
};
