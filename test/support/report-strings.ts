/**
 * The strings the report view is given, in tests: recognizable, with markup in them to prove
 * escaping. The extension passes the localized ones (client/src/report-view.ts).
 */
export const REPORT_STRINGS = {
  title: 'Audit <title>',
  folders: 'Folders',
  policy: 'Policy',
  files: 'Files',
  resources: 'Resources',
  findings: 'Findings',
  suppressed: 'Suppressed',
  duration: 'Duration',
  severities: { error: 'Error', warning: 'Warning', info: 'Info', hint: 'Hint' },
  statuses: { pass: 'Passed', fail: 'Failed', manual: 'Manual', 'not-applicable': 'Not applicable', 'not-evaluated': 'Not evaluated' },
  rerun: 'Run again',
  exportAs: 'Export {0}',
  formats: { json: 'JSON', sarif: 'SARIF', markdown: 'Markdown' },
  exportOnlyJson: 'Only JSON',
  skipped: '{0} files were not checked',
  skippedReasons: { 'too-large': 'large', binary: 'binary', unreadable: 'unreadable' },
  ruleFailures: '{0} rules failed',
  renders: 'Rendering: {0} rendered, {1} not',
  renderStatuses: { rendered: 'rendered', failed: 'failed', 'no-tool': 'no tool', untrusted: 'untrusted' },
  checkedBy: 'Checked by',
  toVerify: 'To verify:',
  notApplicable: 'Nothing to look at:',
  noRules: 'No rule',
  notEvaluated: 'Not evaluated: rules off',
  more: '… and {0} more.',
  problemsPanel: 'See Problems.',
  checklistPage: 'Checklist page',
  related: '{0} related',
};
