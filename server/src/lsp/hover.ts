/**
 * Hover: on a finding's range, the rule's explanation for that finding; elsewhere, on a
 * security-relevant key or value, a short explanation of the field.
 */
import type { Hover } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fieldHoverMarkdown, findingHoverMarkdown, keyAtOffset, Locale } from '../core';
import type { DocumentAnalysis } from './analysis-cache';

export function hoverAt(document: TextDocument, analysis: DocumentAnalysis, offset: number, locale: Locale): Hover | null {
  const findings = analysis.result.findings.filter((finding) => offset >= finding.start && offset <= finding.end);
  if (findings.length) {
    const start = findings.reduce((least, finding) => Math.min(least, finding.start), Infinity);
    const end = findings.reduce((most, finding) => Math.max(most, finding.end), -Infinity);
    return {
      contents: { kind: 'markdown', value: findings.map((finding) => findingHoverMarkdown(finding, locale)).join('\n\n---\n\n') },
      range: { start: document.positionAt(start), end: document.positionAt(end) },
    };
  }
  const key = keyAtOffset(analysis.source.documents, offset);
  if (!key) return null;
  const markdown = fieldHoverMarkdown(key.path, locale);
  if (!markdown) return null;
  return { contents: { kind: 'markdown', value: markdown }, range: { start: document.positionAt(key.start), end: document.positionAt(key.end) } };
}
