/**
 * Workspace rule fixtures (test/fixtures/workspace/<rule-id>/<case>/): each case folder is a small
 * workspace of several files (sub-folders allowed), analyzed together as the language server and
 * the audit do. Case folders are named `fire`, `fire-<what>`, `dont-fire` or `dont-fire-<what>`.
 *
 * - `# expect: <rule-id>[, ...]` at the end of a line: a finding of that rule starts on the line.
 * - `# related: <rule-id>[, ...]`: a related location (relatedInformation) of a finding of that rule
 *   starts on the line. Related locations of the compared rules are compared too. Both on one
 *   line: `# expect: <rule-id>; related: <rule-id>`.
 * - `# options: level=... version=...` on the first line of any file sets the analysis options
 *   (every file that has the line must agree).
 *
 * Compared: the set of (file:line, rule id) pairs for the folder's rule and every rule named in a
 * comment, as in test/support/expectations.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyzeWorkspace,
  AnalysisOptions,
  DEFAULT_OPTIONS,
  Finding,
  parseSourceFile,
  positionOf,
  SourceFile,
  WorkspaceAnalysis,
  WorkspaceIndex,
} from '../../server/src/core';
import { FixtureKind, parseOptions } from './expectations';
import { repoPath } from './paths';

export const WORKSPACE_FIXTURES_ROOT = repoPath('test', 'fixtures', 'workspace');

/** `# expect: a, b`, `# related: a`, or both: `# expect: a; related: a`. */
const TRAILING_COMMENT = /#\s*((?:expect|related):[^#]*?)\s*$/;
const OPTIONS_COMMENT = /^\s*#\s*options:\s*(.*?)\s*$/;

export interface LinePair {
  /** `path:line` with a 1-based line. */
  readonly at: string;
  readonly ruleId: string;
}

export interface WorkspaceCase {
  readonly ruleId: string;
  readonly kind: FixtureKind;
  /** Path from the repository root, forward slashes. */
  readonly name: string;
  readonly files: readonly { readonly path: string; readonly source: SourceFile }[];
  readonly options: AnalysisOptions;
  readonly expected: readonly LinePair[];
  readonly expectedRelated: readonly LinePair[];
}

export interface WorkspaceCaseRun {
  readonly fixture: WorkspaceCase;
  readonly index: WorkspaceIndex;
  readonly analysis: WorkspaceAnalysis;
  readonly compared: ReadonlySet<string>;
  /** Findings of the compared rules, each with the source of its file. */
  readonly findings: readonly { readonly finding: Finding; readonly source: SourceFile; readonly path: string }[];
}

export function caseKindOf(folder: string): FixtureKind | undefined {
  if (folder === 'dont-fire' || folder.startsWith('dont-fire-')) return 'dont-fire';
  if (folder === 'fire' || folder.startsWith('fire-')) return 'fire';
  return undefined;
}

/** Every `<rule-id>/<case>` folder, sorted. */
export function listWorkspaceCaseFolders(): string[] {
  if (!fs.existsSync(WORKSPACE_FIXTURES_ROOT)) return [];
  const folders: string[] = [];
  for (const rule of fs.readdirSync(WORKSPACE_FIXTURES_ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    for (const entry of fs.readdirSync(path.join(WORKSPACE_FIXTURES_ROOT, rule), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      folders.push(`${rule}/${entry.name}`);
    }
  }
  return folders;
}

function walk(directory: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...walk(path.join(directory, entry.name), relative));
    else if (/\.(ya?ml|json)$/.test(entry.name)) files.push(relative);
  }
  return files;
}

function ruleIds(list: string): string[] {
  return list.split(',').map((id) => id.trim()).filter(Boolean);
}

export function loadWorkspaceCase(folder: string): WorkspaceCase {
  const [ruleId, caseName] = folder.split('/');
  const kind = caseKindOf(caseName);
  if (!kind) throw new Error(`${folder}: a case folder is named fire, fire-*, dont-fire or dont-fire-*`);
  const directory = path.join(WORKSPACE_FIXTURES_ROOT, ruleId, caseName);
  const name = `test/fixtures/workspace/${folder}`;
  const files: { path: string; source: SourceFile }[] = [];
  const expected: LinePair[] = [];
  const expectedRelated: LinePair[] = [];
  let optionsText: string | undefined;
  for (const relative of walk(directory)) {
    const text = fs.readFileSync(path.join(directory, relative), 'utf8');
    files.push({ path: relative, source: parseSourceFile(text) });
    text.split('\n').forEach((rawLine, line) => {
      const content = rawLine.replace(/\r$/, '');
      const at = `${relative}:${line + 1}`;
      const header = line === 0 ? OPTIONS_COMMENT.exec(content) : null;
      if (header) {
        if (optionsText !== undefined && optionsText !== header[1]) throw new Error(`${name}/${relative}: options differ from another file's`);
        optionsText = header[1];
      }
      const trailing = TRAILING_COMMENT.exec(content);
      for (const part of trailing ? trailing[1].split(';') : []) {
        const match = /^\s*(expect|related):\s*(.*)$/.exec(part);
        if (!match) throw new Error(`${name}/${at}: cannot read "${part}"`);
        const into = match[1] === 'expect' ? expected : expectedRelated;
        ruleIds(match[2]).forEach((id) => into.push({ at, ruleId: id }));
      }
    });
  }
  if (files.length === 0) throw new Error(`${name}: no files`);
  const { options } = parseOptions(optionsText ?? '', name);
  return { ruleId, kind, name, files, options: optionsText === undefined ? DEFAULT_OPTIONS : options, expected, expectedRelated };
}

export function runWorkspaceCase(fixture: WorkspaceCase): WorkspaceCaseRun {
  const index = new WorkspaceIndex(fixture.files.map((file) => ({ uri: file.path, path: file.path, source: file.source })));
  const analysis = analyzeWorkspace(index, fixture.options);
  const compared = new Set([fixture.ruleId, ...fixture.expected.map((e) => e.ruleId), ...fixture.expectedRelated.map((e) => e.ruleId)]);
  const findings = analysis.files.flatMap((result) =>
    result.findings.filter((finding) => compared.has(finding.ruleId)).map((finding) => ({ finding, source: result.file.source, path: result.file.path })),
  );
  return { fixture, index, analysis, compared, findings };
}

function sortPairs(pairs: Iterable<string>): string[] {
  const key = (text: string) => {
    const match = /^(.*):(\d+): (.*)$/.exec(text)!;
    return [match[1], Number(match[2]), match[3]] as const;
  };
  return [...new Set(pairs)].sort((a, b) => {
    const [fa, la, ra] = key(a);
    const [fb, lb, rb] = key(b);
    return fa < fb ? -1 : fa > fb ? 1 : la - lb || (ra < rb ? -1 : ra > rb ? 1 : 0);
  });
}

export function expectedWorkspacePairs(fixture: WorkspaceCase): { findings: string[]; related: string[] } {
  return {
    findings: sortPairs(fixture.expected.map((e) => `${e.at}: ${e.ruleId}`)),
    related: sortPairs(fixture.expectedRelated.map((e) => `${e.at}: ${e.ruleId}`)),
  };
}

export function actualWorkspacePairs(run: WorkspaceCaseRun): { findings: string[]; related: string[] } {
  const sources = new Map(run.fixture.files.map((file) => [file.path, file.source]));
  const findings = run.findings.map(({ finding, source, path: file }) => `${file}:${positionOf(source, finding.start).line + 1}: ${finding.ruleId}`);
  const related = run.findings.flatMap(({ finding }) =>
    (finding.related ?? []).map((location) => {
      const file = location.file ?? '';
      const source = sources.get(file);
      const line = source ? positionOf(source, location.start).line + 1 : 0;
      return `${file}:${line}: ${finding.ruleId}`;
    }),
  );
  return { findings: sortPairs(findings), related: sortPairs(related) };
}

/** Findings that an expectation of a fire case asked for: what the metadata test counts as produced. */
export function expectedWorkspaceFindings(): Finding[] {
  const produced: Finding[] = [];
  for (const folder of listWorkspaceCaseFolders()) {
    let fixture: WorkspaceCase;
    try {
      fixture = loadWorkspaceCase(folder);
    } catch {
      continue; // reported by the case's own test
    }
    if (fixture.kind !== 'fire') continue;
    const wanted = new Set(fixture.expected.map((e) => `${e.at}: ${e.ruleId}`));
    for (const { finding, source, path: file } of runWorkspaceCase(fixture).findings) {
      if (wanted.has(`${file}:${positionOf(source, finding.start).line + 1}: ${finding.ruleId}`)) produced.push(finding);
    }
  }
  return produced;
}
