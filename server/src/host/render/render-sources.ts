/**
 * Rendering what a repository deploys: each top-level Kustomize overlay (a kustomization no other
 * one among the inputs builds on) with `kubectl kustomize` or `kustomize build`, asking for origin
 * annotations, and each Helm chart with `helm template` and its default values. The rendered text
 * is audited like a manifest and every finding is carried back to the file its resource came from.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { KUSTOMIZATION_FILE_NAMES } from '../../core';
import { CANCELLED_REASON, findOnPath, runTool } from './run-tool';

export interface RenderedSet {
  readonly tool: 'kustomize' | 'helm';
  /** The overlay or chart directory (absolute). */
  readonly directory: string;
  readonly text: string;
  /** The absolute file an origin path names. */
  resolveOrigin(originPath: string): string;
}

export interface RenderOutcome {
  readonly sets: RenderedSet[];
  /** Directories that could not be rendered, with the reason. */
  readonly failures: { readonly directory: string; readonly reason: string }[];
  /** Why nothing of a kind was rendered (no tool found), if so. */
  readonly missingTools: ('kustomize' | 'helm')[];
  /** The signal stopped the rendering: what is left was not rendered (and is no failure). */
  cancelled: boolean;
}

export interface RenderRequest {
  /** Absolute paths of the kustomization files among the inputs. */
  readonly kustomizations: readonly string[];
  /** Absolute chart directories whose templates were skipped. */
  readonly charts: readonly string[];
}

/**
 * Renders the overlays, then the charts, one after the other (a renderer may be heavy; two cores
 * shared with the editor are not many), and stops at the first renderer the signal ended.
 */
export async function renderSources(request: RenderRequest, signal?: AbortSignal): Promise<RenderOutcome> {
  const outcome: RenderOutcome = { sets: [], failures: [], missingTools: [], cancelled: false };
  const jobs: { directory: string; render: () => Promise<RenderedSet | { reason: string; cancelled?: true }> }[] = [];
  const overlays = topLevelOverlays(request.kustomizations);
  if (overlays.length > 0) {
    const kubectl = findOnPath('kubectl');
    const kustomize = findOnPath('kustomize');
    if (!kubectl && !kustomize) outcome.missingTools.push('kustomize');
    const command = kustomize ? [kustomize, 'build'] : kubectl ? [kubectl, 'kustomize'] : undefined;
    for (const directory of command ? overlays : []) jobs.push({ directory, render: () => renderOverlay(directory, command!, signal) });
  }
  if (request.charts.length > 0) {
    const helm = findOnPath('helm');
    if (!helm) outcome.missingTools.push('helm');
    for (const directory of helm ? request.charts : []) jobs.push({ directory, render: () => renderChart(helm!, directory, signal) });
  }
  for (const job of jobs) {
    const rendered = signal?.aborted ? { reason: CANCELLED_REASON, cancelled: true as const } : await job.render();
    if ('cancelled' in rendered) {
      outcome.cancelled = true;
      break;
    }
    if ('reason' in rendered) outcome.failures.push({ directory: job.directory, reason: rendered.reason });
    else outcome.sets.push(rendered);
  }
  return outcome;
}

async function renderChart(helm: string, directory: string, signal: AbortSignal | undefined): Promise<RenderedSet | { reason: string; cancelled?: true }> {
  const result = await runTool(helm, ['template', 'release', directory], directory, signal);
  if (!result.ok) return result;
  // `# Source: <chart name>/templates/x.yaml`: the chart's folder holds templates/.
  return { tool: 'helm', directory, text: result.stdout, resolveOrigin: (origin) => path.join(directory, origin.split('/').slice(1).join('/')) };
}

/** Overlays no other kustomization among the inputs builds on (those are rendered with it). */
function topLevelOverlays(kustomizations: readonly string[]): string[] {
  // A Component is only ever built into another kustomization.
  const directories = kustomizations.filter((file) => !isComponent(file)).map((file) => path.dirname(file));
  const referenced = new Set<string>();
  for (const file of kustomizations) {
    for (const entry of referencesOf(file)) referenced.add(path.resolve(path.dirname(file), entry));
  }
  return [...new Set(directories)].filter((directory) => !referenced.has(directory)).sort();
}

function isComponent(file: string): boolean {
  try {
    return /^kind:\s*Component\s*$/m.test(fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

function referencesOf(file: string): string[] {
  try {
    const value = parse(fs.readFileSync(file, 'utf8'), { logLevel: 'silent' }) as Record<string, unknown> | null;
    return ['resources', 'bases', 'components'].flatMap((key) => (Array.isArray(value?.[key]) ? (value![key] as unknown[]) : [])).filter((entry): entry is string => typeof entry === 'string');
  } catch {
    return [];
  }
}

async function renderOverlay(directory: string, command: readonly string[], signal: AbortSignal | undefined): Promise<RenderedSet | { reason: string; cancelled?: true }> {
  // A wrapper kustomization asks for origin annotations without touching the user's files.
  const wrapper = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-render-'));
  try {
    const relative = path.relative(wrapper, directory).split(path.sep).join('/');
    fs.writeFileSync(path.join(wrapper, KUSTOMIZATION_FILE_NAMES[0]), `resources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`);
    const result = await runTool(command[0], [...command.slice(1), '--load-restrictor', 'LoadRestrictionsNone', wrapper], directory, signal);
    if (!result.ok) return result;
    return { tool: 'kustomize', directory, text: result.stdout, resolveOrigin: (origin) => path.resolve(wrapper, origin) };
  } finally {
    fs.rmSync(wrapper, { recursive: true, force: true });
  }
}
