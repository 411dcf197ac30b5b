/**
 * A warning of a run (a file that could not be read, a chart left unrendered ...): the callback the
 * reading and the audit give them to, and where they point. The CLI prints them on standard error;
 * the reports that carry them (SARIF notifications, the Markdown scorecard) list them.
 */

export interface WarningLocation {
  readonly file?: string;
  /** 1-based. */
  readonly line?: number;
  /** 1-based, UTF-16 code units. */
  readonly column?: number;
}

export type Warn = (text: string, location?: WarningLocation) => void;
