/**
 * The Pod Security evaluator the engine hands to workspace rules (`WorkspaceRuleContext.podSecurity`):
 * the PSA namespace rules ask how a workload fares against the level and version its Namespace's
 * labels name, whatever the configuration says. The engine supplies the check (analyze.ts runs the
 * PSS rules alone at that level and version); this module remembers its results per resource object
 * and `level/version` for as long as the evaluator (that is, its rule selection) lives. A keystroke
 * in a file of thousands of workloads re-parses only the edited document: the others keep their
 * resource objects, so their violations are not checked again. Only paths, rule ids and the order of
 * the findings are read from here, and those do not change when a document merely moves.
 */
import type { Resource } from '../model/resource';
import type { Finding, PodSecurityEvaluator, PodSecurityLevel } from '../rules/types';

export type PodSecurityCheck = (resource: Resource, level: PodSecurityLevel, version: string) => Finding[];

export function createPodSecurityEvaluator(check: PodSecurityCheck): PodSecurityEvaluator {
  const results = new WeakMap<Resource, Map<string, Finding[]>>();
  return {
    violations(resource, level, version) {
      const key = `${level}/${version}`;
      let byPolicy = results.get(resource);
      if (!byPolicy) results.set(resource, (byPolicy = new Map()));
      let findings = byPolicy.get(key);
      if (!findings) byPolicy.set(key, (findings = check(resource, level, version)));
      return findings;
    },
  };
}
