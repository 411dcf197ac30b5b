/**
 * The layering of the sources, read from their import statements: core ← report ← host ← {cli,
 * lsp}, protocol ← {lsp, client}; cli and lsp never import each other; only client/ imports
 * vscode; core and report use no Node I/O; rules never import the engine or the registry; no file
 * imports itself through a cycle. The checker is first shown to catch what it must catch.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { importCycles, ImportEdge, layeringViolations, readImportGraph } from './support/import-graph';
import { repoPath } from './support/paths';

const graph = readImportGraph(repoPath());

test('the checker catches an lsp → cli import, a rule importing the engine, fs in the core and a cycle', () => {
  const broken: ImportEdge[] = [
    { from: 'server/src/lsp/server.ts', to: 'server/src/cli/errors.ts' },
    { from: 'server/src/cli/run.ts', to: 'server/src/lsp/server.ts' },
    { from: 'server/src/core/rules/images/image-latest-tag.ts', to: 'server/src/core/engine/analyze.ts' },
    { from: 'server/src/core/model/resource.ts', to: 'node:fs' },
    { from: 'server/src/report/scorecard.ts', to: 'server/src/host/audit.ts' },
    { from: 'server/src/host/audit.ts', to: 'server/src/lsp/audit.ts' },
    { from: 'server/src/lsp/hover.ts', to: 'vscode' },
    { from: 'client/src/extension.ts', to: 'server/src/core/index.ts' },
  ];
  assert.deepEqual(layeringViolations(broken), [
    'server/src/lsp/server.ts -> server/src/cli/errors.ts (lsp may not import cli)',
    'server/src/cli/run.ts -> server/src/lsp/server.ts (cli may not import lsp)',
    'server/src/core/rules/images/image-latest-tag.ts -> server/src/core/engine/analyze.ts (rules never import the engine or the registry)',
    'server/src/core/model/resource.ts -> node:fs (core is pure: no Node I/O)',
    'server/src/report/scorecard.ts -> server/src/host/audit.ts (report may not import host)',
    'server/src/host/audit.ts -> server/src/lsp/audit.ts (host may not import lsp)',
    'server/src/lsp/hover.ts -> vscode (only client/ imports vscode)',
    'client/src/extension.ts -> server/src/core/index.ts (client may not import core)',
  ]);
  const cycle: ImportEdge[] = [
    { from: 'a.ts', to: 'b.ts' },
    { from: 'b.ts', to: 'c.ts' },
    { from: 'c.ts', to: 'a.ts' },
    { from: 'c.ts', to: 'd.ts' },
  ];
  assert.deepEqual(importCycles(cycle), [['a.ts', 'b.ts', 'c.ts']]);
  assert.deepEqual(importCycles([...cycle.slice(0, 2), { from: 'c.ts', to: 'a.ts', typeOnly: true }]), [], 'a type-only import is erased: no cycle at run time');
});

test('the graph is read: the faces import the layers below them', () => {
  assert.ok(graph.length > 500, `only ${graph.length} imports read`);
  const has = (from: string, to: string) => graph.some((edge) => edge.from.startsWith(from) && edge.to.startsWith(to));
  assert.ok(has('server/src/lsp/', 'server/src/host/'), 'lsp uses host');
  assert.ok(has('server/src/cli/', 'server/src/host/'), 'cli uses host');
  assert.ok(has('server/src/host/', 'server/src/report/'), 'host uses report');
  assert.ok(has('client/src/', 'server/src/protocol/'), 'the client uses the protocol');
});

test('every import follows the layering', () => {
  assert.deepEqual(layeringViolations(graph), []);
});

test('no import cycle between files', () => {
  assert.deepEqual(importCycles(graph), []);
});
