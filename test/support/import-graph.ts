/**
 * The import graph of the sources, read with the TypeScript compiler's own pre-processor (static
 * imports, `export … from`, `import()` and `require()`), and the checks the layering is held to:
 * which layer may import which, the rules that live inside the core, and no cycle between files.
 * The checks are plain functions over a graph, so a test can also feed them a graph that breaks
 * the rules and see them fail.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

/** An import from one source file (repository-relative, forward slashes) to a module. */
export interface ImportEdge {
  readonly from: string;
  /** The imported file (repository-relative) for a relative import, else the bare module name. */
  readonly to: string;
  /** Only `import type` / `export type` statements name it: erased at compile time, no run-time edge. */
  readonly typeOnly?: boolean;
}

export type Layer = 'protocol' | 'core' | 'report' | 'host' | 'cli' | 'lsp' | 'mcp' | 'web' | 'client';

/** Which layers each layer may import (itself included): core ← report ← host ← {cli, lsp, mcp}, cli → mcp, protocol ← {lsp, client}; lsp ← web (the server in a web worker). */
export const ALLOWED_IMPORTS: Readonly<Record<Layer, readonly Layer[]>> = {
  protocol: ['protocol'],
  core: ['core'],
  report: ['core', 'report'],
  host: ['core', 'report', 'host'],
  cli: ['core', 'report', 'host', 'cli', 'mcp'],
  lsp: ['core', 'report', 'host', 'lsp', 'protocol'],
  mcp: ['core', 'report', 'host', 'mcp'],
  web: ['core', 'report', 'host', 'lsp', 'protocol', 'web'],
  client: ['client', 'protocol'],
};

/** The layer of a repository-relative path, or undefined for files outside the layered sources. */
export function layerOf(file: string): Layer | undefined {
  if (file.startsWith('client/src/')) return 'client';
  const match = /^server\/src\/([^/]+)\//.exec(file);
  const layer = match?.[1];
  return layer && layer in ALLOWED_IMPORTS && layer !== 'client' ? (layer as Layer) : undefined;
}

function sourceFiles(repo: string, directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(repo, directory), { withFileTypes: true })) {
    const relative = `${directory}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(repo, relative));
    else if (entry.name.endsWith('.ts')) files.push(relative);
  }
  return files;
}

function resolveRelative(repo: string, from: string, specifier: string): string {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`, base]) {
    if (fs.existsSync(path.join(repo, candidate))) return candidate;
  }
  return base;
}

/** The module specifiers that a file names in `import type` / `export type` statements only. */
function typeOnlySpecifiers(text: string): Set<string> {
  const statements = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^;'"]*?from\s+['"]([^'"]+)['"]/g;
  const typed = new Set<string>();
  const runtime = new Set<string>();
  for (const match of text.matchAll(statements)) (match[2] ? typed : runtime).add(match[3]);
  return new Set([...typed].filter((specifier) => !runtime.has(specifier)));
}

/** Every import of the server's and the client's sources. */
export function readImportGraph(repo: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of [...sourceFiles(repo, 'server/src'), ...sourceFiles(repo, 'client/src')]) {
    const text = fs.readFileSync(path.join(repo, from), 'utf8');
    const info = ts.preProcessFile(text, true, true);
    const typeOnly = typeOnlySpecifiers(text);
    for (const { fileName } of info.importedFiles) {
      const to = fileName.startsWith('.') ? resolveRelative(repo, from, fileName) : fileName;
      edges.push(typeOnly.has(fileName) ? { from, to, typeOnly: true } : { from, to });
    }
  }
  return edges;
}

/** Node's modules that reach outside the process (files, processes, network), which the pure layers may not use. */
const IO_MODULES = ['fs', 'fs/promises', 'child_process', 'net', 'http', 'https', 'os', 'worker_threads', 'readline'];

function isNodeIo(specifier: string): boolean {
  return IO_MODULES.includes(specifier.replace(/^node:/, ''));
}

/** Every edge against the layering, as `from -> to (why)`. */
export function layeringViolations(edges: readonly ImportEdge[]): string[] {
  const violations: string[] = [];
  for (const { from, to } of edges) {
    const source = layerOf(from);
    if (!source) continue;
    const target = layerOf(to);
    if (target && !ALLOWED_IMPORTS[source].includes(target)) violations.push(`${from} -> ${to} (${source} may not import ${target})`);
    if (!target && to.startsWith('server/src/') && source === 'client') violations.push(`${from} -> ${to} (the client imports only the protocol)`);
    if (to === 'vscode' && source !== 'client') violations.push(`${from} -> vscode (only client/ imports vscode)`);
    if ((source === 'core' || source === 'report') && isNodeIo(to)) violations.push(`${from} -> ${to} (${source} is pure: no Node I/O)`);
    if (source === 'core' && /^vscode-languageserver/.test(to)) violations.push(`${from} -> ${to} (core knows no LSP)`);
    const inRules = from.startsWith('server/src/core/rules/');
    if (inRules && (to.startsWith('server/src/core/engine/') || to === 'server/src/core/rules/registry.ts')) {
      violations.push(`${from} -> ${to} (rules never import the engine or the registry)`);
    }
  }
  return violations;
}

/**
 * The import cycles between files at run time (each strongly connected set of two or more files,
 * sorted); type-only imports are erased by the compiler and make no cycle.
 */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const { from, to, typeOnly } of edges) {
    if (!to.endsWith('.ts') || typeOnly) continue;
    graph.set(from, [...(graph.get(from) ?? []), to]);
  }
  // Tarjan's strongly connected components, iteratively (the graph is a few hundred files deep).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1) cycles.push(component.sort());
    }
  }
  return cycles;
}
