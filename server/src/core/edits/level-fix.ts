/**
 * "Make this workload meet its Pod Security level" as one edit, said honestly: the first fix of
 * every Pod Security finding of the resource, the list of what that changes (the fixes' own
 * titles), whether any of it changes how the workload runs (a suggestion, such as removing
 * hostNetwork from a node agent), and the Pod Security findings no fix can clear (a hostPath volume
 * needs a person), so the action can say "partly" instead of promising the level. Editors, the
 * MCP server and any other face build their combined fix from this one plan.
 */
import type { PropertyPath } from '../model/values';
import { ruleById } from '../rules/registry';
import type { Finding } from '../rules/types';
import type { DocumentFix } from './apply-fixes';
import type { FixTitle } from './types';

export interface LevelFixPlan {
  readonly fixes: readonly DocumentFix[];
  /** What the edit changes, one title per fix: the asked-about finding's first, then in finding order. */
  readonly changes: readonly FixTitle[];
  /** True when a fix is a suggestion: it may change how the workload runs. */
  readonly changesBehaviour: boolean;
  /** Pod Security findings of the resource that no fix clears: the level is not reached by the edit. */
  readonly unfixable: readonly Finding[];
}

/** The resource's root path inside its document: [] or ['items', i] for List items. */
export function resourceBase(path: PropertyPath): PropertyPath {
  return path[0] === 'items' && typeof path[1] === 'number' ? path.slice(0, 2) : [];
}

export function sameResource(a: Finding, b: Finding): boolean {
  return a.documentIndex === b.documentIndex && JSON.stringify(resourceBase(a.path)) === JSON.stringify(resourceBase(b.path));
}

/** The combined fix of the resource of `finding`; undefined when it is no Pod Security finding or fewer than two fixes would combine. */
export function levelFixPlan(findings: readonly Finding[], finding: Finding): LevelFixPlan | undefined {
  if (!ruleById(finding.ruleId)?.pss) return undefined;
  const ofResource = findings.filter((other) => sameResource(other, finding) && ruleById(other.ruleId)?.pss);
  // The finding asked about first, so its change leads the title.
  const fixable = ofResource.filter((other) => other.fixes.some((fix) => !fix.newFile)).sort((a, b) => Number(b === finding) - Number(a === finding));
  if (fixable.length < 2) return undefined;
  const fixes = fixable.map((other) => ({ documentIndex: other.documentIndex, fix: other.fixes.find((fix) => !fix.newFile)! }));
  return {
    fixes,
    changes: fixes.map(({ fix }) => fix.title),
    changesBehaviour: fixes.some(({ fix }) => fix.tier === 'suggestion'),
    unfixable: ofResource.filter((other) => !fixable.includes(other)),
  };
}
