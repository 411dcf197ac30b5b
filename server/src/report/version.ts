/**
 * The version of kube-checklist: the `version` of package.json, inlined by webpack into
 * dist/cli.js. Code compiled by tsc alone (out/) has no package.json three folders up and reports
 * a development version instead of failing.
 */

export function cliVersion(): string {
  try {
    // A literal path, so that webpack bundles the file.
    return (require('../../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0-dev';
  }
}
