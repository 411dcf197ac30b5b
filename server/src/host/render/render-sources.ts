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
import { findOnPath, runTool } from './run-tool';

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
}

export interface RenderRequest {
  /** Absolute paths of the kustomization files among the inputs. */
  readonly kustomizations: readonly string[];
  /** Absolute chart directories whose templates were skipped. */
  readonly charts: readonly string[];
}

export function renderSources(request: RenderRequest): RenderOutcome {
  const outcome: RenderOutcome = { sets: [], failures: [], missingTools: [] };
  const overlays = topLevelOverlays(request.kustomizations);
  if (overlays.length > 0) {
    const kubectl = findOnPath('kubectl');
    const kustomize = findOnPath('kustomize');
    if (!kubectl && !kustomize) outcome.missingTools.push('kustomize');
    for (const directory of overlays) {
      if (!kubectl && !kustomize) break;
      const rendered = renderOverlay(directory, kustomize ? [kustomize, 'build'] : [kubectl!, 'kustomize']);
      if ('reason' in rendered) outcome.failures.push({ directory, reason: rendered.reason });
      else outcome.sets.push(rendered);
    }
  }
  if (request.charts.length > 0) {
    const helm = findOnPath('helm');
    if (!helm) outcome.missingTools.push('helm');
    for (const directory of helm ? request.charts : []) {
      const result = runTool(helm!, ['template', 'release', directory], directory);
      if (!result.ok) outcome.failures.push({ directory, reason: result.reason });
      // `# Source: <chart name>/templates/x.yaml`: the chart's folder holds templates/.
      else outcome.sets.push({ tool: 'helm', directory, text: result.stdout, resolveOrigin: (origin) => path.join(directory, origin.split('/').slice(1).join('/')) });
    }
  }
  return outcome;
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

function renderOverlay(directory: string, command: readonly string[]): RenderedSet | { reason: string } {
  // A wrapper kustomization asks for origin annotations without touching the user's files.
  const wrapper = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-render-'));
  try {
    const relative = path.relative(wrapper, directory).split(path.sep).join('/');
    fs.writeFileSync(path.join(wrapper, KUSTOMIZATION_FILE_NAMES[0]), `resources:\n  - ${JSON.stringify(relative)}\nbuildMetadata: [originAnnotations]\n`);
    const result = runTool(command[0], [...command.slice(1), '--load-restrictor', 'LoadRestrictionsNone', wrapper], directory);
    if (!result.ok) return { reason: result.reason };
    return { tool: 'kustomize', directory, text: result.stdout, resolveOrigin: (origin) => path.resolve(wrapper, origin) };
  } finally {
    fs.rmSync(wrapper, { recursive: true, force: true });
  }
}
