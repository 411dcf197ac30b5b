/**
 * Rendering in the editor's audit, in trusted workspaces only (the client says whether the
 * workspace is trusted; an untrusted one never runs a program): the folder's top-level Kustomize
 * overlays and Helm charts are rendered with the tools on PATH, as the CLI does (the findings are
 * carried to the files they come from by host/render/carry-rendered.ts, as in the CLI). What could
 * not be rendered, and why, goes into the audit result. The renderers run asynchronously, so the
 * server answers other requests meanwhile.
 */
import { fsPathOf } from './workspace-scanner';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KUSTOMIZATION_FILE_NAMES } from '../core';
import { RenderedSet, renderSources } from '../host/render/render-sources';
import type { AuditRender } from './audit-protocol';

export interface RenderedFolder {
  readonly sets: readonly RenderedSet[];
  readonly renders: readonly AuditRender[];
}

/** Renders the folder's overlays and charts; the signal (the audit's cancel) ends a running renderer. */
export async function renderFolder(folderPath: string, entries: Iterable<string>, signal?: AbortSignal): Promise<RenderedFolder> {
  const fsPaths = [...entries].map(fsPathOf).filter((file): file is string => file !== undefined);
  const kustomizations = fsPaths.filter((file) => KUSTOMIZATION_FILE_NAMES.includes(path.basename(file)));
  const charts = fsPaths.filter((file) => path.basename(file) === 'Chart.yaml' && fs.existsSync(path.join(path.dirname(file), 'templates'))).map((file) => path.dirname(file));
  const outcome = await renderSources({ kustomizations, charts }, signal);
  const relative = (directory: string) => path.relative(folderPath, directory).split(path.sep).join('/') || '.';
  const renders: AuditRender[] = [
    ...outcome.sets.map((set) => ({ directory: relative(set.directory), tool: set.tool, status: 'rendered' as const })),
    ...outcome.failures.map((failure) => ({ directory: relative(failure.directory), tool: kustomizations.some((file) => path.dirname(file) === failure.directory) ? ('kustomize' as const) : ('helm' as const), status: 'failed' as const, reason: failure.reason })),
    ...outcome.missingTools.map((tool) => ({ directory: '.', tool, status: 'no-tool' as const })),
  ];
  return { sets: outcome.sets, renders };
}

/** In an untrusted workspace: which kinds of things would have been rendered (nothing is run). */
export function untrustedRenders(entries: Iterable<string>): AuditRender[] {
  const names = [...entries].map((uri) => uri.slice(uri.lastIndexOf('/') + 1));
  const renders: AuditRender[] = [];
  if (names.some((name) => KUSTOMIZATION_FILE_NAMES.includes(name))) renders.push({ directory: '.', tool: 'kustomize', status: 'untrusted' });
  if (names.includes('Chart.yaml')) renders.push({ directory: '.', tool: 'helm', status: 'untrusted' });
  return renders;
}

