/**
 * Helm charts: files under a chart's `templates/` folder are Go templates that produce YAML, not
 * YAML themselves, so they are never parsed as manifests (their `{{ }}` actions would be syntax
 * errors or, worse, plausible but false values). Pure: the caller says whether a directory holds a
 * Chart.yaml.
 */

/**
 * The chart directory when `path` (with forward slashes) lies under `<chart>/templates/`, where
 * `<chart>` holds a Chart.yaml; the innermost such chart (subcharts live under `charts/`).
 */
export function helmChartOfTemplate(path: string, hasChartFile: (directory: string) => boolean): string | undefined {
  const segments = path.split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] !== 'templates') continue;
    const chart = segments.slice(0, i).join('/');
    if (hasChartFile(chart === '' ? '.' : chart)) return chart === '' ? '.' : chart;
  }
  return undefined;
}

/** Template actions in a text: `{{ ... }}` outside of comments is Go template syntax. */
export function hasTemplateActions(text: string): boolean {
  return /^[^#\n]*\{\{[^}]*\}\}/m.test(text);
}
