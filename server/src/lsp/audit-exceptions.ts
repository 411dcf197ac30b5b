/**
 * What Audit Workspace says about exceptions that no longer hold, as the CLI warns about them
 * (issue 16 part 8): the `.kube-checklist.yaml` suppressions that applied to audited files but
 * matched no finding (unused), those past their expiry that matched one (expired: the finding is
 * back), and the entries of the baseline that no finding met (gone: the file can be pruned). The
 * folder audit hands each configuration's scope the tracker's callbacks, then asks for the list,
 * each suppression with its place in its configuration file so the report can link to it.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { Baseline, locate } from '../core';
import { readConfigSource } from '../host/read-source';
import type { AuditExceptions, AuditSuppressionProblem } from './audit-protocol';
import type { FoundConfig } from './config-lookup';

interface Tracked {
  readonly found: FoundConfig;
  readonly used: Set<number>;
  readonly expired: Set<number>;
}

export class ExceptionTracker {
  private readonly tracked = new Map<string, Tracked>();

  /** The callbacks of a configuration that applies to an audited file. */
  scopeOf(found: FoundConfig): { used(index: number): void; expired(index: number): void } {
    let tracked = this.tracked.get(found.absolute);
    if (!tracked) this.tracked.set(found.absolute, (tracked = { found, used: new Set(), expired: new Set() }));
    const { used, expired } = tracked;
    return { used: (index) => used.add(index), expired: (index) => expired.add(index) };
  }

  /** The suppressions that matched nothing or expired; `pathOf` gives a configuration's display path. */
  suppressionProblems(pathOf: (absolute: string) => string): AuditSuppressionProblem[] {
    const problems: AuditSuppressionProblem[] = [];
    for (const { found, used, expired } of this.tracked.values()) {
      const suppressions = found.file.config?.suppressions ?? [];
      type Wrong = Pick<AuditSuppressionProblem, 'index' | 'rule' | 'problem' | 'expires'>;
      const wrong = suppressions.flatMap((suppression, index): Wrong[] => {
        if (expired.has(index)) return [{ index, rule: suppression.rule, problem: 'expired', expires: suppression.expires }];
        return used.has(index) ? [] : [{ index, rule: suppression.rule, problem: 'unused' }];
      });
      if (wrong.length === 0) continue;
      const place = placesOf(found.absolute);
      for (const entry of wrong) problems.push({ uri: found.uri, path: pathOf(found.absolute), range: place(entry.index), ...entry });
    }
    return problems.sort((a, b) => (a.path === b.path ? a.index - b.index : a.path < b.path ? -1 : 1));
  }
}

/** The exceptions part of the audit's answer. */
export function auditExceptions(tracker: ExceptionTracker, pathOf: (absolute: string) => string, baselines: readonly { path: string; baseline: Baseline; held: number }[]): AuditExceptions {
  return {
    suppressions: tracker.suppressionProblems(pathOf),
    baselines: baselines.map(({ path, baseline, held }) => ({ path, entries: baseline.entries.length, held, gone: baseline.gone().length })),
  };
}

/** Where each suppression of a configuration file starts (its list item), read again from disk. */
function placesOf(absolute: string): (index: number) => AuditSuppressionProblem['range'] {
  const read = readConfigSource(absolute);
  const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  if (read.kind !== 'text') return () => nowhere;
  const document = TextDocument.create('file:///config', 'yaml', 0, read.text);
  const contents = parseDocument(read.text).contents;
  return (index) => {
    const { start, end } = locate(contents, ['suppressions', index, 'rule'], 'pair');
    return { start: document.positionAt(start), end: document.positionAt(end) };
  };
}
