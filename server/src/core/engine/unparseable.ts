/**
 * Fail closed: every Kubernetes-looking document that could not be read as kubectl reads it (a
 * syntax error, an alias bomb, nesting too deep, a value kubectl decodes differently or refuses, a
 * duplicate key) becomes an `unparseable-manifest` finding, so a gate never passes a document it did
 * not check. The rule's severity may be configured, but never `off`: a rule that is off would turn
 * exactly these documents into a silent skip.
 */
import type { Document } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { ResourceIdentity, SkippedDocument } from '../model/resource';
import type { SourceFile } from '../parse/source-file';
import type { Severity } from '../rules/types';
import { hasTemplateActions } from '../repo/helm';
import type { Finding } from '../rules/types';
import type { RuleSelection } from './select-rules';

export const UNPARSEABLE_RULE_ID = 'unparseable-manifest';

const MESSAGE_IDS: Record<SkippedDocument['reason'], string> = {
  syntax: 'syntax',
  aliases: 'aliases',
  depth: 'depth',
  decode: 'decode',
  'duplicate-key': 'duplicateKey',
};

/** The longest range a finding of a skipped document covers: the rest of its line, at most this. */
const MAX_RANGE = 200;

export function unparseableFindings(source: SourceFile, skipped: readonly SkippedDocument[], selection: RuleSelection): Finding[] {
  if (skipped.length === 0) return [];
  const severity = severityOf(selection);
  // A template's syntax errors are the template's: kubectl cannot apply it either (helm.ts).
  const template = source.text.includes('{{') && hasTemplateActions(source.text);
  const findings: Finding[] = [];
  for (const entry of skipped) {
    if (template && entry.reason === 'syntax') continue;
    const start = Math.max(0, Math.min(entry.offset, source.text.length));
    const lineEnd = source.text.slice(start, start + MAX_RANGE).search(/[\r\n]/);
    const end = lineEnd < 0 ? Math.min(source.text.length, start + MAX_RANGE) : start + lineEnd;
    findings.push({
      ruleId: UNPARSEABLE_RULE_ID,
      messageId: MESSAGE_IDS[entry.reason],
      data: entry.reason === 'duplicate-key' ? { key: entry.detail } : { detail: entry.detail },
      severity,
      path: [],
      target: 'value',
      start,
      end: Math.max(end, Math.min(start + 1, source.text.length)),
      exact: false,
      documentIndex: entry.documentIndex,
      resource: identityOf(source.documents[entry.documentIndex]),
      fixes: [],
    });
  }
  return findings;
}

function severityOf(selection: RuleSelection): Severity {
  return selection.rules.find(({ rule }) => rule.id === UNPARSEABLE_RULE_ID)?.severity ?? 'error';
}

/** What the document says of itself, as far as its root map can be read without decoding. */
function identityOf(document: Document.Parsed | undefined): ResourceIdentity {
  const read = (key: string): string => {
    const node = isMap(document?.contents) ? document.contents.get(key, true) : undefined;
    return isScalar(node) && typeof node.value === 'string' ? node.value : '';
  };
  return { apiVersion: read('apiVersion'), kind: read('kind') };
}
