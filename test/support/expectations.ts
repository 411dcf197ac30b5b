/**
 * Rule fixtures that read like documents (test/fixtures/rules/<rule-id>/): how they are found, what
 * they expect and what the engine makes of them.
 *
 * - `fire*.yaml`: every line that must be flagged ends with `# expect: <rule-id>[, <rule-id>...]`.
 * - `dont-fire*.yaml`: near misses; no finding of the folder's rule (other rules may be expected
 *   with the same comments, e.g. the restricted rule that replaces a baseline one).
 * - An optional first line `# options: level=baseline version=v1.24 compare=all` sets the analysis
 *   options (default: restricted, latest). `compare=all` compares every rule, not only the ones the
 *   fixture is about: for documents that must come out completely clean. `enable=<rule-id>[,...]`
 *   turns on rules that are off by default, at their default severity.
 * - JSON fixtures (`*.json`) cannot carry comments: a sidecar `<name>.expect.json` holds
 *   `{"options": "level=... version=...", "expect": [{"line": N, "ruleId": "..."}]}`, where `line` is
 *   1-based, as an editor shows it. Without a sidecar a JSON fixture expects nothing.
 * - Dockerfile fixtures (`fire*.dockerfile`, `dont-fire*.dockerfile`): a `#` after an instruction
 *   is part of its arguments, not a comment, so `# expect: <rule-id>` stands on a line of its own
 *   and names the next line that is not a comment.
 *
 * What is compared: the SET of (0-based line of the finding's start, rule id) pairs, restricted to
 * the rule ids the fixture is about (the folder's rule, plus every id named in an expectation), with
 * the set the expectations list.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeSource, DEFAULT_OPTIONS, parseFile, positionOf, ruleById, RULES } from '../../server/src/core';
import type { AnalysisOptions, AnalysisResult, Finding, PodSecurityLevel, Severity, SourceFile } from '../../server/src/core';
import { repoPath } from './paths';

export const RULE_FIXTURES_ROOT = repoPath('test', 'fixtures', 'rules');

export type FixtureKind = 'fire' | 'dont-fire';

export interface Expectation {
  /** 0-based line. */
  readonly line: number;
  readonly ruleId: string;
}

export interface RuleFixture {
  /** Folder name: the rule the fixture is about. */
  readonly ruleId: string;
  readonly kind: FixtureKind;
  /** Path relative to the repository root, with forward slashes (the test name). */
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly options: AnalysisOptions;
  /** Compare every rule, not only the ones the fixture is about. */
  readonly compareAll: boolean;
  readonly expectations: readonly Expectation[];
}

export interface FixtureRun {
  readonly fixture: RuleFixture;
  readonly source: SourceFile;
  readonly result: AnalysisResult;
  /** The rule ids whose findings are compared. */
  readonly compared: ReadonlySet<string>;
  /** Findings of compared rules. */
  readonly findings: readonly Finding[];
}

const EXPECT_COMMENT = /#\s*expect:\s*(.*?)\s*$/;
const OPTIONS_COMMENT = /^\s*#\s*options:\s*(.*?)\s*$/;
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `fire*.yaml` -> fire, `dont-fire*.json` -> dont-fire, sidecars and anything else -> undefined. */
export function fixtureKindOf(fileName: string): FixtureKind | undefined {
  if (fileName.endsWith('.expect.json')) return undefined;
  if (!/\.(ya?ml|json|dockerfile)$/.test(fileName)) return undefined;
  if (fileName.startsWith('dont-fire')) return 'dont-fire';
  if (fileName.startsWith('fire')) return 'fire';
  return undefined;
}

export function sidecarOf(file: string): string {
  return file.replace(/\.json$/, '.expect.json');
}

/** `level=baseline version=v1.24 compare=all enable=<rule-id>`; anything unknown is an error, so that a typo shows. */
export function parseOptions(text: string, where: string): { options: AnalysisOptions; compareAll: boolean } {
  let level: PodSecurityLevel = DEFAULT_OPTIONS.level;
  let kubernetesVersion = DEFAULT_OPTIONS.kubernetesVersion;
  let compareAll = false;
  const rules: Record<string, Severity> = {};
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const [key, value] = word.split('=');
    if (key === 'level' && (value === 'baseline' || value === 'restricted')) level = value;
    else if (key === 'version' && value && /^(latest|v1\.\d+)$/.test(value)) kubernetesVersion = value;
    else if (key === 'compare' && value === 'all') compareAll = true;
    else if (key === 'enable' && value && value.split(',').every((id) => RULES.some((rule) => rule.id === id))) {
      for (const id of value.split(',')) rules[id] = RULES.find((rule) => rule.id === id)!.defaultSeverity;
    } else throw new Error(`${where}: unknown fixture option "${word}"`);
  }
  return { options: { level, kubernetesVersion, ...(Object.keys(rules).length > 0 ? { rules } : {}) }, compareAll };
}

function parseRuleIds(list: string, where: string): string[] {
  const ids = list.split(',').map((id) => id.trim());
  for (const id of ids) {
    if (!RULE_ID.test(id)) throw new Error(`${where}: "${id}" is not a rule id`);
  }
  return ids;
}

/** The expectations of a YAML fixture, from its trailing `# expect:` comments. */
export function parseExpectComments(text: string, where: string): Expectation[] {
  const expectations: Expectation[] = [];
  // LineCounter counts lines by \n, so does this split; a CR stays at the end of its line.
  text.split('\n').forEach((rawLine, line) => {
    const match = EXPECT_COMMENT.exec(rawLine.replace(/\r$/, ''));
    if (!match) return;
    for (const ruleId of parseRuleIds(match[1], `${where}:${line + 1}`)) expectations.push({ line, ruleId });
  });
  return expectations;
}

export function loadFixture(file: string): RuleFixture {
  const ruleId = path.basename(path.dirname(file));
  const kind = fixtureKindOf(path.basename(file));
  if (!kind) throw new Error(`${file} is not a fixture (fire*/dont-fire* .yaml/.yml/.json)`);
  const name = fixtureName(file);
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const sidecar = sidecarOf(file);
    if (!fs.existsSync(sidecar)) {
      return { ruleId, kind, name, file, text, ...parseOptions('', name), expectations: [] };
    }
    const data = JSON.parse(fs.readFileSync(sidecar, 'utf8')) as { options?: string; expect?: { line: number; ruleId: string }[] };
    const expectations = (data.expect ?? []).map(({ line, ruleId: id }) => {
      if (!Number.isInteger(line) || line < 1) throw new Error(`${sidecar}: line ${line} is not a 1-based line number`);
      parseRuleIds(id, sidecar);
      return { line: line - 1, ruleId: id };
    });
    return { ruleId, kind, name, file, text, ...parseOptions(data.options ?? '', sidecar), expectations };
  }
  const firstLine = text.split('\n', 1)[0].replace(/\r$/, '');
  const header = OPTIONS_COMMENT.exec(firstLine);
  const expectations = file.endsWith('.dockerfile') ? parseDockerfileExpectComments(text, name) : parseExpectComments(text, name);
  return { ruleId, kind, name, file, text, ...parseOptions(header?.[1] ?? '', name), expectations };
}

/** The expectations of a Dockerfile fixture: `# expect:` lines name the next line that is not a comment. */
export function parseDockerfileExpectComments(text: string, where: string): Expectation[] {
  const expectations: Expectation[] = [];
  let pending: string[] = [];
  text.split('\n').forEach((rawLine, line) => {
    const trimmed = rawLine.replace(/\r$/, '').trim();
    const match = /^#\s*expect:\s*(.*?)\s*$/.exec(trimmed);
    if (match) pending.push(...parseRuleIds(match[1], `${where}:${line + 1}`));
    else if (!trimmed.startsWith('#') && trimmed !== '') {
      for (const ruleId of pending) expectations.push({ line, ruleId });
      pending = [];
    }
  });
  return expectations;
}

/** Every fixture folder (whatever its name) and every fixture file in it, sorted. */
export function listFixtureFolders(): string[] {
  if (!fs.existsSync(RULE_FIXTURES_ROOT)) return [];
  return fs
    .readdirSync(RULE_FIXTURES_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export function listFixtureFiles(folder: string): string[] {
  return fs.readdirSync(path.join(RULE_FIXTURES_ROOT, folder)).sort();
}

/** Every fixture file (fire... or dont-fire..., .yaml/.yml/.json) of every folder, sorted. */
export function listFixturePaths(): string[] {
  return listFixtureFolders().flatMap((folder) =>
    listFixtureFiles(folder)
      .filter((fileName) => fixtureKindOf(fileName))
      .map((fileName) => path.join(RULE_FIXTURES_ROOT, folder, fileName)),
  );
}

/** The fixture files that load; one that does not (bad option, bad sidecar) fails its own test. */
export function loadableFixtures(): RuleFixture[] {
  const fixtures: RuleFixture[] = [];
  for (const file of listFixturePaths()) {
    try {
      fixtures.push(loadFixture(file));
    } catch {
      // reported by the fixture's own test
    }
  }
  return fixtures;
}

/** The name of a fixture's test: its path from the repository root. */
export function fixtureName(file: string): string {
  return path.relative(repoPath(), file).split(path.sep).join('/');
}

/**
 * Runs every rule at its default severity with the fixture's level and version; the fixture's own
 * rule runs even when it is off by default (an opt-in rule), at its default severity.
 */
export function runFixture(fixture: RuleFixture): FixtureRun {
  const source = parseFile(fixture.file, fixture.text);
  const own = ruleById(fixture.ruleId);
  const options = own && !own.enabledByDefault ? { ...fixture.options, rules: { ...fixture.options.rules, [own.id]: own.defaultSeverity } } : fixture.options;
  const result = analyzeSource(source, options);
  const compared = new Set(fixture.compareAll ? RULES.map((rule) => rule.id) : [fixture.ruleId, ...fixture.expectations.map((e) => e.ruleId)]);
  const findings = result.findings.filter((finding) => compared.has(finding.ruleId));
  return { fixture, source, result, compared, findings };
}

export function pairKey(line: number, ruleId: string): string {
  return `line ${line + 1}: ${ruleId}`;
}

/** The (line, rule) pairs as sorted strings with 1-based lines, so that a failing diff reads like the file. */
export function expectedPairs(fixture: RuleFixture): string[] {
  return [...new Set(fixture.expectations.map((e) => pairKey(e.line, e.ruleId)))].sort(byLine);
}

export function actualPairs(run: FixtureRun): string[] {
  return [...new Set(run.findings.map((f) => pairKey(positionOf(run.source, f.start).line, f.ruleId)))].sort(byLine);
}

function byLine(a: string, b: string): number {
  const lineOf = (key: string) => Number(/^line (\d+)/.exec(key)![1]);
  return lineOf(a) - lineOf(b) || a.localeCompare(b);
}

/** Why a finding's range is not a visible token on one line, or undefined when it is. */
export function rangeProblem(run: FixtureRun, finding: Finding): string | undefined {
  const { text } = run.source;
  const slice = text.slice(finding.start, finding.end);
  const start = positionOf(run.source, finding.start);
  const end = positionOf(run.source, finding.end);
  const where = `${finding.ruleId}/${finding.messageId} at line ${start.line + 1}, character ${start.character + 1}`;
  if (finding.end <= finding.start || slice.length === 0) return `${where}: empty range`;
  if (start.line !== end.line || /[\r\n]/.test(slice)) return `${where}: range spans lines ${start.line + 1}-${end.line + 1}: ${JSON.stringify(slice)}`;
  if (slice.trim() !== slice) return `${where}: range starts or ends with white space: ${JSON.stringify(slice)}`;
  if (slice.startsWith('#')) return `${where}: range is on a comment: ${JSON.stringify(slice)}`;
  return undefined;
}
