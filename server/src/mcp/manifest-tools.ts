/**
 * What the check_manifest and fix_manifest tools compute, without any MCP plumbing: the one
 * engine (`analyzeSource`) over a text, its findings with 1-based positions and exact ranges, and
 * the declarative fixes the editor offers applied through the one edits module (`fixEdit`), round
 * after round until nothing changes (a bound stops fixes that would undo each other). Every string
 * taken from the text passes the redaction of core/text/redact.ts.
 */
import {
  AnalysisOptions,
  analyzeSource,
  DEFAULT_OPTIONS,
  DocumentFix,
  Finding,
  fixEdit,
  Locale,
  parseSourceFile,
  PodSecurityLevel,
  positionOf,
  redactSecrets,
  renderFixTitle,
  renderMessage,
  ruleById,
  SourceFile,
} from '../core';

/** Rounds of fixing: a fix that makes another finding appear gets its turn, a loop does not hang. */
export const MAX_FIX_ROUNDS = 8;

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface ToolFinding {
  readonly ruleId: string;
  readonly checklist: readonly string[];
  readonly severity: string;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly range: { readonly start: Position; readonly end: Position };
  readonly exact: boolean;
  readonly resource: { readonly kind: string; readonly name?: string; readonly namespace?: string };
  readonly fixes: readonly { readonly title: string; readonly safety: 'safe' | 'suggestion' }[];
}

export interface CheckInput {
  readonly text: string;
  readonly level?: PodSecurityLevel;
  readonly kubernetesVersion?: string;
}

function optionsOf(input: Pick<CheckInput, 'level' | 'kubernetesVersion'>): AnalysisOptions {
  return { ...DEFAULT_OPTIONS, level: input.level ?? DEFAULT_OPTIONS.level, kubernetesVersion: input.kubernetesVersion ?? DEFAULT_OPTIONS.kubernetesVersion };
}

export function checkManifest(input: CheckInput, locale: Locale): { findings: ToolFinding[]; resourceCount: number } {
  const source = parseSourceFile(input.text);
  const result = analyzeSource(source, optionsOf(input));
  return { findings: result.findings.map((finding) => toolFinding(source, finding, locale)), resourceCount: result.resourceCount };
}

function toolFinding(source: SourceFile, finding: Finding, locale: Locale): ToolFinding {
  const start = positionOf(source, finding.start);
  const end = positionOf(source, finding.end);
  const { kind, name, namespace } = finding.resource;
  return {
    ruleId: finding.ruleId,
    checklist: ruleById(finding.ruleId)?.checklist ?? [],
    severity: finding.severity,
    message: renderMessage(finding, locale),
    line: start.line + 1,
    column: start.character + 1,
    range: { start, end },
    exact: finding.exact,
    resource: {
      kind: redactSecrets(kind),
      ...(name === undefined ? {} : { name: redactSecrets(name) }),
      ...(namespace === undefined ? {} : { namespace: redactSecrets(namespace) }),
    },
    fixes: finding.fixes.filter((fix) => !fix.newFile).map((fix) => ({ title: renderFixTitle(fix.title, locale), safety: fix.tier === 'fix' ? 'safe' : 'suggestion' })),
  };
}

export interface FixInput extends CheckInput {
  readonly ruleIds?: readonly string[];
  readonly include: 'safe' | 'suggestions';
}

export interface AppliedFix {
  readonly ruleId: string;
  readonly title: string;
  readonly safety: 'safe' | 'suggestion';
  readonly round: number;
  /** The 1-based lines of the text before this round that its edit replaced. */
  readonly lines: { readonly from: number; readonly to: number };
}

export interface FixOutput {
  readonly text: string;
  readonly changed: boolean;
  readonly applied: AppliedFix[];
  readonly rounds: number;
  readonly remaining: ToolFinding[];
}

export function fixManifest(input: FixInput, locale: Locale): FixOutput {
  const options = optionsOf(input);
  const wanted = input.ruleIds && input.ruleIds.length > 0 ? new Set(input.ruleIds) : undefined;
  const applied: AppliedFix[] = [];
  let text = input.text;
  let rounds = 0;
  while (rounds < MAX_FIX_ROUNDS) {
    const source = parseSourceFile(text);
    const chosen = chosenFixes(analyzeSource(source, options).findings, wanted, input.include);
    const edit = chosen.length ? fixEdit(text, chosen.map((entry) => entry.fix)) : undefined;
    if (!edit) break;
    rounds++;
    const lines = { from: positionOf(source, edit.start).line + 1, to: positionOf(source, edit.end).line + 1 };
    for (const { ruleId, fix } of chosen) {
      applied.push({ ruleId, title: renderFixTitle(fix.fix.title, locale), safety: fix.fix.tier === 'fix' ? 'safe' : 'suggestion', round: rounds, lines });
    }
    text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  }
  return { text, changed: text !== input.text, applied, rounds, remaining: checkManifest({ ...input, text }, locale).findings };
}

function chosenFixes(findings: readonly Finding[], wanted: Set<string> | undefined, include: FixInput['include']): { ruleId: string; fix: DocumentFix }[] {
  const chosen: { ruleId: string; fix: DocumentFix }[] = [];
  for (const finding of findings) {
    if (wanted && !wanted.has(finding.ruleId)) continue;
    // The first fix of the tier asked for, as the editor's preferred quick fix: one per finding.
    const fix = finding.fixes.find((candidate) => !candidate.newFile && (candidate.tier === 'fix' || include === 'suggestions'));
    if (fix) chosen.push({ ruleId: finding.ruleId, fix: { documentIndex: finding.documentIndex, fix } });
  }
  return chosen;
}
